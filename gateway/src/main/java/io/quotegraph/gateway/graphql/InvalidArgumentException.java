package io.quotegraph.gateway.graphql;

/** A query argument the gateway rejects before calling any backend (e.g. {@code first} above the limit, a bad cursor). */
public class InvalidArgumentException extends GatewayException {

    public InvalidArgumentException(String message) {
        super(message);
    }
}
