package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "in X's view" and "in X's words" place a report as "according to X" does. */
class InSourcesViewTest {

    @Test
    void aClosingViewReportsTheClauseBeforeIt() {
        ExtractedStatement s = withCue("The ferry plan is an across-the-board failure, in Mayor Ortiz's view.", "in Mayor Ortiz's view")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("The ferry plan is an across-the-board failure");
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ortiz");
    }

    @Test
    void anInterposedViewReportsTheWholeSentenceAndAfterASubordinatorTheClauseAfterIt() {
        ExtractedStatement s = withCue("The only other necessary step, in Professor Hale's view, would be more money for research.",
                "in Professor Hale's view").orElseThrow();
        assertThat(s.content().text()).isEqualTo("The only other necessary step, in Professor Hale's view, would be more money for research");
        ExtractedStatement words = withCue("The summit met in Leeds because, in Forbes’ words, “it is the most entrepreneurial city in the north.”",
                "in Forbes’ words").orElseThrow();
        assertThat(words.content().text()).isEqualTo("“it is the most entrepreneurial city in the north.”");
        assertThat(words.speakerMention().text()).isEqualTo("Forbes");
    }

    @Test
    void pronounsAndOtherWordsAreNoSource() {
        assertThat(withCue("The plan, in my view, is a failure.", "in my view")).isEmpty();
        assertThat(withCue("In other words, the plan is a failure.", "In other words")).isEmpty();
        assertThat(withCue("The plan, in his view, is a failure.", "in his view")).isEmpty();
    }
}
