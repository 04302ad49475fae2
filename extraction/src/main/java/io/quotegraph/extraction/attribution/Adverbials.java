package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.time.TemporalExpressions;
import io.quotegraph.extraction.time.TemporalMatch;
import io.quotegraph.extraction.time.Tense;
import io.quotegraph.extraction.time.OccasionFinder;

import java.util.Set;

/**
 * Skips what may stand between a cue and its content: dates ("said Wednesday"), occasions ("in a statement",
 * "at a news conference with X") and adverbs ("said again"). Each step consumes tokens, so the loop ends.
 */
final class Adverbials {

    private static final Set<String> DURATION_UNITS = Set.of("days", "weeks", "months", "years", "decades");
    private static final Set<String> DURATION_COUNTS = Set.of("several", "many", "two", "three", "four", "five", "few");

    private final Lexicons lexicons;
    private final TemporalExpressions dates = new TemporalExpressions();
    private final OccasionFinder occasions;
    private final SpeakerPhraseFinder phrases;

    Adverbials(Lexicons lexicons, OccasionFinder occasions, SpeakerPhraseFinder phrases) {
        this.lexicons = lexicons;
        this.occasions = occasions;
        this.phrases = phrases;
    }

    int skip(Document doc, int from, int limit) {
        int j = from;
        while (j < limit) {
            TemporalMatch date = dates.match(doc, j, limit, null, Tense.PAST);
            if (date != null) {
                j = date.to();
                continue;
            }
            int duration = duration(doc, j, limit);
            if (duration > j) {
                j = duration; // "has said for months she …"
                continue;
            }
            if (j + 1 < limit && Cues.isThatTime(doc, j, lexicons)) {
                j += 2; // "said that day: …" / "said that night the pier would reopen"
                continue;
            }
            OccasionFinder.TypeMatch occasion = doc.token(j).is("told") ? null : occasions.typeAt(doc, j, limit);
            if (occasion != null) {
                j = occasion.to();
                if (j < limit && doc.token(j).is("with")) {
                    int[] partner = phrases.right(doc, j + 1, limit);
                    j = partner == null ? j + 1 : partner[1];
                }
                continue;
            }
            if (doc.token(j).isWord() && lexicons.isAuxiliary(doc.token(j).text())) {
                j++;
                continue;
            }
            return j;
        }
        return j;
    }

    /**
     * Where the speaker's own occasion interrupts an object ("praised the plan in a statement", "denied it during a
     * rally Friday"): an occasion phrase (lexicon {@code occasions.txt}) after "in", "during" or "via" with an
     * indefinite article or a possessive; "in the debate" is as often what the object is about, so "the" is not read.
     * @return the index of the phrase's preposition, or {@code to}
     */
    int occasionWithin(Document doc, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if (doc.quoteAt(k) == null && doc.token(k).isWord() && OCCASION_PREPOSITIONS.contains(doc.token(k).lower())
                    && !doc.token(k + 1).is("the") && occasions.typeAt(doc, k, to) != null) {
                return k;
            }
        }
        return to;
    }

    private static final Set<String> OCCASION_PREPOSITIONS = Set.of("in", "during", "via");

    /**
     * "for months", "for the past two weeks", "for years": a duration after "for"; the token after it, or
     * {@code from} when there is none.
     */
    private static int duration(Document doc, int from, int limit) {
        if (!doc.token(from).is("for")) {
            return from;
        }
        int k = from + 1;
        if (k + 1 < limit && doc.token(k).is("the") && (doc.token(k + 1).is("past") || doc.token(k + 1).is("last"))) {
            k += 2;
        }
        if (k < limit && DURATION_COUNTS.contains(doc.token(k).lower())) {
            k++;
        }
        return k < limit && DURATION_UNITS.contains(doc.token(k).lower()) ? k + 1 : from;
    }
}
