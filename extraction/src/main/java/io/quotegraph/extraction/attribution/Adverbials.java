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
     * rally Friday", "denied it through a spokeswoman"): an occasion phrase (lexicon {@code occasions.txt}) after
     * in/during/via/at/on/through with an indefinite article or a possessive; "in the debate" is as often what the
     * object is about, so "the" is not read.
     * @return the index of the phrase's preposition, or {@code to}
     */
    int occasionWithin(Document doc, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            if (occasionAt(doc, k, to) > k) {
                return k;
            }
        }
        return to;
    }

    /** The occasion phrase read by {@link #occasionWithin} starting at token {@code k}: @return the token after it, or -1 */
    private int occasionAt(Document doc, int k, int to) {
        if (k + 1 >= to || doc.quoteAt(k) != null || !doc.token(k).isWord() || !OCCASION_PREPOSITIONS.contains(doc.token(k).lower())
                || doc.token(k + 1).is("the")) {
            return -1;
        }
        OccasionFinder.TypeMatch occasion = occasions.typeAt(doc, k, to);
        return occasion == null ? -1 : occasion.to();
    }

    /**
     * Where the speaker's occasion closes a report ("said Obama founded ISIS on Wednesday at a Florida rally", "claimed
     * victory in a tweet"): an occasion phrase as {@link #occasionWithin} reads it, perhaps after a date, followed by
     * nothing but dates, occasions and a place up to the report's end. @return the index where it starts, or {@code to}
     */
    int closingOccasion(Document doc, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            int occasionEnd = occasionAt(doc, k, to);
            if (occasionEnd > k && placeEnd(doc, skip(doc, occasionEnd, to), to, OCCASION_PLACE_PREPOSITIONS) == to) {
                int start = dateBefore(doc, from, k);
                return start > from && doc.token(start - 1).isPunct(',') ? start - 1 : start;
            }
        }
        return to;
    }

    /** A date that ends right before token {@code k} ("on Wednesday at a rally"): @return where it starts, or {@code k} */
    private int dateBefore(Document doc, int from, int k) {
        for (int b = k - 1; b >= from && b >= k - MAX_DATE_TOKENS; b--) {
            TemporalMatch date = dates.match(doc, b, k, null, Tense.PAST);
            if (date != null && date.to() == k) {
                return b > from && doc.token(b - 1).is("on") ? b - 1 : b;
            }
        }
        return k;
    }

    private static final int MAX_DATE_TOKENS = 4;

    /**
     * "in Hartford, Conn.", "on MSNBC", "of Dover, Del.": up to a few capitalised words after one of {@code prepositions};
     * @return the token after the place, or {@code from} when there is none
     */
    static int placeEnd(Document doc, int from, int end, Set<String> prepositions) {
        if (from + 1 >= end || !doc.token(from).isWord() || !prepositions.contains(doc.token(from).lower())
                || !doc.token(from + 1).isCapitalized()) {
            return from;
        }
        int k = from + 1;
        while (k < end && k - from <= MAX_PLACE_WORDS && (doc.token(k).isCapitalized() || doc.token(k).isPunct(',')
                || doc.token(k).isPunct('.') && doc.token(k - 1).end() == doc.token(k).start())) {
            k++;
        }
        return k;
    }

    private static final int MAX_PLACE_WORDS = 4;

    private static final Set<String> OCCASION_PREPOSITIONS = Set.of("in", "during", "via", "at", "on", "through");
    /** Where an occasion took place or was broadcast: "in Beijing", "at Mar-a-Lago", "on MSNBC". */
    private static final Set<String> OCCASION_PLACE_PREPOSITIONS = Set.of("in", "at", "on");

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
