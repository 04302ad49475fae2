package io.quotegraph.gateway.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The GraphQL instrumentations, flattened into one chain that graphql-java calls per operation only, when none of them
 * instruments fields. SmallRye's depth and complexity limits, {@link AliasLimitInstrumentation} and the response
 * cache's recorder act on parsing, validation and the operation's result; but as nested {@link ChainedInstrumentation}s
 * (each observer of the builder wraps the chain it found) graphql-java called every one of them, through three levels
 * of chains, about ten times per field and item, each call allocating: about 15 % of the gateway's CPU per uncached
 * 50-article query (docs/graphql-performance.md, part 6). An instrumentation that overrides any per-field method
 * (e.g. SmallRye's federation tracing, if turned on) keeps the whole flattened chain called per field, as before.
 */
public final class OperationInstrumentation extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(OperationInstrumentation.class);

    /** Instrumentation methods graphql-java calls per field, object or item (not per operation). */
    private static final Set<String> PER_FIELD = Set.of("beginExecutionStrategy", "beginExecuteObject",
            "beginDeferredField", "beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch",
            "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion", "instrumentDataFetcher");

    /** Classes whose per-field methods do nothing (graphql-java's defaults). */
    private static final Set<Class<?>> NO_OP = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class,
            SimpleInstrumentation.class);

    private final List<Instrumentation> members;
    private final Instrumentation chain;

    private OperationInstrumentation(List<Instrumentation> members, Instrumentation chain) {
        this.members = List.copyOf(members);
        this.chain = chain;
    }

    /** Runs after the other observers of the builder (default priority), which add their instrumentations. */
    @ApplicationScoped
    static class Installer {
        void flatten(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) GraphQL.Builder builder) {
            builder.instrumentation(of(builder.build().getInstrumentation()));
        }
    }

    /** {@code configured}'s instrumentations in one chain, called per operation only unless one instruments fields. */
    public static Instrumentation of(Instrumentation configured) {
        List<Instrumentation> leaves = new ArrayList<>();
        flatten(configured, leaves);
        Instrumentation chain = leaves.size() == 1 ? leaves.get(0) : new ChainedInstrumentation(leaves);
        List<String> perField = leaves.stream().filter(OperationInstrumentation::instrumentsFields)
                .map(i -> i.getClass().getName()).toList();
        LOG.debugf("GraphQL instrumentations %s; per field: %s", leaves, perField);
        return perField.isEmpty() ? new OperationInstrumentation(leaves, chain) : chain;
    }

    private static void flatten(Instrumentation instrumentation, List<Instrumentation> leaves) {
        if (instrumentation instanceof ChainedInstrumentation chained) {
            chained.getInstrumentations().forEach(i -> flatten(i, leaves));
        } else if (instrumentation != null && instrumentation != SimplePerformantInstrumentation.INSTANCE) {
            leaves.add(instrumentation);
        }
    }

    /** Whether the instrumentation's class overrides any per-field method (they do nothing otherwise). */
    static boolean instrumentsFields(Instrumentation instrumentation) {
        return Arrays.stream(Instrumentation.class.getMethods())
                .filter(m -> PER_FIELD.contains(m.getName()))
                .anyMatch(m -> !NO_OP.contains(implementation(instrumentation.getClass(), m).getDeclaringClass()));
    }

    private static Method implementation(Class<?> type, Method method) {
        try {
            return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException impossible) {
            return method; // an interface method is always public on its implementations
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return chain.createStateAsync(parameters);
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return chain.createState(parameters);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        return chain.beginExecution(parameters, state);
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return chain.beginParse(parameters, state);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return chain.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        return chain.beginExecuteOperation(parameters, state);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
                                                   InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        return chain.instrumentExecutionInput(executionInput, parameters, state);
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                                                               InstrumentationExecutionParameters parameters,
                                                               InstrumentationState state) {
        return chain.instrumentDocumentAndVariables(documentAndVariables, parameters, state);
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
                                          InstrumentationState state) {
        return chain.instrumentSchema(schema, parameters, state);
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext executionContext,
                                                       InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
        return chain.instrumentExecutionContext(executionContext, parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        return chain.instrumentExecutionResult(executionResult, parameters, state);
    }

    @Override
    public String toString() {
        return "OperationInstrumentation" + members;
    }
}
