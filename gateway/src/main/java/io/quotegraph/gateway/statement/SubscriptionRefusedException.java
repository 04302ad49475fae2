package io.quotegraph.gateway.statement;

import org.eclipse.microprofile.graphql.GraphQLException;

/**
 * statements-service refused to let a subscriber read (401/403); the message starts with {@code unauthorized:} or
 * {@code forbidden:}. A {@link GraphQLException}, so that SmallRye GraphQL sends its message to the subscriber in a
 * last result without logging it as a data fetching error: it is the client's error, logged once by
 * {@link SubscriberAccess}.
 */
public class SubscriptionRefusedException extends GraphQLException {

    public SubscriptionRefusedException(String message) {
        super(message);
    }
}
