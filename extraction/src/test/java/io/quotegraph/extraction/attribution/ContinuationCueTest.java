package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.containing;
import static org.assertj.core.api.Assertions.assertThat;

/** A cue in the infinitive after a verb that continues the speaker's turn: "went on to say", "paused to add". */
class ContinuationCueTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aQuoteAfterWentOnToSay() {
        ExtractedStatement s = containing("The former guard went on to say, “She never once thanked the staff.”",
                "She never once thanked the staff");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.speakerMention().text()).isEqualTo("The former guard");
        assertThat(s.cue().text()).isEqualTo("say");
    }

    @Test
    void aReportAfterPausedToAdd() {
        ExtractedStatement s = containing("Mayor Ines Dorn paused to add that the pier would reopen in May.",
                "the pier would reopen");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ines Dorn");
    }

    @Test
    void anInfinitiveAfterAnyOtherVerbIsNoReport() {
        Extraction x = EXTRACTOR.extract("Mayor Ines Dorn wants to say that the pier will reopen.", null);
        assertThat(x.statements()).noneMatch(s -> s.cue() != null && s.cue().text().equals("say"));
    }
}
