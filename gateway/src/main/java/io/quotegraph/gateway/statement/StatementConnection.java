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
 * ({@code Article.statements}, ...) that holds all of its parent's statements, fetched in one batch for all parents, and is
 * cut with the {@code first}/{@code after} of the field it was requested by. SmallRye's batch resolvers only see the
 * arguments of the first parent in a batch, so nested connections must not be cut there: two aliases or two parents with
 * different arguments would get the same page.
 */
@Type("StatementConnection")
@Description("A page of Statements (Relay connection).")
public class StatementConnection {

    @Ignore
    private final Slice<Statement> cut;
    @Ignore
    private final List<Statement> all;
    @Ignore
    private final Function<PageRequest, Slice<Statement>> fetch;
    @Ignore
    private final Map<PageRequest, CompletableFuture<Slice<Statement>>> fetched = new ConcurrentHashMap<>();

    private StatementConnection(Slice<Statement> cut, List<Statement> all, Function<PageRequest, Slice<Statement>> fetch) {
        this.cut = cut;
        this.all = all;
        this.fetch = fetch;
    }

    /** A page the backend already cut. */
    public static StatementConnection of(Slice<Statement> cut) {
        return new StatementConnection(Objects.requireNonNull(cut), null, null);
    }

    /** All statements of a parent, to be cut per request. */
    public static StatementConnection ofAll(List<Statement> all) {
        return new StatementConnection(null, List.copyOf(all), null);
    }

    /** A parent with too many statements to fetch in a batch: each requested page is fetched on its own. */
    public static StatementConnection fetching(Function<PageRequest, Slice<Statement>> fetch) {
        return new StatementConnection(null, null, Objects.requireNonNull(fetch));
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
        if (cut != null) {
            return CompletableFuture.completedFuture(cut);
        }
        if (all != null) {
            return CompletableFuture.completedFuture(Slice.of(all, requested));
        }
        return fetched.computeIfAbsent(requested, r -> CompletableFuture.supplyAsync(() -> fetch.apply(r), executor));
    }
}
