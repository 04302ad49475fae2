package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "In a … poll, CLAUSE": a sentence-opening frame naming a poll presents the rest of the sentence as its finding. */
class PollFrameTest {

    @Test
    void theSentenceAfterAnOpeningPollFrameIsThePollsFinding() {
        ExtractedStatement s = withCue("In the Harbor College poll, the mayor's lead over Ann Hale held at nine points, "
                + "but narrowed among older voters.", "In").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("the mayor's lead over Ann Hale held at nine points, but narrowed among older voters");
        assertThat(s.speakerMention().text()).isEqualTo("the Harbor College poll");
    }

    @Test
    void aSurveyWithModifiersAfterItsHead() {
        ExtractedStatement s = withCue("In a county survey released Sunday, three of four residents rode the ferry twice a week.", "In")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("three of four residents rode the ferry twice a week");
        assertThat(s.speakerMention().text()).isEqualTo("a county survey released Sunday");
    }

    @Test
    void otherFramesAndFramesAroundAReportAreNoFinding() {
        // a letter is no poll; a report inside the clause is its own statement; "In" in mid-sentence frames nothing
        assertThat(withCue("In a letter to the council, the mayor asked for more time.", "In")).isEmpty();
        assertThat(withCue("In a poll released Sunday, 40 percent of residents said the fee is too high.", "In")).isEmpty();
        assertThat(withCue("In March, the mayor led in every poll.", "In")).isEmpty();
    }
}
