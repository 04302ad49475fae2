package io.quotegraph.extraction.speaker;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.containing;
import static org.assertj.core.api.Assertions.assertThat;

/** Which words before a cue name its speaker. */
class SpeakerPhraseFinderTest {

    @Test
    void anAdverbOfFrequencyBetweenSpeakerAndCueIsSkipped() {
        ExtractedStatement s = containing("Judge Nora Platt often says the court is not a stage.", "the court is not a stage");
        assertThat(s.speakerMention().text()).isEqualTo("Judge Nora Platt");
    }

    @Test
    void sinceBetweenAuxiliaryAndCueIsSkipped() {
        ExtractedStatement s = containing("Judge Nora Platt has since said the ruling was a mistake.", "the ruling was a mistake");
        assertThat(s.speakerMention().text()).isEqualTo("Judge Nora Platt");
    }

    @Test
    void anOpeningParticiplePhraseIsNotTheSubjectOfACoordinatedCue() {
        ExtractedStatement s = containing("Writing on Monday, Judge Nora Platt conceded that the ruling was rushed, "
                + "but said the appeal would fail.", "the appeal would fail");
        assertThat(s.speakerMention().text()).isEqualTo("Judge Nora Platt");
    }

    @Test
    void aDescribedSubjectIsSharedByACoordinatedCue() {
        ExtractedStatement s = containing("Omar Velez, a nurse at the county clinic, criticized the cuts and said "
                + "the ward could not cope.", "the ward could not cope");
        assertThat(s.speakerMention().text()).startsWith("Omar Velez");
    }

    @Test
    void aParticipleCueTakesTheMainClauseSubjectNotTheOpeningPhrase() {
        ExtractedStatement s = containing("Touring a flooded farm in Iowa, Governor Ana Bell criticized the levee board, "
                + "saying it had ignored the warnings.", "it had ignored the warnings");
        assertThat(s.speakerMention().text()).isEqualTo("Governor Ana Bell");
    }

    @Test
    void aParticipleCueSubjectAfterASentenceConnector() {
        ExtractedStatement s = containing("And then Governor Ana Bell went on the attack, saying, \u201cThe board ignored "
                + "every warning we sent.\u201d", "ignored every warning");
        assertThat(s.speakerMention().text()).isEqualTo("Governor Ana Bell");
        ExtractedStatement but = containing("But Governor Ana Bell went on the attack, saying the board had ignored the warnings.",
                "the board had ignored the warnings");
        assertThat(but.speakerMention().text()).isEqualTo("Governor Ana Bell");
    }

    @Test
    void aGerundAfterAPrepositionTakesTheMainClauseSubject() {
        ExtractedStatement before = containing("Governor Ana Bell toured the flooded farms before explaining why the levee "
                + "board had failed.", "why the levee board had failed");
        assertThat(before.speakerMention().text()).isEqualTo("Governor Ana Bell");
        ExtractedStatement whileSaying = containing("The retired admiral praised the crews, while saying that the fleet was "
                + "short of sailors.", "the fleet was short of sailors");
        assertThat(whileSaying.speakerMention().text()).isEqualTo("The retired admiral");
    }

    @Test
    void aGerundInAnOpeningAdverbialTakesTheSubjectAfterItsComma() {
        ExtractedStatement s = containing("After suggesting on Monday that the levy was too high, Governor Ana Bell signed it.",
                "the levy was too high");
        assertThat(s.speakerMention().text()).isEqualTo("Governor Ana Bell");
        assertThat(s.content().text()).isEqualTo("that the levy was too high");
    }

    @Test
    void aParticipleCueSubjectDoesNotRunIntoTheVerb() {
        ExtractedStatement s = containing("The retired admiral began by praising the crews, noting that the fleet had "
                + "never been so short of sailors.", "the fleet had never been so short");
        assertThat(s.speakerMention().text()).isEqualTo("The retired admiral");
    }

    @Test
    void aParticipleCueSkipsTheSubjectsDescription() {
        ExtractedStatement s = containing("Mara Quint, a former harbor commissioner, lashed out at the council, "
                + "arguing that the dredging contract was rigged.", "the dredging contract was rigged");
        assertThat(s.speakerMention().text()).startsWith("Mara Quint");
    }

