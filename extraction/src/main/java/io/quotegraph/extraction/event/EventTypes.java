package io.quotegraph.extraction.event;

import io.quotegraph.extraction.lexicon.Lexicons;

import java.util.HashMap;
import java.util.Map;

/**
 * The event types (event-types.txt): each with its parent type, the kind of participants it has and whether it takes
 * the article's setting. Shared by detection and by linking across articles. Immutable; one shared instance.
 */
public final class EventTypes {

    /**
     * @param parent the more general type it refines, or null
     * @param people whether persons take part (meetings, calls) rather than parties (countries, forces)
     * @param local  whether it takes the article's setting when it names no place of its own
     */
    public record Type(String name, String parent, boolean people, boolean local) {
    }

    private static final EventTypes INSTANCE = new EventTypes();

    private final Map<String, Type> types = new HashMap<>();

    private EventTypes() {
        for (String line : Lexicons.resourceLines(EventTypes.class, "event-types.txt")) {
            String[] f = line.split("\\|");
            String name = f[0].strip();
            String parent = f[1].strip().equals("-") ? null : f[1].strip();
            types.put(name, new Type(name, parent, f[2].strip().equals("PEOPLE"), f[3].strip().equals("LOCAL")));
        }
    }

    public static EventTypes get() {
        return INSTANCE;
    }

    /** The type, or null when it is not declared (occasion types such as UNSPECIFIED). */
    public Type type(String name) {
        return types.get(name);
    }

    /** Whether mentions of the two types may name one event: the same type, or one refines the other. */
    public boolean compatible(String a, String b) {
        return a.equals(b) || refines(a, b) || refines(b, a);
    }

    /** The more specific of two compatible types. */
    public String specific(String a, String b) {
        return refines(b, a) ? b : a;
    }

    /** The type with no parent that {@code type} belongs to. */
    public String root(String type) {
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
}
