package io.quotegraph.gateway.client;

import io.quotegraph.gateway.graphql.GatewayException;

/**
 * A backend answered with an error status. For 4xx the message is the problem's {@code detail} (or its {@code title}),
 * so that it can be passed on to the API client as is.
 */
public class BackendException extends GatewayException {

    private final String service;
    private final int status;

    public BackendException(String service, int status, String message) {
        super(message);
        this.service = service;
        this.status = status;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
