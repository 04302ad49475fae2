package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** A noun naming a belief or a finding, with its owner and a "that" clause, is an attribution like "claim that". */
class CueNounAttributorTest {

    @Test
    void aPossessiveOwnerOfABeliefNoun() {
        ExtractedStatement s = withCue("Voters doubted the mayor's belief that the ferry will pay for itself.", "belief")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the ferry will pay for itself");
        assertThat(s.speakerMention().text()).isEqualTo("the mayor");
    }

    @Test
    void aFindingNounWithItsSourceAfterIt() {
        ExtractedStatement s = withCue("Critics seized on the conclusion by the auditors that the pier was never safe.", "conclusion")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the pier was never safe");
        assertThat(s.speakerMention().text()).isEqualTo("the auditors");
    }

    @Test
    void aBeliefNounWithoutAnOwnerBeforeAThatClauseIsABeliefOfNoNamedHolder() {
        ExtractedStatement s = withCue("There is a widespread belief that the ferry will pay for itself.", "belief").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the ferry will pay for itself");
        assertThat(s.speakerMention()).isNull();
        assertThat(withCue("Voters cling to the hope that Ann Hale can still win, despite the polls.", "hope").orElseThrow()
                .content().text()).isEqualTo("that Ann Hale can still win");
        assertThat(withCue("The flood forced a recognition that the pier was never safe.", "recognition").orElseThrow()
                .content().text()).isEqualTo("that the pier was never safe");
    }

    @Test
    void aCueNounWithoutAnOwnerOrAThatClauseOrBeforeARelativeClauseIsNoAttribution() {
        assertThat(withCue("The mayor's hope for a quick vote faded.", "hope")).isEmpty();
        assertThat(withCue("The idea of a ferry faded.", "idea")).isEmpty();
        // "that" + a verb opens a relative clause: the claims are the ones that followed, not their content
        assertThat(withCue("The claims that followed the vote were false.", "claims")).isEmpty();
        assertThat(withCue("Hale's idea drew a charge that was quickly denied.", "charge")).isEmpty();
    }
}
