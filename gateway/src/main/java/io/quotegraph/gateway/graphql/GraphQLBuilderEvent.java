package io.quotegraph.gateway.graphql;

import graphql.GraphQL;
import io.smallrye.graphql.spi.EventingService;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Fires SmallRye GraphQL's {@link GraphQL.Builder} as a CDI event, once, when SmallRye builds its GraphQL instance:
 * {@link QueryLimits} and {@link ResponseCache} observe it to add their instrumentations. Registered through SmallRye's
 * {@link EventingService} SPI ({@code META-INF/services}), always on (no config key).
 * <p>
 * SmallRye's own CDI events ({@code quarkus.smallrye-graphql.events.enabled}) would fire this too, but also two CDI
 * events per resolver call (before and after each data fetch), each resolving its observers anew: about 6 % of the
 * gateway's CPU per uncached 50-article query, for events nobody observes (docs/graphql-performance.md, part 6).
 */
public class GraphQLBuilderEvent implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // the observers extend the builder in place (it is mutable; their return values are ignored, as with SmallRye's)
        CDI.current().getBeanManager().getEvent().select(GraphQL.Builder.class).fire(builder);
        return builder;
    }
}
