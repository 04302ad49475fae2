package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.containing;
import static org.assertj.core.api.Assertions.assertThat;

/** An indirect question (why/how/whether) after a cue and a prepositional phrase is the report's content. */
class IndirectQuestionTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aQuestionAfterTheAddresseeIsTheContent() {
        ExtractedStatement s = containing("Omar Velez later explained to the college president why he stood for the anthem.",
                "he stood for the anthem");
        assertThat(s.content().text()).isEqualTo("why he stood for the anthem");
        assertThat(s.speakerMention().text()).isEqualTo("Omar Velez");
    }

    @Test
    void aQuestionAfterAnOccasionPhraseIsTheContent() {
        Extraction x = EXTRACTOR.extract("Ann Hale described in an interview how the pier was rebuilt after the storm.", null);
        assertThat(x.statements()).as(x.statements().toString()).singleElement()
                .satisfies(s -> assertThat(s.content().text()).isEqualTo("how the pier was rebuilt after the storm"));
    }
}
