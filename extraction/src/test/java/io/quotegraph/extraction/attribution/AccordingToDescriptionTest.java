package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "…, according to X, a description.": the words after the source describe it; the report is the clause before. */
class AccordingToDescriptionTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private static ExtractedStatement byCue(String text) {
        Extraction x = EXTRACTOR.extract(text, null);
        return x.statements().stream().filter(s -> s.cue() != null && s.cue().text().equalsIgnoreCase("according to")).findFirst()
                .orElseThrow(() -> new AssertionError("no according-to statement: " + x.statements()));
    }

    @Test
    void aSourceFollowedByAnAppositive() {
        ExtractedStatement s = byCue("Few towns still run their own ferries, according to Marta Lind, a transport planner.");
        assertThat(s.content().text()).isEqualTo("Few towns still run their own ferries");
        assertThat(s.speakerMention().text()).isEqualTo("Marta Lind");
    }

    @Test
    void aSourceFollowedByATitleOrAnIncludingPhrase() {
        assertThat(byCue("The ferry lost money every year, according to Tom Berg, head of the harbor board.").content().text())
                .isEqualTo("The ferry lost money every year");
        assertThat(byCue("The mayor leads the race, according to two recent polls, including one from the local paper.")
                .content().text()).isEqualTo("The mayor leads the race");
    }

    @Test
    void aSourceInterruptingTheReportStillTakesTheWholeSentence() {
        assertThat(byCue("Fundraising, according to the campaign, has surged this spring.").content().text())
                .isEqualTo("Fundraising, according to the campaign, has surged this spring");
    }

    @Test
    void aPossessiveSourceRunsToItsComma() {
        ExtractedStatement s = byCue("According to Lind's report, the ferry had lost money every year since 2009.");
        assertThat(s.content().text()).isEqualTo("the ferry had lost money every year since 2009");
        assertThat(s.speakerMention().text()).isEqualTo("Lind's report");
    }
}
