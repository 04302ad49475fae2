package io.quotegraph.gateway.speaker;

import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import io.quotegraph.gateway.graphql.AtHandFetchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.function.Function;

/**
 * Lighter fetchers ({@link AtHandFetchers}) for the fields of {@link TimelineConnection} ({@code edges},
 * {@code pageInfo}, {@code totalCount}) when the page is the one fetched with the connection (the timelines of a
 * level's speakers come in one batch): asked once per speaker in {@code speakers > timeline}. Another page, and invalid
 * arguments, go to SmallRye's fetcher ({@link TimelineConnectionApi}).
 */
@ApplicationScoped
public class TimelineConnectionFetchers {

    /** What each field is made of, from its page (as {@link TimelineConnectionApi}'s methods make it). */
    private static final Map<String, Function<TimelineConnection.Page, Object>> FIELDS = Map.of(
            "edges", TimelineConnection.Page::edges,
            "pageInfo", TimelineConnection.Page::pageInfo,
            "totalCount", TimelineConnection.Page::totalCount);

    private final AtHandFetchers<TimelineConnection.Page> fetchers = new AtHandFetchers<>("TimelineConnection", FIELDS,
            TimelineConnectionFetchers::pageAtHand);

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

    /** The page if it was fetched with the connection and the arguments are valid; else null. */
    private static TimelineConnection.Page pageAtHand(DataFetchingEnvironment dfe) {
        TimelineConnection connection = dfe.getSource();
        try {
            return connection.pageAtHand(TimelineConnectionApi.requested(dfe));
        } catch (RuntimeException invalidArguments) {
            return null; // reported by SmallRye's fetcher, as before
        }
    }
}
