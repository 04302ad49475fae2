package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.containing;
import static org.assertj.core.api.Assertions.assertThat;

/** A quoted fragment that completes a clause of the reporter's words, its attribution after it. */
class CompletedClauseQuoteTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aQuoteCompletingTheSentencesClauseMakesTheWholeClauseTheStatement() {
        ExtractedStatement s = containing("Teachers in the union are \u201cvery, very pro-Bernie,\u201d Ann Hale said.", "pro-Bernie");
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
        assertThat(s.content().text()).isEqualTo("Teachers in the union are \u201cvery, very pro-Bernie,\u201d");
        assertThat(s.cue().text()).isEqualTo("said");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void theQuoteInTheNextParagraphGoesOnWithThatStatement() {
        String text = "Teachers in the union are \u201cvery, very pro-Bernie,\u201d Ann Hale said.\n\n"
                + "\u201cThey will vote for him in May.\u201d";
        ExtractedStatement s = containing(text, "pro-Bernie");
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
        assertThat(s.content().text()).startsWith("Teachers").endsWith("in May.\u201d");
    }

    @Test
    void aQuoteOpeningItsSentenceOrFollowingAReportOfItsOwnStaysTheQuote() {
        assertThat(containing("\u201cThe pier is closed,\u201d Ann Hale said.", "pier").kind()).isEqualTo(StatementKind.DIRECT);
        Extraction x = EXTRACTOR.extract("Ann Hale said she felt the levy was fair because \u201cmost people never use the pier,\u201d"
                + " she said.", null);
        assertThat(x.statements()).as(x.statements().toString())
                .noneSatisfy(s -> assertThat(s.content().text()).startsWith("Ann Hale said"));
    }
}
