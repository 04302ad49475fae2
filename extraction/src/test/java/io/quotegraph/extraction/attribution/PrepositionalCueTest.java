package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** Verb + preposition cues ("called for", "talked about") whose content is the preposition's object. */
class PrepositionalCueTest {

    @Test
    void calledForReportsItsObject() {
        ExtractedStatement s = withCue("Senator Ruth Alder called for an independent inquiry, citing new evidence.", "called for")
                .orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("an independent inquiry");
        assertThat(s.speakerMention().text()).isEqualTo("Senator Ruth Alder");
    }

    @Test
    void talkedAboutWithAPronounSubject() {
        ExtractedStatement s = withCue("At the rally, she talked about rising rents in the city.", "talked about").orElseThrow();
        assertThat(s.content().text()).isEqualTo("rising rents in the city");
        assertThat(s.speakerMention().text()).isEqualTo("she");
    }

    @Test
    void anAmountOpensTheObject() {
        ExtractedStatement s = withCue("The mayor calls for $40 million in new ferry spending.", "calls for").orElseThrow();
        assertThat(s.content().text()).isEqualTo("$40 million in new ferry spending");
        assertThat(s.speakerMention().text()).isEqualTo("The mayor");
    }

    @Test
    void aLightVerbBeforeTheCueOpensTheCueAndEndsTheSpeaker() {
        // "comments" is the object of "made" here: the speaker is the light verb's subject, not "The mayor made"
        ExtractedStatement s = withCue("The mayor made comments about the budget on Tuesday.", "made comments about")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the budget on Tuesday");
        assertThat(s.speakerMention().text()).isEqualTo("The mayor");
        assertThat(withCue("Now his friends make jokes about sending observers to the vote.", "make jokes about")
                .orElseThrow().speakerMention().text()).isEqualTo("his friends");
    }

    @Test
    void aNounBeforeThePrepositionIsNoCue() {
        assertThat(withCue("The calls for reform grew louder in the capital.", "calls for")).isEmpty();
    }

    @Test
    void aPrepositionNotInTheLexiconIsNoCue() {
        assertThat(withCue("Mayor Tom Reyes talked with reporters outside the hall.", "talked with")).isEmpty();
    }

    @Test
    void aVoteIsNotAStatement() {
        assertThat(withCue("Senator Ruth Alder voted against the pipeline bill on Thursday.", "voted against")).isEmpty();
        assertThat(withCue("Most members are voting for the budget.", "voting for")).isEmpty();
    }

    @Test
    void aStanceOrADisputeAboutAThing() {
        ExtractedStatement approve = withCue("Most islanders approve of the ferry levy.", "approve of").orElseThrow();
        assertThat(approve.content().text()).isEqualTo("the ferry levy");
        assertThat(approve.speakerMention().text()).isEqualTo("Most islanders");
        ExtractedStatement spar = withCue("The candidates sparred over the harbor budget.", "sparred over").orElseThrow();
        assertThat(spar.content().text()).isEqualTo("the harbor budget");
        assertThat(spar.speakerMention().text()).isEqualTo("The candidates");
    }
}
