package io.quotegraph.gateway.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test only: sees where the response cache's recomputations execute, and can hold one on the thread that completes
 * it (a deliberately slow refresh: CPU-bound work on that thread, as serialising a large answer is). Does nothing to
 * other requests, nor to refreshes unless {@link #holdNextRefresh} was called.
 */
@ApplicationScoped
public class RefreshProbe {

    @Inject
    CurrentVertxRequest currentRequest;

    private volatile String lastRefreshThread;
    private volatile CountDownLatch holding;
    private volatile CountDownLatch held;
    private volatile CountDownLatch release;

    GraphQL.Builder addInstrumentation(@Observes GraphQL.Builder builder) {
        Instrumentation configured = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(configured, new Probe())));
    }

    /** The next refresh to complete blocks the thread completing it until {@link #release()}. */
    void holdNextRefresh() {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        holding = held;
    }

    boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    void release() {
        if (release != null) {
            release.countDown();
        }
    }

    String lastRefreshThread() {
        return lastRefreshThread;
    }

    private boolean isRefresh() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext current = currentRequest.getCurrent();
        return current != null && current.request().getHeader(ResponseCache.REFRESH_HEADER) != null;
    }

    private final class Probe extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                            InstrumentationExecutionParameters parameters,
                                                                            InstrumentationState state) {
            if (isRefresh()) {
                lastRefreshThread = Thread.currentThread().getName();
                CountDownLatch hold = holding;
                if (hold != null) {
                    holding = null;
                    hold.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return CompletableFuture.completedFuture(result);
        }
    }
}