    @Test
    void aParticipleAfterAQuoteSharesTheQuotesSpeaker() {
        ExtractedStatement s = containing("“We will not close the clinic,” the mayor said, adding that the county "
                + "would cover the rent.", "the county would cover the rent");
        assertThat(s.speakerMention().text()).isEqualTo("the mayor");
    }

    @Test
    void aDatelineIsNotTheSubjectOfAParticipleCue() {
        ExtractedStatement s = containing("LISBON (Reuters) \u2014 Prime Minister Rui Costa rejected the budget on "
                + "Friday, saying the deficit was too large.", "the deficit was too large");
        assertThat(s.speakerMention().text()).isEqualTo("Prime Minister Rui Costa");
    }

    @Test
    void aNameWithADescriptionOfSeveralCommaSeparatedParts() {
        ExtractedStatement s = containing("Donna Reyes, 61, of Salem, Ore., who watched the launch from the beach, said "
                + "the crowd was the largest in years.", "the crowd was the largest");
        assertThat(s.speakerMention().text()).startsWith("Donna Reyes");
    }

    @Test
    void aDescriptionWithAnAmpersandAndAnInnerPlaceName() {
        assertThat(containing("Isaac Bolt, an analyst at Harbor Point Research & Trading, wrote in a note to investors "
                + "that rates would rise.", "rates would rise").speakerMention().text()).startsWith("Isaac Bolt");
        assertThat(containing("Tom Fitch, a Dover, Del., pastor helping to run the food drive, said the church would "
                + "stay open.", "the church would stay open").speakerMention().text()).startsWith("Tom Fitch");
    }

    @Test
    void aLongDescriptionBeforeSaidAndAColonQuote() {
        ExtractedStatement s = containing("Lena Ortiz, a former director of the state parks department who left in 2019 "
                + "after a dispute over budgets, said: \u201cThe plan is doomed.\u201d", "The plan is doomed");
        assertThat(s.speakerMention().text()).startsWith("Lena Ortiz");
    }

    @Test
    void aMannerAdverbBetweenSpeakerAndCueIsSkipped() {
        ExtractedStatement s = containing("At a press conference, Clinton emphatically proclaimed, “I did not email any classified material.”",
                "classified material");
        assertThat(s.speakerMention().text()).isEqualTo("Clinton");
        ExtractedStatement t = containing("The nominee mockingly responded that the server had been wiped.", "the server had been wiped");
        assertThat(t.speakerMention().text()).isEqualTo("The nominee");
    }

    @Test
    void aNounEndingInLyIsNoAdverb() {
        ExtractedStatement s = containing("A Clinton ally said the campaign would appeal.", "the campaign would appeal");
        assertThat(s.speakerMention().text()).isEqualTo("A Clinton ally");
    }

    @Test
    void aHyphenatedWordInALongDescriptionIsNoDash() {
        ExtractedStatement s = containing("James Zogby, a superdelegate from the District and the president of the D.C.-based Arab "
                + "American Institute, said: \"I just don't think it's possible for him to walk away.\"", "walk away");
        assertThat(s.speakerMention().text()).startsWith("James Zogby");
    }

    @Test
    void plainWordsDescribingAnInvertedName() {
        ExtractedStatement s = containing("\"It is the best role he ever had,\" said conservative activist Bob Klaus.", "best role");
        assertThat(s.speakerMention().text()).isEqualTo("conservative activist Bob Klaus");
    }

    @Test
    void aPlaceAfterAnInvertedNameEndsTheAttribution() {
        ExtractedStatement s = containing("Even India has more cultural pull through its films, says political scientist Dossym "
                + "Satpayev in Almaty.", "cultural pull");
        assertThat(s.speakerMention().text()).isEqualTo("political scientist Dossym Satpayev");
        assertThat(s.content().text()).isEqualTo("Even India has more cultural pull through its films");
    }

    @Test
    void aPollShareAfterADashIsTheSpeaker() {
        ExtractedStatement s = containing("The mayor is seen as more capable than her rival — 58 percent of residents said "
                + "she would handle the budget better.", "she would handle the budget better");
        assertThat(s.speakerMention().text()).isEqualTo("58 percent of residents");
    }
}
