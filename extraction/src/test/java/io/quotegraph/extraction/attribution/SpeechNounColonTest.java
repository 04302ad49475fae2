package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "SUBJECT gave X a compliment: “…”": a clause ending with a noun of speech before a colon introduces its subject's quote. */
class SpeechNounColonTest {

    @Test
    void aQuoteAfterAClauseEndingWithANounOfSpeechIsTheSubjects() {
        ExtractedStatement s = withCue("Hale called the plan \u201ca gamble,\u201d but she gave the mayor a grudging compliment: "
                + "\u201cHe never hides what he wants. He is a careful man.\u201d", "compliment").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.content().text()).isEqualTo("\u201cHe never hides what he wants. He is a careful man.\u201d");
        assertThat(s.speakerMention().text()).isEqualTo("she");
    }

    @Test
    void aNamedSubjectAtTheSentenceStartGivesTheWarning() {
        ExtractedStatement s = withCue("Ann Hale issued the council a blunt warning: \u201cThe pier will not last the winter.\u201d",
                "warning").orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aRemarkBeforeTheColonIsAsMuchANounOfSpeech() {
        // "remark" came from the possessive-quote rule's nouns, now the one list both rules read
        ExtractedStatement s = withCue("Hale lost the vote, but she had one last remark: \u201cThe ferry will outlive us all.\u201d",
                "remark").orElseThrow();
        assertThat(s.content().text()).isEqualTo("\u201cThe ferry will outlive us all.\u201d");
        assertThat(s.speakerMention().text()).isEqualTo("she");
    }

    @Test
    void aNounOfSpeechWithoutItsOwnClauseIntroducesNoQuote() {
        // an appositive after a comma, and a bare label, have no subject that gave the words
        assertThat(withCue("The mayor spoke last, a short reply: \u201cWe will see.\u201d", "reply")).isEmpty();
        assertThat(withCue("The warning: \u201cThe pier will not last the winter.\u201d", "warning")).isEmpty();
    }
}
