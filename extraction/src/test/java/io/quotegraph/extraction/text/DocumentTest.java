package io.quotegraph.extraction.text;

import io.quotegraph.extraction.lexicon.Lexicons;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTest {

    private static Token tokenAfter(Document doc, String word) {
        for (int i = 0; i + 1 < doc.size(); i++) {
            if (doc.token(i).text().equals(word)) {
                return doc.token(i + 1);
            }
        }
        throw new AssertionError("no token " + word);
    }

    @Test
    void anApostropheAfterAPluralIsAPossessive() {
        Document doc = new Document("The Smiths’ lawyer and the voters' choice.", Lexicons.get());
        assertThat(tokenAfter(doc, "Smiths").kind()).isEqualTo(Token.Kind.POSSESSIVE);
        assertThat(tokenAfter(doc, "voters").kind()).isEqualTo(Token.Kind.POSSESSIVE);
    }

    @Test
    void aSingleQuoteClosingAfterAPluralStaysAQuote() {
        Document doc = new Document("He called them 'the real winners' at the rally.", Lexicons.get());
        assertThat(tokenAfter(doc, "winners").kind()).isEqualTo(Token.Kind.PUNCT);
        assertThat(doc.quotes()).hasSize(1);
    }
}
