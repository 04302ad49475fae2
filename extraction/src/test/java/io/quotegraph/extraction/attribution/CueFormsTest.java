package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** Inflected forms of cue verbs: the progressive and the present of verbs listed only in the past before. */
class CueFormsTest {

    @Test
    void theProgressiveOfACueVerb() {
        ExtractedStatement s = withCue("Mayor Ines Dorn is stressing that the ferry will run all winter.", "stressing")
                .orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ines Dorn");
        assertThat(s.content().text()).isEqualTo("that the ferry will run all winter");
    }

    @Test
    void aParticipleBetweenACountAndANounIsAModifier() {
        assertThat(withCue("Ines Dorn leads the race by roughly 270 pledged delegates as the season ends.", "pledged")).isEmpty();
    }

    @Test
    void aCountBeforeACueVerbAndItsClauseIsItsSubject() {
        ExtractedStatement s = withCue("Of the voters polled, 35 said they would take the ferry.", "said").orElseThrow();
        assertThat(s.content().text()).isEqualTo("they would take the ferry");
    }

    @Test
    void aStrayCommaBetweenTheCueAndThat() {
        ExtractedStatement s = withCue("Mayor Ines Dorn added, that the ferry will run all winter.", "added").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the ferry will run all winter");
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ines Dorn");
    }

    @Test
    void thePresentOfConcede() {
        ExtractedStatement s = withCue("The coach concedes that the team lacks depth.", "concedes").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the team lacks depth");
    }

    @Test
    void chantedIntroducesAQuote() {
        ExtractedStatement s = withCue("Outside the hall, the strikers chanted, \u201cFair pay now!\u201d", "chanted").orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("the strikers");
    }

    @Test
    void aTweetIsANounNotACue() {
        assertThat(withCue("His first tweet on Sunday was a short comment about the storm.", "tweet")).isEmpty();
    }

    @Test
    void participlesAndPresentFormsAddedInRound7() {
        ExtractedStatement s = withCue("The mayor defended the plan, acknowledging that the ferry will be late.", "acknowledging")
                .orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("The mayor");
        assertThat(s.content().text()).isEqualTo("that the ferry will be late");
        assertThat(withCue("Senator Ann Hale disclosed that she had met the donors twice.", "disclosed")).isPresent();
        assertThat(withCue("The governor spoke for an hour, explaining that the budget was short.", "explaining")).isPresent();
    }

    @Test
    void pointedOutReportsTheClauseAfterItsParticle() {
        ExtractedStatement s = withCue("In response, Zoe Saldana pointed out that critics should question the casting.", "pointed")
                .orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("Zoe Saldana");
        assertThat(s.content().text()).isEqualTo("that critics should question the casting");
        assertThat(withCue("The sign pointed the way to the hall.", "pointed")).isEmpty();
    }

    @Test
    void madeClearReportsTheClauseAfterClear() {
        ExtractedStatement s = withCue("The governor made it clear that she would veto the levy.", "made").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that she would veto the levy");
        assertThat(s.speakerMention().text()).isEqualTo("The governor");
        assertThat(withCue("Party leaders made clear Monday they would not fund the race.", "made").orElseThrow()
                .content().text()).isEqualTo("they would not fund the race");
        assertThat(withCue("The crew made the deck clear before the storm.", "made")).isEmpty();
        assertThat(withCue("The rules of the race were made clear.", "made")).isEmpty();
    }
}
