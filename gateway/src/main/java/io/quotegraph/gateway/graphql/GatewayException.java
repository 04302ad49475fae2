package io.quotegraph.gateway.graphql;

/**
 * An error whose message is meant for the API client (bad arguments, a backend's rejection, an unavailable backend).
 * Its message is shown in the GraphQL error (see {@code quarkus.smallrye-graphql.show-runtime-exception-message}).
 */
public class GatewayException extends RuntimeException {

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
