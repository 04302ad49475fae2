package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "CLAUSE in a … poll": a clause stating a standing or share, closed by the poll that measured it, is the poll's finding. */
class TrailingPollTest {

    @Test
    void aShareClosedByThePollIsThePollsFinding() {
        ExtractedStatement s = withCue("Mayor Ortiz was at 31 percent support in the most recent Harbor College poll.", "in")
                .orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("Mayor Ortiz was at 31 percent support");
        assertThat(s.speakerMention().text()).isEqualTo("the most recent Harbor College poll");
    }

    @Test
    void aStandingAfterAnOpeningAdverbialWithThePollsPlace() {
        ExtractedStatement s = withCue("In his best showing so far, Ann Hale drew 45 percent of the vote in a new county survey released Monday.", "in")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("In his best showing so far, Ann Hale drew 45 percent of the vote");
        assertThat(s.speakerMention().text()).isEqualTo("a new county survey");
        assertThat(withCue("Ann Hale is 12 points ahead of the mayor in polls taken in May.", "in").orElseThrow().content().text())
                .isEqualTo("Ann Hale is 12 points ahead of the mayor");
    }

    @Test
    void subordinateClausesNamedLeadsRespondentsAndReportsAreNoFinding() {
        // a subordinate clause; a lead the reporter names; a poll's respondents; a report of its own; no standing
        assertThat(withCue("While Ann Hale trails in the polls, she has raised more money.", "in")).isEmpty();
        assertThat(withCue("Ann Hale enjoys a strong lead in the polls but lacks money.", "in")).isEmpty();
        assertThat(withCue("Just 13 percent of registered voters in the county survey approved.", "in")).isEmpty();
        assertThat(withCue("The mayor said Ann Hale had 40 percent support in the Harbor College poll.", "in")).isEmpty();
        assertThat(withCue("The mayor spoke twice in the latest poll's week.", "in")).isEmpty();
    }
}
