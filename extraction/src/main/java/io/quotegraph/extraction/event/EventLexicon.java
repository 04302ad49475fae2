package io.quotegraph.extraction.event;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.model.EventStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event vocabulary: types with their parent, kind of participants and setting (event-types.txt), trigger words per
 * type (event-triggers.txt), demonyms (demonyms.txt) and status cues (status-cues.txt). Immutable; one shared instance.
 */
final class EventLexicon {

    /** A trigger phrase's type; {@code nounOnly} for words that are also adjectives or verbs in other senses. */
    record Trigger(String type, boolean nounOnly) {
    }

    /**
     * @param parent the more general type it refines, or null
     * @param people whether persons take part (meetings, calls) rather than parties (countries, forces)
     * @param local  whether it takes the article's setting when it names no place of its own
     */
    record Type(String name, String parent, boolean people, boolean local) {
    }

    private static final EventLexicon INSTANCE = new EventLexicon();

    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, Trigger> triggers = new HashMap<>();
    private final Map<String, String> demonyms = new HashMap<>();
    private final Map<String, EventStatus> statusCues = new HashMap<>();
    private final int longestTrigger;
    private final int longestDemonym;
    private final int longestCue;

    private EventLexicon() {
        for (String line : Lexicons.resourceLines(EventLexicon.class, "event-types.txt")) {
            String[] f = line.split("\\|");
            String name = f[0].strip();
            String parent = f[1].strip().equals("-") ? null : f[1].strip();
            types.put(name, new Type(name, parent, f[2].strip().equals("PEOPLE"), f[3].strip().equals("LOCAL")));
        }
        for (String line : Lexicons.resourceLines(EventLexicon.class, "event-triggers.txt")) {
            String[] f = line.split("\\|");
            String type = f[1].strip();
            if (!types.containsKey(type)) {
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
        longestTrigger = longest(triggers.keySet());
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

    int longestTrigger() {
        return longestTrigger;
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

    Type type(String name) {
        return types.get(name);
    }

    /** Whether mentions of the two types may name one event: the same type, or one refines the other. */
    boolean compatible(String a, String b) {
        return a.equals(b) || refines(a, b) || refines(b, a);
    }

    /** The more specific of two compatible types. */
    String specific(String a, String b) {
        return refines(b, a) ? b : a;
    }

    /** The type with no parent that {@code type} belongs to. */
    String root(String type) {
        String t = type;
        for (Type info = types.get(t); info != null && info.parent() != null; info = types.get(t)) {
            t = info.parent();
        }
        return t;
    }

    private boolean refines(String child, String parent) {
        for (Type info = types.get(child); info != null && info.parent() != null; info = types.get(info.parent())) {
            if (info.parent().equals(parent)) {
                return true;
            }
        }
        return false;
    }

    private static int longest(Iterable<String> phrases) {
        int max = 1;
        for (String p : phrases) {
            max = Math.max(max, p.split(" ").length);
        }
        return max;
    }
}
