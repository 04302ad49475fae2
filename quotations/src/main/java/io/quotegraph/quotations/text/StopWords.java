package io.quotegraph.quotations.text;

import java.util.Set;

/**
 * English function words, which say little about what a statement is about: left out of the content words that
 * similarity and blocking compare (in {@link Words}' normal form: lower case, no apostrophes).
 */
public final class StopWords {

    private static final Set<String> WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
            "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "dont", "down", "during", "each", "even", "few", "for", "from", "further",
            "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
            "i", "if", "im", "in", "into", "is", "it", "its", "itself", "ive", "just", "lets", "me", "more", "most",
            "much", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
            "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
            "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "theres", "these", "they",
            "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "weve",
            "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
            "yours", "yourself", "yourselves", "s", "t", "going", "get", "got", "say", "said", "says", "us", "let",
            "may", "might", "must", "shall", "theyre", "youre", "cant", "wont", "isnt", "didnt", "doesnt", "wasnt",
            "arent");

    private StopWords() {
    }

    public static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
