package io.quotegraph.gateway.client;

import io.quotegraph.gateway.graphql.GatewayException;

/** A backend could not be reached (connection refused, timed out, ...). The message names the service. */
public class BackendUnavailableException extends GatewayException {

    private final String service;

    public BackendUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable" + reason(cause), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        if (name.contains("CircuitBreakerOpen")) {
            return " (circuit breaker open: it failed recently)";
        }
        if (name.contains("Timeout")) {
            return " (timed out)";
        }
        if (name.contains("Connect")) {
            return " (connection refused)";
        }
        return "";
    }
}
