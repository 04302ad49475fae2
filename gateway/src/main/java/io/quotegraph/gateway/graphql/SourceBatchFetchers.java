package io.quotegraph.gateway.graphql;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Lighter per-item fetchers for SmallRye's batched fields ({@code @Source List<…>} resolvers such as
 * {@code Statement.speaker}). graphql-java calls a batched field's fetcher once per item (500 times for the speakers of
 * 50 articles × 10 statements); SmallRye's {@link BatchDataFetcher} then fills the request's context (including the
 * field's selected sub-fields as JSON, twice), fires the data-fetch events and starts and stops a {@code mp_graphql}
 * timer per item, before queueing the item for the batch: 17 % of the gateway's CPU per uncached 50-article query
 * (docs/graphql-performance.md, part 6). This one only queues the item, with the same key context (the field's
 * arguments and environment) from which SmallRye's batch loader fills the context once per batch and calls the
 * resolver. Consequence: batched fields are no longer timed per item in {@code mp_graphql}.
 * <p>
 * Installed when SmallRye builds its GraphQL instance (the {@link GraphQL.Builder} event): its schema gets a code
 * registry with these fetchers in place of SmallRye's. The batch loader's name and the argument conversion are read
 * from SmallRye's fetcher; if they cannot be (another SmallRye version), SmallRye's fetcher stays.
 */
@ApplicationScoped
public class SourceBatchFetchers {

    private static final Logger LOG = Logger.getLogger(SourceBatchFetchers.class);

    /** How many batched fields got the lighter fetcher (0 while SmallRye's stay, e.g. after a SmallRye upgrade). */
    private volatile int replacedFields;

    void replace(@Observes GraphQL.Builder builder) {
        int count = replaceFetchers(builder, (coordinates, fetcher) ->
                fetcher instanceof BatchDataFetcher<?> smallRye ? BatchKeyFetcher.of(smallRye) : null);
        replacedFields = count;
        LOG.debugf("%d batched fields use the lighter per-item fetcher", count);
    }

    /**
     * Gives the schema SmallRye is building other data fetchers: {@code replacement} is asked for each field of each
     * object type with SmallRye's fetcher, and returns the one to use instead, or null to keep it. Returns how many
     * were replaced.
     */
    public static int replaceFetchers(GraphQL.Builder builder,
                                      BiFunction<FieldCoordinates, DataFetcher<?>, DataFetcher<?>> replacement) {
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry.Builder replaced = GraphQLCodeRegistry.newCodeRegistry(registry);
        int count = 0;
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object)) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                FieldCoordinates coordinates = FieldCoordinates.coordinates(object, field);
                DataFetcher<?> lighter = replacement.apply(coordinates, registry.getDataFetcher(coordinates, field));
                if (lighter != null) {
                    replaced.dataFetcher(coordinates, lighter);
                    count++;
                }
            }
        }
        if (count > 0) {
            GraphQLCodeRegistry lighterRegistry = replaced.build();
            builder.schema(schema.transformWithoutTypes(s -> s.codeRegistry(lighterRegistry)));
        }
        return count;
    }

    int replacedFields() {
        return replacedFields;
    }

    /** Queues the item for its field's batch loader, as SmallRye's {@link BatchDataFetcher} does (without its extras). */
    static final class BatchKeyFetcher implements DataFetcher<Object> {

        private final String batchLoaderName;
        private final ArgumentHelper arguments;

        private BatchKeyFetcher(String batchLoaderName, ArgumentHelper arguments) {
            this.batchLoaderName = batchLoaderName;
            this.arguments = arguments;
        }

        static BatchKeyFetcher of(BatchDataFetcher<?> smallRye) {
            try {
                return new BatchKeyFetcher((String) read(smallRye, "batchLoaderName"),
                        (ArgumentHelper) read(smallRye, "argumentHelper"));
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warnf("keeping SmallRye's batch fetchers: %s", e.toString());
                return null;
            }
        }

        private static Object read(BatchDataFetcher<?> smallRye, String name) throws ReflectiveOperationException {
            Field field = BatchDataFetcher.class.getDeclaredField(name);
            field.setAccessible(true);
            return Objects.requireNonNull(field.get(smallRye), name);
        }

        @Override
        public Object get(DataFetchingEnvironment dfe) throws Exception {
            Map<String, Object> keyContext = new HashMap<>(4);
            keyContext.put(BatchLoaderHelper.ARGUMENTS, arguments.getArguments(dfe, true));
            keyContext.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, dfe);
            return dfe.getDataLoader(batchLoaderName).load(dfe.getSource(), keyContext);
        }
    }
}
