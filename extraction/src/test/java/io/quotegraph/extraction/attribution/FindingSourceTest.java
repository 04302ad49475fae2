package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** Non-human sources (polls, records, studies) with finding verbs ("shows", "found") report findings. */
class FindingSourceTest {

    @Test
    void aPollWithANounPhraseObject() {
        ExtractedStatement s = withCue("A Harbor College poll showed a narrow lead for the incumbent mayor.", "showed").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("a narrow lead for the incumbent mayor");
        assertThat(s.speakerMention().text()).isEqualTo("A Harbor College poll");
    }

    @Test
    void recordsWithAThatClause() {
        ExtractedStatement s = withCue("Court records show that the firm paid no rent for six years.", "show").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the firm paid no rent for six years");
        assertThat(s.speakerMention().text()).isEqualTo("Court records");
    }

    @Test
    void aModifierBetweenTheSourceAndItsVerb() {
        ExtractedStatement s = withCue("A survey of county farmers released on Monday found most of them expect a poor harvest.",
                "found").orElseThrow();
        assertThat(s.content().text()).isEqualTo("most of them expect a poor harvest");
        assertThat(s.speakerMention().text()).isEqualTo("A survey");
    }

    @Test
    void aSourceAfterTheFinding() {
        ExtractedStatement s = withCue("The ferry lost money in each of the last four years, audit figures show.", "show")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("The ferry lost money in each of the last four years");
    }

    @Test
    void aPassiveIsNoFinding() {
        assertThat(withCue("The report was revealed to be a forgery.", "revealed")).isEmpty();
    }

    @Test
    void theObjectOfAPrepositionIsNotTheSource() {
        assertThat(withCue("The authors of the study found no link between the two.", "found")
                .map(s -> s.speakerMention().text())).isNotEqualTo(Optional.of("the study"));
    }

    @Test
    void aShowNamingAProgrammeIsNoFinding() {
        assertThat(withCue("She once appeared on the cable reality show “Harbor Kings.”", "show")).isEmpty();
        assertThat(withCue("The network’s TV show Tides showing a storm drew critics.", "show")).isEmpty();
        assertThat(withCue("A video of the game shows that the referee missed the foul.", "shows")).isPresent();
    }
    @Test
    void anAbsoluteClauseWithAFindingParticipleReportsItsObject() {
        ExtractedStatement s = withCue("The mayor will need the fishermen, with recent surveys showing a tightening of the race.",
                "showing").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("a tightening of the race");
        assertThat(s.speakerMention().text()).isEqualTo("recent surveys");
        ExtractedStatement clause = withCue("The race is closer in the north, with some polls indicating that the mayor has a small lead.",
                "indicating").orElseThrow();
        assertThat(clause.content().text()).isEqualTo("that the mayor has a small lead");
        assertThat(clause.speakerMention().text()).isEqualTo("some polls");
    }

    @Test
    void aFindingParticipleOutsideATrailingAbsoluteClauseReportsNothing() {
        // the object of a verb ("possess records showing …"), and an opening absolute clause whose end the commas hide
        assertThat(withCue("The lawyers possess email records showing that the claims are false.", "showing")).isEmpty();
        assertThat(withCue("And with polls showing the mayor, a Democrat, ahead, a story in the Herald says he will win.",
                "showing")).isEmpty();
    }
}
