package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** An adjective of belief after "be" reports the clause after it ("are afraid that …"), as a belief verb does. */
class PredicateBeliefTest {

    @Test
    void anAdjectiveBeforeThat() {
        ExtractedStatement s = withCue("Many harbor workers are afraid that the ferry will close for good.", "afraid").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("that the ferry will close for good");
        assertThat(s.speakerMention().text()).isEqualTo("Many harbor workers");
    }

    @Test
    void anAdverbBetweenAndAThatLessClause() {
        ExtractedStatement s = withCue("The council members were not confident they could pass the levy.", "confident").orElseThrow();
        assertThat(s.content().text()).isEqualTo("they could pass the levy");
        assertThat(s.speakerMention().text()).isEqualTo("The council members");
    }

    @Test
    void anAdjectiveBeforeAnInfinitiveOrWithoutBeIsNoCue() {
        assertThat(withCue("The treasurer is sure to win the runoff in June.", "sure")).isEmpty();
        assertThat(withCue("A confident mayor said little.", "confident")).isEmpty();
        assertThat(withCue("Make sure that the ferry is on time.", "sure")).isEmpty();
    }
}
