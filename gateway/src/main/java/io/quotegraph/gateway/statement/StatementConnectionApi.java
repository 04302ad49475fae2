package io.quotegraph.gateway.statement;

import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The fields of {@link StatementConnection}: nested connections are cut here, with their own field's arguments.
 * They return already completed stages (no thread hop) unless a page must be fetched, so that the batch resolvers
 * below them still see all of their level's parents at once. A page at hand (no backend call) is answered by
 * {@link StatementConnectionFetchers} without these methods; they run for pages to fetch and for invalid arguments.
 */
@GraphQLApi
public class StatementConnectionApi {

    @Inject
    Context context;

    @Inject
    ManagedExecutor executor;

    @Name("edges")
    @NonNull
    public CompletionStage<List<@NonNull StatementEdge>> edges(@Source StatementConnection connection) {
        return page(connection).thenApply(StatementConnectionApi::edgesOf);
    }

    @Name("pageInfo")
    @NonNull
    public CompletionStage<PageInfo> pageInfo(@Source StatementConnection connection) {
        return page(connection).thenApply(Slice::pageInfo);
    }

    @Name("totalCount")
    @NonNull
    @Description("The number of Statements in all pages.")
    public CompletionStage<Integer> totalCount(@Source StatementConnection connection) {
        return page(connection).thenApply(Slice::count);
    }

    static List<StatementEdge> edgesOf(Slice<Statement> page) {
        return page.edges(StatementEdge::new);
    }

    private CompletionStage<Slice<Statement>> page(StatementConnection connection) {
        try {
            return connection.page(requestedPage(connection, context.unwrap(DataFetchingEnvironment.class)), executor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The page a field of this connection asks for: none for a connection already cut, else {@link #requestedPage}. */
    static PageRequest requestedPage(StatementConnection connection, DataFetchingEnvironment dfe) {
        return connection.isCut() ? null : requestedPage(dfe);
    }

    /** first/after of the field that returned the connection (the parent of the field being resolved). */
    private static PageRequest requestedPage(DataFetchingEnvironment dfe) {
        ExecutionStepInfo connectionField = dfe.getExecutionStepInfo().getParent();
        Map<String, Object> args = connectionField == null ? Map.of() : connectionField.getArguments();
        Object first = args.get("first");
        Object after = args.get("after");
        return PageRequest.of(first == null ? null : ((Number) first).intValue(), after == null ? null : after.toString());
    }
}
