package io.quotegraph.gateway.statement;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.graphql.SourceBatchFetchers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Lighter fetchers for the fields of {@link StatementConnection} ({@code edges}, {@code pageInfo}, {@code totalCount})
 * when the page is at hand: cut by the backend, or a part of the statements fetched for all parents in one batch. They
 * are asked once per connection (for each of 50 articles in {@code articles > statements}), and SmallRye's fetcher of
 * a {@code @Source} method fills the request's context first, including the field's selected sub-fields as JSON
 * (graphql-java allocates a lock per selected field): a fifth to a quarter of the allocation of a computation of
 * the 50-article query (docs/graphql-response-cache.md, parts 10 and 11). These read the field's arguments from the environment and cut the page
 * themselves. A page that must be fetched, and invalid arguments, go to SmallRye's fetcher as before
 * ({@link StatementConnectionApi}: request context, backend call, errors reported as SmallRye reports them).
 */
@ApplicationScoped
public class StatementConnectionFetchers {

    private static final String TYPE = "StatementConnection";
    /** What each field is made of, from its page (as {@link StatementConnectionApi}'s methods make it). */
    private static final Map<String, Function<Slice<Statement>, Object>> FIELDS = Map.of(
            "edges", StatementConnectionApi::edgesOf,
            "pageInfo", Slice::pageInfo,
            "totalCount", Slice::count);

    private final LongAdder answeredAtHand = new LongAdder();
    private final LongAdder passedToSmallRye = new LongAdder();
    private volatile int replacedFields;

    void replace(@Observes GraphQL.Builder builder) {
        replacedFields = SourceBatchFetchers.replaceFetchers(builder, (coordinates, smallRye) -> {
            Function<Slice<Statement>, Object> field = TYPE.equals(coordinates.getTypeName())
                    ? FIELDS.get(coordinates.getFieldName()) : null;
            return field == null || smallRye == null ? null : new AtHand(field, smallRye);
        });
    }

    /** How many fields got the lighter fetcher (3, or 0 if the type changed). */
    int replacedFields() {
        return replacedFields;
    }

    /** Field values answered from a page at hand, and those passed to SmallRye's fetcher, so far. */
    long[] counts() {
        return new long[]{answeredAtHand.sum(), passedToSmallRye.sum()};
    }

    private final class AtHand implements DataFetcher<Object> {

        private final Function<Slice<Statement>, Object> field;
        private final DataFetcher<?> smallRye;

        AtHand(Function<Slice<Statement>, Object> field, DataFetcher<?> smallRye) {
            this.field = field;
            this.smallRye = smallRye;
        }

        @Override
        public Object get(DataFetchingEnvironment dfe) throws Exception {
            Slice<Statement> page = pageAtHand(dfe);
            if (page == null) {
                passedToSmallRye.increment();
                return smallRye.get(dfe);
            }
            answeredAtHand.increment();
            return field.apply(page);
        }
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
