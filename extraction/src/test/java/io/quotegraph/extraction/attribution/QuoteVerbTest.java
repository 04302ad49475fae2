package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.firstDirectQuote;
import static org.assertj.core.api.Assertions.assertThat;

/** Verbs that attribute a quotation next to it ("charged", "reads", "shot back") but report no speech on their own. */
class QuoteVerbTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aQuoteVerbAfterTheQuote() {
        ExtractedStatement charged = firstDirectQuote("“That is a disservice to the troops,” Bolton charged.");
        assertThat(charged.cue().text()).isEqualTo("charged");
        assertThat(charged.speakerMention().text()).isEqualTo("Bolton");
        ExtractedStatement letter = firstDirectQuote("“We see charter schools offering hope,” the letter reads.");
        assertThat(letter.speakerMention().text()).isEqualTo("the letter");
    }

    @Test
    void aQuoteVerbWithItsParticleBeforeTheQuote() {
        ExtractedStatement s = firstDirectQuote("After the governor criticized her, Hillary shot back, “I chose to fulfill my profession.”");
        assertThat(s.cue().text()).isEqualTo("shot back");
        assertThat(s.speakerMention().text()).isEqualTo("Hillary");
    }

    @Test
    void askingBeforeAQuoteAsksTheQuotedQuestion() {
        ExtractedStatement s = firstDirectQuote("The ad uses footage of Ann Hale asking, “Why is the pier still closed?”");
        assertThat(s.cue().text()).isEqualTo("asking");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
        Extraction x = EXTRACTOR.extract("Hale called the council on Monday, asking its members to wait.", null);
        assertThat(x.statements()).noneMatch(st -> st.cue() != null && st.cue().text().equals("asking"));
    }

    @Test
    void aQuoteVerbReportsNothingWithoutAQuote() {
        Extraction x = EXTRACTOR.extract("The mayor was charged with fraud. She read the report and remembered the day.", null);
        assertThat(x.statements()).isEmpty();
    }

    @Test
    void aQuoteVerbBeforeTheQuoteMustMeetItsComma() {
        Extraction x = EXTRACTOR.extract("He read the letter aloud, “Dear friends, we won.”", null);
        assertThat(x.statements()).noneMatch(s -> s.cue() != null && s.cue().text().equals("read"));
    }

    @Test
    void aBaseFormAfterAModalIntroducesAQuote() {
        ExtractedStatement quip = firstDirectQuote("The timing was so odd that a spokesman for the governor could only quip: \"I guess the pier was booked.\"");
        assertThat(quip.cue().text()).isEqualTo("quip");
        assertThat(quip.speakerMention().text()).isEqualTo("a spokesman for the governor");
        assertThat(firstDirectQuote("Asked about the count, the clerk would later joke, “We counted twice.”").cue().text()).isEqualTo("joke");
    }

    @Test
    void aBaseFormWithoutAModalIsNoCue() {
        Extraction x = EXTRACTOR.extract("The mayor ended with a quip: “We counted twice.”", null);
        assertThat(x.statements()).noneMatch(s -> s.cue() != null && s.cue().text().equals("quip"));
    }
    @Test
    void aVerbWithItsParticleAfterAQuestionOpensTheNextQuote() {
        Extraction x = EXTRACTOR.extract("Hale answered the mayor with, “Why now? Why not in May?” Brill then writes back, “The money came late.”", null);
        ExtractedStatement reply = x.statements().stream().filter(s -> s.content().text().startsWith("“The money"))
                .findFirst().orElseThrow(() -> new AssertionError(x.statements().toString()));
        assertThat(reply.speakerMention().text()).isEqualTo("Brill");
        assertThat(x.statements()).noneMatch(s -> s.content().text().startsWith("“Why now") && s.speakerMention() != null
                && s.speakerMention().text().equals("Brill"));
    }
}
