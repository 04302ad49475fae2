package io.quotegraph.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotegraph.gateway.graphql.GatewayException;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Calls a backend and translates whatever goes wrong into a {@link GatewayException} naming the service.
 * Each service's calls go through one guard: a timeout of {@value #TIMEOUT_SECONDS} s and a circuit breaker that opens
 * when half of the last {@value #BREAKER_WINDOW} calls found the service unavailable, fails calls at once for
 * {@value #BREAKER_DELAY_SECONDS} s, then lets one trial call through. Only unavailability counts (a 4xx is an answer).
 */
public final class BackendCalls {

    /** The most ids the backends accept in one {@code ?id=…&id=…} request. */
    public static final int MAX_IDS_PER_CALL = 100;
    static final int TIMEOUT_SECONDS = 5;
    static final int BREAKER_WINDOW = 10;
    static final int BREAKER_DELAY_SECONDS = 5;

    private static final Map<String, Guard> GUARDS = new ConcurrentHashMap<>();

    private BackendCalls() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T call(String service, Supplier<T> call) {
        Guard guard = GUARDS.computeIfAbsent(service, BackendCalls::guard);
        try {
            return guard.get(() -> {
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    throw translate(service, e);
                }
            }, (Class<T>) Object.class);
        } catch (CircuitBreakerOpenException | TimeoutException e) {
            throw new BackendUnavailableException(service, e);
        }
    }

    private static Guard guard(String service) {
        return Guard.create().withDescription(service)
                .withTimeout().duration(TIMEOUT_SECONDS, ChronoUnit.SECONDS).done()
                .withCircuitBreaker().name(service).requestVolumeThreshold(BREAKER_WINDOW).failureRatio(0.5)
                .delay(BREAKER_DELAY_SECONDS, ChronoUnit.SECONDS).successThreshold(1)
                .failOn(List.of(BackendUnavailableException.class, TimeoutException.class)).done()
                .build();
    }

    /** A single-object GET: a backend 404 is an empty result. */
    public static <T> Optional<T> find(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(call(service, call));
        } catch (BackendException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static GatewayException translate(String service, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayException g) {
                return g;
            }
            if (t instanceof JsonProcessingException) {
                return new GatewayException(service + " returned an unreadable response", e);
            }
        }
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            return Problems.toException(service, w.getResponse());
        }
        return new BackendUnavailableException(service, e);
    }
}
