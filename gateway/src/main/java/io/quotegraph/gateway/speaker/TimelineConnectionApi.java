package io.quotegraph.gateway.speaker;

import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;
import io.quotegraph.gateway.graphql.PageInfo;
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

/** The fields of {@link TimelineConnection}, cut with the arguments of the field that returned it. */
@GraphQLApi
public class TimelineConnectionApi {

    @Inject
    Context context;

    @Inject
    ManagedExecutor executor;

    @Name("edges")
    @NonNull
    public CompletionStage<List<@NonNull TimelineEdge>> edges(@Source TimelineConnection connection) {
        return page(connection).thenApply(TimelineConnection.Page::edges);
    }

    @Name("pageInfo")
    @NonNull
    public CompletionStage<PageInfo> pageInfo(@Source TimelineConnection connection) {
        return page(connection).thenApply(TimelineConnection.Page::pageInfo);
    }

    @Name("totalCount")
    @NonNull
    @Description("The number of entries in the requested date range, in all pages.")
    public CompletionStage<Integer> totalCount(@Source TimelineConnection connection) {
        return page(connection).thenApply(TimelineConnection.Page::totalCount);
    }

    private CompletionStage<TimelineConnection.Page> page(TimelineConnection connection) {
        try {
            return connection.page(requested(context.unwrap(DataFetchingEnvironment.class)), executor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The arguments of the {@code timeline} field above this connection's field (throws when they are invalid). */
    static TimelineRequest requested(DataFetchingEnvironment dfe) {
        ExecutionStepInfo timelineField = dfe.getExecutionStepInfo().getParent();
        Map<String, Object> args = timelineField == null ? Map.of() : timelineField.getArguments();
        return TimelineRequest.of(args);
    }
}
