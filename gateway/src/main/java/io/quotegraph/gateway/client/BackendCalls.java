package io.quotegraph.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotegraph.gateway.graphql.GatewayException;
import jakarta.ws.rs.WebApplicationException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Calls a backend and translates whatever goes wrong into a {@link GatewayException} naming the service. */
public final class BackendCalls {

    /** The most ids the backends accept in one {@code ?id=…&id=…} request. */
    public static final int MAX_IDS_PER_CALL = 100;

    private BackendCalls() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(service, e);
        }
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

    /** Distinct, non-null ids in chunks the backends accept. */
    public static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        distinct.removeIf(id -> id == null || id.isBlank());
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += MAX_IDS_PER_CALL) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + MAX_IDS_PER_CALL)));
        }
        return chunks;
    }
}
