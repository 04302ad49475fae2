package io.quotegraph.extraction.time;

import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;

import java.util.Set;

/**
 * Reads the tense that governs a temporal expression from the verbs around it in its sentence: the nearest
 * tense marker wins ("he said they will meet Monday": "will"; "they will meet, he said Monday": "said"), earlier
 * words on ties; after the expression, only up to the end of its clause. Markers are auxiliaries and modals ("will", "was", "going to", "set to"), irregular past forms
 * and lowercase words in -ed.
 */
public final class TenseDetector {

    private static final Set<String> FUTURE = Set.of("will", "would", "shall", "won't", "wo", "upcoming", "forthcoming");
    /** Future when followed by "to": "set to meet", "going to meet", "expected to visit". */
    private static final Set<String> FUTURE_BEFORE_TO = Set.of("going", "set", "due", "scheduled", "expected", "plans",
            "plan", "planned", "planning", "intends", "intend", "aims", "hopes", "poised", "slated", "likely", "about", "supposed");
    private static final Set<String> PRESENT = Set.of("is", "are", "am", "says", "tells", "does", "do");
    private static final Set<String> PAST = Set.of("was", "were", "had", "did", "said", "told", "met", "went", "came",
            "took", "made", "gave", "spoke", "held", "began", "saw", "got", "left", "won", "lost", "ran", "brought",
            "thought", "sent", "became", "fought", "struck", "wrote", "led", "broke", "knew", "found", "stood", "sought",
            "fell", "rose", "paid", "meant", "kept", "felt", "heard", "drew", "threw", "chose", "flew", "ago",
            "wasn't", "weren't", "didn't", "hadn't",
            // the present perfect ("has met", "have made progress in six months") speaks of the past
            "has", "have", "hasn't", "haven't");
    /** Words in -ed that are not past forms. */
    private static final Set<String> NOT_PAST = Set.of("need", "speed", "feed", "seed", "bed", "red", "shed", "indeed",
            "proceed", "exceed", "succeed", "hundred", "embed", "breed", "greed", "creed", "weed", "fled",
            "united", "armed", "so-called", "expected", "scheduled", "planned", "deed", "steed");
    /** How far from the expression a marker still counts, in tokens. */
    private static final int WINDOW = 12;

    /** The tense governing tokens [from, to) of the document. */
    public Tense tenseAt(Document doc, int from, int to) {
        Sentence sentence = doc.sentenceOf(from);
        int lo = Math.max(sentence.from(), from - WINDOW);
        int hi = Math.min(sentence.to(), to + WINDOW);
        if (from > sentence.from()) {
            // after the expression only its own clause counts ("on Monday, saying he would ..."); a fronted
            // adverbial ("On Monday, he will ...") is governed by the clause that follows it
            for (int k = to; k < hi; k++) {
                if (doc.token(k).isPunct(',') || doc.token(k).isPunct(';')) {
                    hi = k;
                }
            }
        }
        for (int distance = 1; distance <= WINDOW; distance++) {
            Tense before = from - distance >= lo ? marker(doc, from - distance, hi) : null;
            if (before != null) {
                return before;
            }
            Tense after = to - 1 + distance < hi ? marker(doc, to - 1 + distance, hi) : null;
            if (after != null) {
                return after;
            }
        }
        return Tense.PRESENT;
    }

    private static Tense marker(Document doc, int k, int limit) {
        Token t = doc.token(k);
        if (!t.isWord()) {
            return null;
        }
        String w = t.lower().replace('\u2019', '\'');
        if (FUTURE.contains(w) || w.endsWith("'ll")) {
            return Tense.FUTURE;
        }
        if (FUTURE_BEFORE_TO.contains(w) && k + 1 < limit && doc.token(k + 1).is("to")) {
            // "were due to file by March 15": a future seen from the past is past for us
            return k > 0 && (doc.token(k - 1).is("was") || doc.token(k - 1).is("were")) ? Tense.PAST : Tense.FUTURE;
        }
        if (PRESENT.contains(w)) {
            return Tense.PRESENT;
        }
        boolean pastForm = PAST.contains(w) || !t.isCapitalized() && w.length() > 4 && w.endsWith("ed") && !NOT_PAST.contains(w);
        // a participle after "be" ("to be made public by Jan. 29") is a passive, not a past tense
        boolean passive = k > 0 && (doc.token(k - 1).is("be") || doc.token(k - 1).is("being"));
        return pastForm && !passive ? Tense.PAST : null;
    }
}
