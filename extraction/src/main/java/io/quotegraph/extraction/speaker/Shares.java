package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;

import java.util.Set;

/**
 * A share of a poll's respondents or of a group speaking as one: "Forty-two percent of likely voters",
 * "Just 31 percent", "Two-thirds of county officials", "six in 10", "nine out of 10", "all but two", "most of them",
 * "those surveyed".
 */
final class Shares {

    /** "of" and the group after a share: "of Republicans in New Hampshire". */
    private static final int MAX_SHARE_TAIL = 6;
    private static final Set<String> SHARE_HEADS = Set.of("percent", "half", "third", "thirds", "quarter", "quarters",
            "majority", "plurality", "minority", "fifth", "fifths", "two-thirds", "three-quarters", "one-third", "one-quarter");
    private static final Set<String> SHARE_MODIFIERS = Set.of("just", "only", "some", "about", "nearly", "almost", "roughly",
            "around", "more", "fewer", "less", "than", "over", "under", "another", "a", "the", "slim", "narrow", "clear", "bare");
    private static final Set<String> RESPONDENTS = Set.of("surveyed", "polled", "questioned", "interviewed", "asked",
            "responding", "sampled");
    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred");

    private Shares() {
    }

    /**
     * Where the share ending at token {@code j} starts (its modifiers included), or -1.
     */
    static int start(Document doc, int j, int limit) {
        int head = j;
        for (int d = j; d >= limit && j - d <= MAX_SHARE_TAIL && doc.token(d).isWord() && doc.quoteAt(d) == null; d--) {
            if (doc.token(d).is("of") && !(d - 1 >= limit && doc.token(d - 1).is("out"))) {
                head = d - 1; // "… of likely voters": the share comes before "of"
                break;
            }
        }
        if (head < limit || head != j && !doc.token(head).isWord() && !doc.token(head).isPunct('%')) {
            return -1;
        }
        int k = head;
        String h = doc.token(head).lower();
        if (SHARE_HEADS.contains(h) || doc.token(head).isPunct('%')) {
            k = skipNumber(doc, head - 1, limit); // "Forty-two percent", "Two-thirds", "47%"
            if (k == head - 1 && (h.equals("percent") || h.equals("%"))) {
                return -1; // "percent" needs its number
            }
        } else if (isNumber(doc.token(head)) && head - 2 >= limit && doc.token(head - 1).is("in") && isNumber(doc.token(head - 2))) {
            k = head - 3; // "six in 10"
        } else if (isNumber(doc.token(head)) && head - 2 >= limit && doc.token(head - 1).is("but") && doc.token(head - 2).is("all")) {
            k = head - 3; // "all but two"
        } else if (isNumber(doc.token(head)) && head - 3 >= limit && doc.token(head - 1).is("of") && doc.token(head - 2).is("out")
                && isNumber(doc.token(head - 3))) {
            k = head - 4; // "nine out of 10"
        } else if (RESPONDENTS.contains(h) && head == j && head - 1 >= limit && doc.token(head - 1).is("those")) {
            k = head - 2; // "those surveyed"
        } else if (h.equals("most") && head != j) {
            k = head - 1; // "most of them"
        } else {
            return -1;
        }
        while (k >= limit && doc.token(k).isWord() && SHARE_MODIFIERS.contains(doc.token(k).lower())) {
            k--; // "Just 31 percent", "more than six in 10"
        }
        return k + 1;
    }

    /** The first token before a number written in digits or words, hyphens included ("Twenty-four", "2,400"). */
    private static int skipNumber(Document doc, int k, int limit) {
        while (k >= limit && (isNumber(doc.token(k)) || doc.token(k).isPunct('-') && k - 1 >= limit && isNumber(doc.token(k - 1)))) {
            k--;
        }
        return k;
    }

    private static boolean isNumber(Token t) {
        if (!t.isWord()) {
            return false;
        }
        String w = t.lower();
        if (w.chars().allMatch(c -> Character.isDigit(c) || c == ',' || c == '.')) {
            return Character.isDigit(w.charAt(0));
        }
        for (String part : w.split("-")) {
            if (!NUMBER_WORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }
}
