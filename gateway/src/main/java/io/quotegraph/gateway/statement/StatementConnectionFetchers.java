package io.quotegraph.gateway.statement;

import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import io.quotegraph.gateway.graphql.AtHandFetchers;
import io.quotegraph.gateway.graphql.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.function.Function;

/**
 * Lighter fetchers ({@link AtHandFetchers}) for the fields of {@link StatementConnection} ({@code edges},
 * {@code pageInfo}, {@code totalCount}) when the page is at hand: cut by the backend, or a part of the statements
 * fetched for all parents in one batch. They are asked once per connection (for each of 50 articles in
 * {@code articles > statements}). A page that must be fetched, and invalid arguments, go to SmallRye's fetcher
 * ({@link StatementConnectionApi}).
 */
@ApplicationScoped
public class StatementConnectionFetchers {

    /** What each field is made of, from its page (as {@link StatementConnectionApi}'s methods make it). */
    private static final Map<String, Function<Slice<Statement>, Object>> FIELDS = Map.of(
            "edges", StatementConnectionApi::edgesOf,
            "pageInfo", Slice::pageInfo,
            "totalCount", Slice::count);

    private final AtHandFetchers<Slice<Statement>> fetchers = new AtHandFetchers<>("StatementConnection", FIELDS,
            StatementConnectionFetchers::pageAtHand);

    void replace(@Observes GraphQL.Builder builder) {
        fetchers.install(builder);
    }

    /** How many fields got the lighter fetcher (3, or 0 if the type changed). */
    int replacedFields() {
        return fetchers.replacedFields();
    }

    /** Field values answered from a page at hand, and those passed to SmallRye's fetcher, so far. */
    long[] counts() {
        return fetchers.counts();
    }

    /** The page if it needs no backend call and the arguments are valid; else null. */
    private static Slice<Statement> pageAtHand(DataFetchingEnvironment dfe) {
        StatementConnection connection = dfe.getSource();
        try {
            return connection.pageAtHand(StatementConnectionApi.requestedPage(connection, dfe));
        } catch (RuntimeException invalidArguments) {
            return null; // reported by SmallRye's fetcher, as before
        }
    }
}
