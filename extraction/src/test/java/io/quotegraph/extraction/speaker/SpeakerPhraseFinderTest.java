package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which words before a cue name its speaker. */
class SpeakerPhraseFinderTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    private static ExtractedStatement containing(String text, String fragment) {
        Extraction x = EXTRACTOR.extract(text, null);
        return x.statements().stream().filter(s -> s.content().text().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement contains \"" + fragment + "\": " + x.statements()));
    }

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
}
