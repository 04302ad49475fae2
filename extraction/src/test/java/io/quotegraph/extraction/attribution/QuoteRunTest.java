package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A quotation run over paragraphs whose attribution comes after it: each paragraph keeps its own attribution. */
class QuoteRunTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void theOpeningParagraphKeepsTheCueBeforeIt() {
        String text = "Ann Hale said: \u201cThe pier will not reopen this year. The money is gone.\n\n"
                + "\u201cWe will try again in the spring,\u201d Hale said.";
        Extraction x = EXTRACTOR.extract(text, null);
        List<ExtractedStatement> quotes = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).toList();
        assertThat(quotes).as(x.statements().toString()).hasSize(2);
        assertThat(quotes.get(0).content().text()).startsWith("\u201cThe pier").endsWith("The money is gone.");
        assertThat(quotes.get(0).cue().text()).isEqualTo("said");
        assertThat(quotes.get(1).content().text()).isEqualTo("\u201cWe will try again in the spring,\u201d");
        assertThat(quotes.get(1).speakerKey()).isNotNull().isEqualTo(quotes.get(0).speakerKey());
    }

    @Test
    void anUnattributedOpeningParagraphContinuesTheQuoteBeforeIt() {
        String text = "\u201cIt was a hard winter,\u201d Ann Hale said. \u201cThe crews could not work for weeks.\n\n"
                + "\u201cWe will try again in the spring,\u201d Hale said.";
        Extraction x = EXTRACTOR.extract(text, null);
        List<ExtractedStatement> quotes = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).toList();
        assertThat(quotes).as(x.statements().toString()).hasSize(2);
        assertThat(quotes.get(0).content().text()).startsWith("\u201cIt was a hard winter").endsWith("for weeks.");
        assertThat(quotes.get(1).content().text()).isEqualTo("\u201cWe will try again in the spring,\u201d");
    }

    @Test
    void aRunAttributedBeforeItStaysOneQuote() {
        String text = "Ann Hale said: \u201cThe pier will not reopen this year.\n\n\u201cWe will try again in the spring.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(x.statements().toString()).singleElement()
                .satisfies(s -> assertThat(s.content().text()).startsWith("\u201cThe pier").endsWith("in the spring.\u201d"));
    }
}
