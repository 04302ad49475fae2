package io.quotegraph.gateway.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The flattened instrumentation chain is called per operation only when none of its members instruments fields. */
class OperationInstrumentationTest {

    /** An instrumentation that acts on every field. */
    static final class FieldTiming extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                                                                  InstrumentationState state) {
            return null;
        }
    }

    @Test
    void operationLevelInstrumentationsAreFlattenedAndNotCalledPerField() {
        Instrumentation nested = new ChainedInstrumentation(List.of(
                new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(15), new AliasLimitInstrumentation(30))),
                SimplePerformantInstrumentation.INSTANCE));

        Instrumentation installed = OperationInstrumentation.of(nested);

        assertThat(installed).isInstanceOf(OperationInstrumentation.class);
        assertThat(installed.toString()).contains("MaxQueryDepthInstrumentation", "AliasLimitInstrumentation");
        assertThat(OperationInstrumentation.instrumentsFields(new AliasLimitInstrumentation(30))).isFalse();
        assertThat(OperationInstrumentation.instrumentsFields(new MaxQueryDepthInstrumentation(15))).isFalse();
    }

    @Test
    void aFieldInstrumentationKeepsTheWholeChainCalledPerField() {
        Instrumentation nested = new ChainedInstrumentation(List.of(
                new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(15), new FieldTiming())),
                new AliasLimitInstrumentation(30)));

        Instrumentation installed = OperationInstrumentation.of(nested);

        assertThat(OperationInstrumentation.instrumentsFields(new FieldTiming())).isTrue();
        assertThat(installed).isInstanceOf(ChainedInstrumentation.class);
        assertThat(((ChainedInstrumentation) installed).getInstrumentations())
                .extracting(i -> i.getClass().getSimpleName())
                .containsExactly("MaxQueryDepthInstrumentation", "FieldTiming", "AliasLimitInstrumentation");
    }
}
