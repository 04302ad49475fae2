package io.quotegraph.gateway.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Completes the limits SmallRye applies itself (depth and complexity): the alias limit, and the parser's token limits
 * for operations. SmallRye passes {@code parser-max-tokens} and {@code parser-max-whitespace-tokens} to graphql-java's
 * default parser options only, which graphql-java no longer uses for operations (it has separate operation options).
 */
@ApplicationScoped
public class QueryLimits {

    @ConfigProperty(name = AliasLimitInstrumentation.PROPERTY)
    int maxAliases;

    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens")
    int maxTokens;

    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-whitespace-tokens")
    int maxWhitespaceTokens;

    GraphQL.Builder addLimits(@Observes GraphQL.Builder builder) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(maxTokens).maxWhitespaceTokens(maxWhitespaceTokens)));
        // the builder has no getter: build once to read the chain SmallRye set, then extend it
        Instrumentation configured = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(configured, new AliasLimitInstrumentation(maxAliases))));
    }
}
