package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.firstDirectQuote;
import static org.assertj.core.api.Assertions.assertThat;

/** A quote named as someone's words by a noun: "coined the phrase “…”", "Hale's “…” remark". */
class NamedWordsTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aPhraseCoinedByTheSubject() {
        ExtractedStatement s = firstDirectQuote("Ann Hale has coined a new phrase, \u201cferry deniers,\u201d to describe her critics.");
        assertThat(s.content().text()).isEqualTo("\u201cferry deniers,\u201d");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aSloganTheSubjectRanOn() {
        ExtractedStatement s = firstDirectQuote("Ann Hale ran on the slogan \"Fix The Pier\" in 2010.");
        assertThat(s.content().text()).isEqualTo("\"Fix The Pier\"");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aPossessorsQuotedRemark() {
        ExtractedStatement s = firstDirectQuote("Ann Hale's \"no new ferries\" remark angered the council.");
        assertThat(s.content().text()).isEqualTo("\"no new ferries\"");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aPossessorsQuotedReplyIsTheirs() {
        // the nouns of speech are one list (speech-nouns.txt) for this rule and the colon rule: "reply" came from the latter
        ExtractedStatement s = firstDirectQuote("Ann Hale's \"not on my watch\" reply angered the council.");
        assertThat(s.content().text()).isEqualTo("\"not on my watch\"");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aTermWithNoSubjectBeforeItNamesNoOne() {
        Extraction x = EXTRACTOR.extract("The term \"ferry deniers\" spread quickly on the island.", null);
        assertThat(x.statements()).as(x.statements().toString()).noneMatch(s -> s.kind() == StatementKind.DIRECT);
    }

    @Test
    void wordsInsideAnotherClauseAreNotTheSubjectsOwn() {
        String text = "Protest, Ann Hale said, is patriotic, whether on a T-shirt emblazoned with the words \"Fix it\" or a sign.";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(x.statements().toString()).noneMatch(s -> s.content().text().equals("\"Fix it\""));
    }
}
