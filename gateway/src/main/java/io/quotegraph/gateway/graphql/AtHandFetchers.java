package io.quotegraph.gateway.graphql;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Lighter data fetchers for the fields of a connection type whose page is usually at hand in its source object: they
 * answer from it without SmallRye's fetcher of a {@code @Source} method, which fills the request's context first,
 * including the field's selected sub-fields as JSON (graphql-java allocates a lock per selected field; a fifth to a
 * quarter of the allocation of a computation of the 50-article query, docs/graphql-response-cache.md, parts 10 and 11).
 * A field whose page is not at hand (it must be fetched, or its arguments are invalid) goes to SmallRye's fetcher as
 * before: request context, backend call, errors reported as SmallRye reports them.
 *
 * @param <P> the page the fields are made of
 */
public final class AtHandFetchers<P> {

    private final String type;
    private final Map<String, Function<P, Object>> fields;
    private final Function<DataFetchingEnvironment, P> pageAtHand;
    private final LongAdder answeredAtHand = new LongAdder();
    private final LongAdder passedToSmallRye = new LongAdder();
    private volatile int replacedFields;

    /**
     * @param type       the connection type whose fields are replaced
     * @param fields     what each field is made of, from its page
     * @param pageAtHand the page a field's environment asks for if it needs no backend call and its arguments are
     *                   valid; else null
     */
    public AtHandFetchers(String type, Map<String, Function<P, Object>> fields,
                          Function<DataFetchingEnvironment, P> pageAtHand) {
        this.type = type;
        this.fields = Map.copyOf(fields);
        this.pageAtHand = pageAtHand;
    }

    /** Installs the fetchers in the schema SmallRye is building. */
    public void install(GraphQL.Builder builder) {
        replacedFields = SourceBatchFetchers.replaceFetchers(builder, (coordinates, smallRye) -> {
            Function<P, Object> field = type.equals(coordinates.getTypeName())
                    ? fields.get(coordinates.getFieldName()) : null;
            return field == null || smallRye == null ? null : new AtHand(field, smallRye);
        });
    }

    /** How many fields got the lighter fetcher (all of them, or 0 if the type changed). */
    public int replacedFields() {
        return replacedFields;
    }

    /** Field values answered from a page at hand, and those passed to SmallRye's fetcher, so far. */
    public long[] counts() {
        return new long[]{answeredAtHand.sum(), passedToSmallRye.sum()};
    }

    private final class AtHand implements DataFetcher<Object> {

        private final Function<P, Object> field;
        private final DataFetcher<?> smallRye;

        AtHand(Function<P, Object> field, DataFetcher<?> smallRye) {
            this.field = field;
            this.smallRye = smallRye;
        }

        @Override
        public Object get(DataFetchingEnvironment dfe) throws Exception {
            P page = pageAtHand.apply(dfe);
            if (page == null) {
                passedToSmallRye.increment();
                return smallRye.get(dfe);
            }
            answeredAtHand.increment();
            return field.apply(page);
        }
    }
}
