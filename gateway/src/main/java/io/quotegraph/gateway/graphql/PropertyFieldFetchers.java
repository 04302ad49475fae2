package io.quotegraph.gateway.graphql;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.SmallRyeGraphQLServerLogging;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

import java.lang.reflect.Method;

/**
 * SmallRye GraphQL's data fetchers for plain object properties (getters and public fields of the {@code @Type}
 * classes, e.g. {@code Statement.id}), registered through SmallRye's {@link DataFetcherService} SPI
 * ({@code META-INF/services}). They read the property and apply SmallRye's own output transformation
 * ({@link FieldHelper}), exactly as SmallRye's {@code FieldDataFetcher} does, but without filling the request's
 * {@code io.smallrye.graphql.api.Context} first: SmallRye does that for every property of every object, and it
 * includes building the field's selected sub-fields as JSON twice, the largest part of the gateway's CPU per
 * uncached 50-article query (docs/graphql-performance.md, part 6). No getter of this gateway reads that context;
 * the resolvers ({@code @Query}, {@code @Source} methods) still get it filled by SmallRye.
 */
public class PropertyFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 100;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new PropertyFetcher<>(field, owner);
    }

    static final class PropertyFetcher<T> implements PlugableDataFetcher<T>, TrivialDataFetcher<T> {

        private final Field field;
        private final Reference owner;
        private final FieldHelper transformation;
        /** Resolved on first use (the owner class is loaded by the application's class loader at run time). */
        private volatile Accessor accessor;

        PropertyFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.transformation = new FieldHelper(field);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment dfe) throws Exception {
            Accessor read = accessor;
            if (read == null) {
                read = accessor = accessor();
            }
            Object value = read.get(dfe.getSource());
            try {
                return (T) transformation.transformOrAdaptResponse(value, dfe);
            } catch (AbstractDataFetcherException e) {
                // as SmallRye's FieldDataFetcher: the failure logged, the untransformed value
                SmallRyeGraphQLServerLogging.log.transformError(e);
                return (T) value;
            }
        }

        private Accessor accessor() {
            try {
                Class<?> ownerClass = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field javaField = ownerClass.getField(field.getPropertyName());
                    return javaField::get;
                }
                Method getter = ownerClass.getMethod(field.getMethodName());
                return source -> getter.invoke(source);
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Accessor {
        Object get(Object source) throws Exception;
    }
}
