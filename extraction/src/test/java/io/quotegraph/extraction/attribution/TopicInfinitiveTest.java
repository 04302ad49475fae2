package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** An infinitive of purpose naming what was talked about ("gathered Friday to discuss the budget") reports that talk. */
class TopicInfinitiveTest {

    @Test
    void thePurposeInfinitiveTakesTheMainClausesSubject() {
        ExtractedStatement s = withCue("Ann Hale and Tom Reyes met Friday to discuss the ferry schedule.", "discuss").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("the ferry schedule");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale and Tom Reyes");
    }

    @Test
    void theSubjectFollowsAnOpeningAdverbial() {
        ExtractedStatement s = withCue("In late May, Ann Hale flew to Dover to discuss the pier repairs.", "discuss").orElseThrow();
        assertThat(s.content().text()).isEqualTo("the pier repairs");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void anInfinitiveAfterANounOfPossibilityReportsNothing() {
        assertThat(withCue("The council gave residents an opportunity to discuss the ferry schedule.", "discuss")).isEmpty();
        assertThat(withCue("An aide, who spoke on the condition of anonymity to discuss the talks, said more.", "discuss")).isEmpty();
    }

    @Test
    void anIntendedOrObligedDiscussionReportsNothing() {
        assertThat(withCue("Harbor mayors plan to discuss the ferry schedule.", "discuss")).isEmpty();
        assertThat(withCue("We have to discuss the ferry schedule.", "discuss")).isEmpty();
        assertThat(withCue("Ann Hale and Tom Reyes are set to meet in Dover to discuss the ferry schedule.", "discuss")).isEmpty();
    }
}
