package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.StatementKind;

/**
 * Decides the kind of a reported clause and its exact content span. A clause that is one quotation is
 * DIRECT (content = the quotation, marks included). So is a clause of a pronoun referring to the speaker
 * followed by a quotation ("comments by the government that it “would welcome ...”"): the quotation is the
 * speaker's own words with the subject left outside. A clause holding a quoted fragment of two or more
 * words is MIXED; a single scare-quoted word keeps it INDIRECT.
 */
final class ContentClassifier {

    record Content(StatementKind kind, int start, int end) {
    }

    private static final int MIN_MIXED_WORDS = 2;

    /** Classifies tokens [from, to); null when the clause has no word. */
    Content classify(Document doc, int from, int to, Mention speaker) {
        if (from >= to) {
            return null;
        }
        Quote whole = doc.quoteAt(from);
        if (whole != null && whole.firstToken() == from && whole.lastToken() == to - 1) {
            return new Content(StatementKind.DIRECT, whole.start(), whole.end());
        }
        Quote after = from + 1 < to ? doc.quoteAt(from + 1) : null;
        if (after != null && after.firstToken() == from + 1 && after.lastToken() == to - 1 && refersToSpeaker(doc, from, speaker)) {
            return new Content(StatementKind.DIRECT, after.start(), after.end());
        }
        boolean words = false;
        boolean mixed = false;
        int end = doc.token(to - 1).end();
        for (int k = from; k < to; k++) {
            words |= doc.token(k).isWord();
            Quote q = doc.quoteAt(k);
            if (q != null) {
                mixed |= q.words() >= MIN_MIXED_WORDS;
                if (q.closed() && q.lastToken() >= to && q.firstToken() >= from) {
                    // "called the plan “a disaster. It will never work.”": a quote opened in the clause ends the
                    // statement with it, though a sentence ends inside it
                    end = q.end();
                }
                k = Math.max(k, Math.min(q.lastToken(), to - 1));
            }
        }
        if (!words) {
            return null;
        }
        StatementKind kind = mixed ? StatementKind.MIXED : StatementKind.INDIRECT;
        return new Content(kind, doc.token(from).start(), end);
    }

    private static boolean refersToSpeaker(Document doc, int k, Mention speaker) {
        String w = doc.token(k).lower();
        if (speaker == null) {
            return false;
        }
        return switch (w) {
            case "it" -> speaker.type() == EntityType.ORGANIZATION || speaker.type() == EntityType.COUNTRY;
            case "he", "she" -> speaker.type() == EntityType.PERSON;
            case "we", "i" -> true;
            default -> false;
        };
    }
}
