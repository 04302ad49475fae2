package io.quotegraph.gateway.statement;

import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A page of statements. Its fields (edges, pageInfo, totalCount) are resolved by {@link StatementConnectionApi}.
 * <p>
 * Either the page was already cut by the backend (the top-level {@code statements} query), or it is a nested connection
 * ({@code Article.statements}, ...) that holds all of its parent's statements, or its first ones, fetched in one batch for
 * all parents, and is cut with the {@code first}/{@code after} of the field it was requested by (a page beyond the first
 * ones held is fetched on its own). SmallRye's batch resolvers only see the
 * arguments of the first parent in a batch, so nested connections must not be cut there: two aliases or two parents with
 * different arguments would get the same page.
 */
@Type("StatementConnection")
@Description("A page of Statements (Relay connection).")
public class StatementConnection {

    @Ignore
    private final Slice<Statement> cut;
    /** The parent's statements from the first on, or null: all of them when complete, else its first ones. */
    @Ignore
    private final List<Statement> known;
    @Ignore
    private final boolean complete;
    @Ignore
    private final long totalCount;
    @Ignore
    private final Function<PageRequest, Slice<Statement>> fetch;
    @Ignore
    private final Map<PageRequest, CompletableFuture<Slice<Statement>>> fetched = new ConcurrentHashMap<>();

    private StatementConnection(Slice<Statement> cut, List<Statement> known, boolean complete, long totalCount,
                                Function<PageRequest, Slice<Statement>> fetch) {
        this.cut = cut;
        this.known = known;
        this.complete = complete;
        this.totalCount = totalCount;
        this.fetch = fetch;
    }

    /** A page the backend already cut. */
    public static StatementConnection of(Slice<Statement> cut) {
        return new StatementConnection(Objects.requireNonNull(cut), null, false, 0, null);
    }

    /** All statements of a parent, to be cut per request. */
    public static StatementConnection ofAll(List<Statement> all) {
        return new StatementConnection(null, List.copyOf(all), true, all.size(), null);
    }

    /** A parent with too many statements to fetch in a batch: each requested page is fetched on its own. */
    public static StatementConnection fetching(Function<PageRequest, Slice<Statement>> fetch) {
        return new StatementConnection(null, null, false, 0, Objects.requireNonNull(fetch));
    }

    /**
     * A parent's first statements (as many as were asked for, or all it has when fewer) and its total: pages within
     * them are cut from them, any other page is fetched on its own.
     */
    public static StatementConnection firstOf(List<Statement> first, int asked, long totalCount,
                                              Function<PageRequest, Slice<Statement>> fetch) {
        return new StatementConnection(null, List.copyOf(first), first.size() < asked || first.size() >= totalCount,
                totalCount, Objects.requireNonNull(fetch));
    }

    /** Whether the page is already cut (and the field arguments need not be looked at). */
    boolean isCut() {
        return cut != null;
    }

    /**
     * The page for the arguments of the field this connection was requested by (ignored if already cut).
     * Only a connection that must fetch its pages does so, on {@code executor}; the others complete at once.
     */
    CompletionStage<Slice<Statement>> page(PageRequest requested, Executor executor) {
        Slice<Statement> atHand = pageAtHand(requested);
        if (atHand != null) {
            return CompletableFuture.completedFuture(atHand);
        }
        return fetched.computeIfAbsent(requested, r -> CompletableFuture.supplyAsync(() -> fetch.apply(r), executor));
    }

    /**
     * The page for these arguments (ignored if already cut) when it needs no backend call: the cut page, or a part of
     * the statements held; null when it must be fetched.
     */
    Slice<Statement> pageAtHand(PageRequest requested) {
        if (cut != null) {
            return cut;
        }
        if (known != null && (complete || (long) requested.offset() + requested.limit() <= known.size())) {
            int from = Math.min(requested.offset(), known.size());
            int to = (int) Math.min(known.size(), (long) from + requested.limit());
            return new Slice<>(known.subList(from, to), requested.offset(), totalCount);
        }
        return null;
    }
}
