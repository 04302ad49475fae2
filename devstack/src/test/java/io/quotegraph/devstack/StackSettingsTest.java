package io.quotegraph.devstack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackSettingsTest {

    @Test
    void aServicesJvmOptionsComeFromItsModulesVariableSplitAtWhitespace() {
        assertThat(StackSettings.jvmOptionsVariable("statements-service")).isEqualTo("QUOTEGRAPH_JVM_OPTIONS_STATEMENTS_SERVICE");
        Map<String, String> environment = Map.of("QUOTEGRAPH_JVM_OPTIONS_GATEWAY", "  -XX:+UseG1GC \t-XX:MaxGCPauseMillis=20 ",
                "QUOTEGRAPH_JVM_OPTIONS_INGEST_SERVICE", "");
        assertThat(StackSettings.jvmOptions("gateway", environment)).containsExactly("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
        assertThat(StackSettings.jvmOptions("ingest-service", environment)).as("set empty: the JVM's own defaults").isEmpty();
    }

    @Test
    void withoutItsVariableAServiceRunsWithTheProjectsDefaultOptions() {
        assertThat(StackSettings.jvmOptions("statements-service", Map.of())).isEqualTo(List.of());
        assertThat(StackSettings.jvmOptions(EmbeddedMongoServer.PROCESS_NAME, Map.of()))
                .as("the stand-in: the parallel collector").containsExactly("-XX:+UseParallelGC");
    }
}
