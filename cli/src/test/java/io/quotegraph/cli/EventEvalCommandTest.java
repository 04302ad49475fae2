package io.quotegraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ./quotegraph event-eval on the committed labelled set and on a file of its own. */
class EventEvalCommandTest {

    private static String run(int expectedExit, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new QuotegraphCli()).execute(args);
            assertThat(exit).isEqualTo(expectedExit);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scoresTheCommittedSet() {
        String out = run(0, "event-eval");
        assertThat(out).contains("75 labelled mentions").contains("pair scores >= 1.5").contains("events (linked groups)")
                .containsPattern("\\d+ false links, \\d+ missed links")
                .contains("MISSED").contains("FALSE LINK");
    }

    @Test
    void scoresAGivenFile(@TempDir Path dir) throws Exception {
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, String.join("\n",
                "a#0\tceasefire\t2023-09-26\tCEASEFIRE\tHAPPENED\t-\t-\tNagorno-Karabakh\tthe ceasefire",
                "b#3\tceasefire\t2023-09-27\tCEASEFIRE\tHAPPENED\t~2023-09-19/2023-09-25 WEEK\t-\tNagorno-Karabakh\ta cease-fire"));
        String out = run(0, "event-eval", "--labels", labels.toString());
        assertThat(out).contains("2 labelled mentions, 1 events").contains("0 false links, 0 missed links")
                .containsPattern("pair scores >= 1.5 +1\\.000 +1\\.000 +1\\.000");
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        assertThat(run(2, "event-eval", "--labels", dir.resolve("none.tsv").toString())).isEmpty();
    }
}
