package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Paragraphs opening with "Label:" — a speaker's, or the newsroom's. */
class LabelAttributorTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aSpeakerLabelAttributesTheParagraph() {
        Extraction x = EXTRACTOR.extract("Governor Lena Ortiz: Ferry service will resume in May.", null);
        assertThat(x.statements()).singleElement()
                .satisfies(s -> assertThat(s.speakerMention().text()).isEqualTo("Governor Lena Ortiz"));
    }

    @Test
    void anEditorialLabelIsNoSpeaker() {
        assertThat(EXTRACTOR.extract("The ferry runs daily.\n\nCorrection: An earlier version gave the wrong pier.", null)
                .statements()).isEmpty();
        assertThat(EXTRACTOR.extract("The ferry runs daily.\n\nContributing: Maria Lind, Port Gazette.", null)
                .statements()).isEmpty();
    }

    @Test
    void aRosterOfNamesAfterALabelIsNoStatement() {
        Extraction x = EXTRACTOR.extract("Oregon: Ann Lee, Bo Ray, Cy Moss, Dee Park, Eli Stone, Flo Dunn.", null);
        assertThat(x.statements()).isEmpty();
    }
}
