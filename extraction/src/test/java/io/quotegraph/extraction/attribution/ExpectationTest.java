package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "X is expected to …", "X appears to …", "X is known for …": an expectation, an appearance or a reputation whose holder the text does not name, a
 * statement without a speaker.
 */
class ExpectationTest {

    @Test
    void aPassiveExpectationIsASpeakerlessStatementOverItsClause() {
        ExtractedStatement s = withCue("The harbor board is not expected to raise the ferry fee this year.", "is not expected")
                .orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("The harbor board is not expected to raise the ferry fee this year");
        assertThat(s.speakerMention()).isNull();
        assertThat(s.speakerKey()).isNull();
    }

    @Test
    void theSubjectStartsAfterAnOpeningAdverbialOrACoordinator() {
        assertThat(withCue("In the county vote, Democrats are expected to gain seats, but the margin is unclear.", "are expected")
                .orElseThrow().content().text()).isEqualTo("Democrats are expected to gain seats");
        assertThat(withCue("The layoffs begin in May, and the closing of the plant is expected to follow in June.", "is expected")
                .orElseThrow().content().text()).isEqualTo("the closing of the plant is expected to follow in June");
    }

    @Test
    void anOpeningAdverbialOrDemonstrativeDoesNotEndTheSearchForTheSubject() {
        // "after" and "since" are prepositions and subordinators; "that" opening a sentence is a demonstrative
        assertThat(withCue("After the vote, the harbor board is expected to raise the ferry fee.", "is expected")
                .orElseThrow().content().text()).isEqualTo("the harbor board is expected to raise the ferry fee");
        assertThat(withCue("Since the storm, ferry traffic is expected to fall by half.", "is expected")
                .orElseThrow().content().text()).isEqualTo("ferry traffic is expected to fall by half");
        assertThat(withCue("That deal is expected to close in May.", "is expected")
                .orElseThrow().content().text()).isEqualTo("That deal is expected to close in May");
    }

    @Test
    void relativeAndSubordinateClausesAndInnerReportsAreLeftAlone() {
        assertThat(withCue("They want a judge who is expected to be moderate.", "is expected")).isEmpty();
        assertThat(withCue("Profits will rise, even though sales are expected to fall.", "are expected")).isEmpty();
        // the inner verb of saying reports the subject's words; the expectation is not a statement of its own
        assertThat(withCue("The harbor board is expected to announce that the fee will rise.", "is expected")).isEmpty();
    }

    @Test
    void aVerbOfAppearanceIsASpeakerlessStatementOverItsClause() {
        ExtractedStatement s = withCue("No ferry operators appear to have raised their fees this year.", "appear")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("No ferry operators appear to have raised their fees this year");
        assertThat(s.speakerMention()).isNull();
        assertThat(withCue("After the storm, the harbor board does not seem to be relishing the fight.", "does not seem")
                .orElseThrow().content().text()).isEqualTo("the harbor board does not seem to be relishing the fight");
    }

    @Test
    void aVerbOfAppearanceBeforeAnAdjectiveOrLikeIsASpeakerlessStatementOverItsClause() {
        ExtractedStatement s = withCue("The new harbor board seems ready to raise the fees.", "seems").orElseThrow();
        assertThat(s.content().text()).isEqualTo("The new harbor board seems ready to raise the fees");
        assertThat(s.speakerMention()).isNull();
        assertThat(withCue("The levy may seem like a small price.", "may seem").orElseThrow().content().text())
                .isEqualTo("The levy may seem like a small price");
    }

    @Test
    void aVerbOfAppearanceBeforeAPrepositionOrAnAdverbIsNoJudgement() {
        // "appeared on", "appeared briefly", "appears elsewhere": the subject showed up somewhere
        assertThat(withCue("The mayor appeared on the morning show.", "appeared")).isEmpty();
        assertThat(withCue("The mayor appeared briefly at the rally.", "appeared")).isEmpty();
        assertThat(withCue("The mayor appears elsewhere in the emails.", "appears")).isEmpty();
    }

    @Test
    void aVerbOfAppearanceAfterToOrBeforeAVerbOfSayingIsLeftAlone() {
        // "wants to appear to …" is the wanting subject's; "seems to suggest that …" reports the subject's words
        assertThat(withCue("The harbor board wants to appear to be neutral.", "appear")).isEmpty();
        assertThat(withCue("The harbor board seems to suggest that the fee will rise.", "seems")).isEmpty();
    }

    @Test
    void aReputationIsASpeakerlessStatementOverItsSubjectAndObject() {
        ExtractedStatement s = withCue("The harbor town is best known for its ferry festival, which draws crowds in May.",
                "is best known").orElseThrow();
        assertThat(s.content().text()).isEqualTo("The harbor town is best known for its ferry festival");
        assertThat(s.speakerMention()).isNull();
        // "the energy he is known for - …": no object after the preposition
        assertThat(withCue("They praised the energy he is known for - and his patience.", "is known")).isEmpty();
    }
}
