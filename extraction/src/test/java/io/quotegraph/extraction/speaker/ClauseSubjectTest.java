package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.containing;
import static org.assertj.core.api.Assertions.assertThat;

/** Subjects after an opening phrase, and subjects the phrase rules cannot read, taken whole from the clause start. */
class ClauseSubjectTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private static String speakerOf(String text, String fragment) {
        return containing(text, fragment).speakerMention().text();
    }

    @Test
    void aSpeakerAfterAnOpeningPhrase() {
        assertThat(speakerOf("In an interview with the local radio station, Mayor Ines Dorn said the pier would reopen.",
                "the pier would reopen")).isEqualTo("Mayor Ines Dorn");
        assertThat(speakerOf("On Tuesday, the harbor master said the channel was safe.", "the channel was safe"))
                .isEqualTo("the harbor master");
        assertThat(speakerOf("Asked about the delay, Dorn said the contractor had gone bankrupt.", "the contractor had gone"))
                .isEqualTo("Dorn");
    }

    @Test
    void aBarePluralHeadWithAPrepositionalPhraseOpensAGroupSubject() {
        assertThat(speakerOf("Even if the mayor loses the first vote, insiders in the next two wards — Eastfield and Dunmore — "
                + "said it is important that she close the gap.", "it is important that she close the gap"))
                .isEqualTo("insiders in the next two wards");
        assertThat(speakerOf("Most residents are unhappy, but majorities in both towns say they want the pool to stay open.",
                "they want the pool to stay open")).isEqualTo("majorities in both towns");
    }

    @Test
    void aPhraseAfterAPrepositionAndADeterminerIsTheEndOfALongerSubject() {
        assertThat(speakerOf("Most residents are unhappy, but majorities in the four towns say they want the pool to stay open.",
                "they want the pool to stay open")).isEqualTo("majorities in the four towns");
    }

    @Test
    void aBarePluralWithoutAPrepositionalPhraseIsNotTakenWhole() {
        Extraction x = EXTRACTOR.extract("The council met on Monday, and plans drafted by the staff said nothing about the pool.", null);
        assertThat(x.statements()).noneMatch(s -> s.speakerMention() != null && s.speakerMention().text().startsWith("plans drafted"));
    }

    @Test
    void aDescribedGroupSubject() {
        assertThat(speakerOf("Several owners of small farms said they had not been paid.", "they had not been paid"))
                .isEqualTo("Several owners of small farms");
    }

    @Test
    void aRoleForAnOrganisationIsOneSubject() {
        assertThat(speakerOf("A spokeswoman for the county water authority said the pipes would be replaced.",
                "the pipes would be replaced")).isEqualTo("A spokeswoman for the county water authority");
    }

    @Test
    void aBareNumberAfterAClauseIsASubject() {
        assertThat(speakerOf("Of the 60 delegates polled, 41 said they backed the plan.", "they backed the plan"))
                .isEqualTo("41");
    }

    @Test
    void anAsideBetweenDashesIsSkipped() {
        assertThat(speakerOf("Farmers \u2014 especially those in the dry east \u2014 say the quotas are unfair.",
                "the quotas are unfair")).isEqualTo("Farmers");
    }

    @Test
    void aTimeAgoBetweenSubjectAndCue() {
        assertThat(speakerOf("The ministry less than a week ago said that the border would stay open.",
                "the border would stay open")).isEqualTo("The ministry");
    }

    @Test
    void aNegatedVerbGivesNoStatement() {
        Extraction x = EXTRACTOR.extract("The senator didn't say when the vote would happen.", null);
        assertThat(x.statements()).isEmpty();
    }
}
