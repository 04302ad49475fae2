package io.quotegraph.gateway.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.Node;
import graphql.validation.ValidationError;

import java.util.List;

/**
 * Rejects a document with more than {@code max} aliased fields before it is validated or run: aliases are how one
 * request asks for the same expensive field many times. (Depth, complexity and tokens are limited by SmallRye's own
 * settings; see the module README.)
 */
public class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

    public static final String PROPERTY = "quotegraph.gateway.max-aliases";

    private final int max;

    public AliasLimitInstrumentation(int max) {
        this.max = max;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        int aliases = aliases(parameters.getDocument());
        if (aliases > max) {
            throw new AbortExecutionException("maximum aliases exceeded " + aliases + " > " + max + " (" + PROPERTY + ")");
        }
        return super.beginValidation(parameters, state);
    }

    /** Aliased fields anywhere in the document (operations and fragment definitions). */
    static int aliases(Node<?> node) {
        int count = node instanceof Field field && field.getAlias() != null ? 1 : 0;
        for (Node<?> child : node.getChildren()) {
            count += aliases(child);
        }
        return count;
    }
}
