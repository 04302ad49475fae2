package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** A belief verb reports a that-less clause whose subject is a noun phrase ("think the levy is fair"). */
class BeliefClauseTest {

    @Test
    void aNounPhraseSubjectThenAFiniteVerb() {
        ExtractedStatement s = withCue("Several council members think the new levy on boat owners is unfair.", "think").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("the new levy on boat owners is unfair");
        assertThat(s.speakerMention().text()).isEqualTo("Several council members");
    }

    @Test
    void aPossessiveOrATwoWordNameAsTheSubject() {
        assertThat(withCue("The harbor master felt her warning about the storm was ignored.", "felt").orElseThrow()
                .content().text()).isEqualTo("her warning about the storm was ignored");
        assertThat(withCue("Local officials believe Maria Delgado will run again.", "believe").orElseThrow()
                .content().text()).isEqualTo("Maria Delgado will run again");
    }

    @Test
    void theIngFormOfABeliefVerbAfterBeOrAsAParticiple() {
        ExtractedStatement s = withCue("Harbor officials are hoping the court will rule before the summer.", "hoping").orElseThrow();
        assertThat(s.content().text()).isEqualTo("the court will rule before the summer");
        assertThat(s.speakerMention().text()).isEqualTo("Harbor officials");
        assertThat(withCue("The council held back its money, fearing the levy would fail.", "fearing").orElseThrow()
                .content().text()).isEqualTo("the levy would fail");
        assertThat(withCue("The mayor is hoping for a quick vote.", "hoping")).isEmpty();
    }

    @Test
    void anObjectWithoutAFiniteVerbIsNoClause() {
        assertThat(withCue("The volunteers found the old lighthouse keeper in the garden.", "found")).isEmpty();
        assertThat(withCue("The mayor expected the vote on the harbor budget next week.", "expected")).isEmpty();
    }

    @Test
    void anObjectWithARelativeClauseIsNoClause() {
        assertThat(withCue("The ranger found the hiker who was lost near the ridge.", "found")).isEmpty();
    }
}
