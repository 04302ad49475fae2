package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.model.view.TimelineEntryView;
import io.quotegraph.model.view.TimelineView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A page of a speaker's timeline. Its fields (edges, pageInfo, totalCount) are resolved by {@link TimelineConnectionApi}
 * with the arguments of the field that asked for it: the batch resolver fetches every speaker's page at once with the
 * arguments of the first speaker's field (all SmallRye shows it), which is the page asked for unless aliases ask for
 * other pages; those are fetched on their own.
 */
@Type("TimelineConnection")
@Description("A page of a speaker's timeline, oldest first (Relay connection; the cursors are opaque).")
public class TimelineConnection {

    @Ignore
    private final TimelineRequest fetchedFor;
    @Ignore
    private final TimelineView fetched;
    @Ignore
    private final Function<TimelineRequest, TimelineView> fetch;
    @Ignore
    private final Map<TimelineRequest, CompletableFuture<Page>> others = new ConcurrentHashMap<>();

    /** A cut page: what the connection's fields show. */
    record Page(List<TimelineEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    public TimelineConnection(TimelineRequest fetchedFor, TimelineView fetched, Function<TimelineRequest, TimelineView> fetch) {
        this.fetchedFor = fetchedFor;
        this.fetched = fetched;
        this.fetch = fetch;
    }

    /** The page for the arguments of the field this connection was requested by. */
    CompletionStage<Page> page(TimelineRequest requested, Executor executor) {
        Page atHand = pageAtHand(requested);
        if (atHand != null) {
            return CompletableFuture.completedFuture(atHand);
        }
        return others.computeIfAbsent(requested,
                r -> CompletableFuture.supplyAsync(() -> cut(fetch.apply(r), r.first()), executor));
    }

    /** The page for these arguments if it was fetched with the connection (no backend call); else null. */
    Page pageAtHand(TimelineRequest requested) {
        return requested.equals(fetchedFor) ? cut(fetched, requested.first()) : null;
    }

    /** The page a backend page shows; one that lists more than {@code first} (0 is asked as 1) is cut to it. */
    static Page cut(TimelineView page, int first) {
        if (page == null) {
            return new Page(List.of(), new PageInfo(false, null), 0);
        }
        List<TimelineEntryView> items = page.items().size() > first ? page.items().subList(0, first) : page.items();
        List<TimelineEdge> edges = items.stream().map(e -> new TimelineEdge(node(e), e.cursor())).toList();
        boolean more = items.size() < page.items().size() || page.hasNextPage();
        String endCursor = items.isEmpty() ? null : items.get(items.size() - 1).cursor();
        return new Page(edges, new PageInfo(more, endCursor), (int) Math.min(Integer.MAX_VALUE, page.totalCount()));
    }

    private static TimelineEntry node(TimelineEntryView e) {
        return TimelineEntryView.EVENT.equals(e.kind()) ? new TimelineEvent(e) : new TimelineStatement(e);
    }
}
