package io.quotegraph.extraction.event;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.model.EventStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event vocabulary: trigger words per type (event-triggers.txt, types from {@link EventTypes}), demonyms
 * (demonyms.txt) and status cues (status-cues.txt). Immutable; one shared instance.
 */
final class EventLexicon {

    /** A trigger phrase's type; {@code nounOnly} for words that are also adjectives or verbs in other senses. */
    record Trigger(String type, boolean nounOnly) {
    }

    private static final EventLexicon INSTANCE = new EventLexicon();

    private final EventTypes types = EventTypes.get();
    private final Map<String, Trigger> triggers = new HashMap<>();
    /** A trigger's first word → the most words a trigger starting with it has, so most words are passed at once. */
    private final Map<String, Integer> triggerLengthByFirstWord = new HashMap<>();
    private final Map<String, String> demonyms = new HashMap<>();
    private final Map<String, EventStatus> statusCues = new HashMap<>();
    private final int longestDemonym;
    private final int longestCue;

    private EventLexicon() {
        for (String line : Lexicons.resourceLines(EventLexicon.class, "event-triggers.txt")) {
            String[] f = line.split("\\|");
            String type = f[1].strip();
            if (types.type(type) == null) {
                throw new IllegalStateException("event trigger '" + f[0] + "' has an undeclared type " + type);
            }
            triggers.put(f[0].strip().toLowerCase(Locale.ROOT), new Trigger(type, f.length > 2 && f[2].strip().equals("NOUN")));
        }
        for (String line : Lexicons.resourceLines(EventLexicon.class, "demonyms.txt")) {
            String[] f = line.split("\\|");
            demonyms.put(f[0].strip(), f[1].strip());
        }
        for (String line : Lexicons.resourceLines(EventLexicon.class, "status-cues.txt")) {
            String[] f = line.split("\\|");
            statusCues.put(f[0].strip().toLowerCase(Locale.ROOT), EventStatus.valueOf(f[1].strip()));
        }
        for (String t : triggers.keySet()) {
            String[] words = t.split(" ");
            triggerLengthByFirstWord.merge(words[0], words.length, Math::max);
        }
        longestDemonym = longest(demonyms.keySet());
        longestCue = longest(statusCues.keySet());
    }

    static EventLexicon get() {
        return INSTANCE;
    }

    /** The trigger for a lowercased, space-joined phrase, or null. */
    Trigger trigger(String phrase) {
        return triggers.get(phrase);
    }

    /** The most words a trigger starting with this lowercased word has; 0 if none starts with it. */
    int longestTriggerStartingWith(String firstWord) {
        return triggerLengthByFirstWord.getOrDefault(firstWord, 0);
    }

    /** The country a demonym ("Azerbaijani", "North Korean") names, as written with capitals; or null. */
    String demonym(String phrase) {
        return demonyms.get(phrase);
    }

    int longestDemonym() {
        return longestDemonym;
    }

    EventStatus statusCue(String phrase) {
        return statusCues.get(phrase);
    }

    int longestCue() {
        return longestCue;
    }

    EventTypes types() {
        return types;
    }

    private static int longest(Iterable<String> phrases) {
        int max = 1;
        for (String p : phrases) {
            max = Math.max(max, p.split(" ").length);
        }
        return max;
    }
}
