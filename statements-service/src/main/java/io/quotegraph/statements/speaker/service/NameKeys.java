package io.quotegraph.statements.speaker.service;

import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.common.TextTokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Normalised forms of names and organisations that speakers are matched by: lower case, no diacritics,
 * "U.S." = "US", punctuation dropped; for people, leading honorifics and titles ("President", "Secretary of State",
 * "Mr.", "Dr.") and trailing generational suffixes ("Jr.") are stripped.
 */
public final class NameKeys {

    /** Titles and honorifics stripped from the front of a person's name (only while a name token remains). */
    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "president", "vice", "prime", "minister", "secretary", "general", "attorney", "deputy", "chief",
            "senator", "sen", "representative", "rep", "congressman", "congresswoman", "governor", "gov",
            "mayor", "chancellor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "foreign",
            "defense", "defence", "interior", "finance", "state", "of", "the", "for", "affairs", "us", "uk", "eu",
            "former", "acting", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "judge",
            "justice", "speaker", "leader", "commander", "col", "colonel", "lt", "capt", "captain", "adm",
            "admiral", "maj", "major", "sgt", "rev", "reverend", "father", "saint", "st", "executive", "director",
            "chairman", "chairwoman", "chair", "ceo", "head");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");
    /** Words ignored when comparing organisations ("the U.S. Department of State" = "US State Department"). */
    private static final Set<String> ORG_STOP_WORDS = Set.of("the", "of", "for", "and", "a", "an", "on", "in");

    private NameKeys() {
    }

    /** The tokens of a name as matched; people lose their honorifics and suffixes. */
    public static List<String> nameTokens(String name, EntityType type) {
        List<String> words = new ArrayList<>(TextTokens.words(name));
        if (type == null || type == EntityType.PERSON) {
            while (words.size() > 1 && HONORIFICS.contains(words.get(0))) {
                words.remove(0);
            }
            while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
        }
        return words;
    }

    /**
     * Whether a name is only a role ("the spokesman", "a State Department spokesman", "President"): its last word
     * starts with a lower-case letter, or every word is a title. Proper names and organisations are capitalised.
     */
    public static boolean isRoleOnly(String name) {
        if (name == null) {
            return true;
        }
        String[] raw = name.trim().split("[^\\p{L}\\p{N}]+");
        String last = null;
        for (int i = raw.length - 1; i >= 0 && last == null; i--) {
            if (!raw[i].isEmpty()) {
                last = raw[i];
            }
        }
        if (last == null) {
            return true;
        }
        if (Character.isLowerCase(last.codePointAt(0))) {
            return true;
        }
        return HONORIFICS.containsAll(TextTokens.words(name));
    }

    /** The normalised name ("matthew miller"), empty when the name has no letters or digits. */
    public static String nameKey(String name, EntityType type) {
        return String.join(" ", nameTokens(name, type));
    }

    /** The normalised organisation: its sorted distinct words without stop words ("department state"). */
    public static String organizationKey(String organization) {
        TreeSet<String> words = new TreeSet<>(TextTokens.words(organization));
        words.removeAll(ORG_STOP_WORDS);
        return String.join(" ", words);
    }

    /** Whether two sets of organisation keys contradict each other: both stated, and none contains another. */
    public static boolean organizationsConflict(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        for (String x : a) {
            for (String y : b) {
                if (sameOrganization(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameOrganization(String x, String y) {
        Set<String> xs = new HashSet<>(Arrays.asList(x.split(" ")));
        Set<String> ys = new HashSet<>(Arrays.asList(y.split(" ")));
        return xs.containsAll(ys) || ys.containsAll(xs);
    }

    /** Whether speakers of these types may be the same entity: people only match people (unknown matches anything). */
    public static boolean compatible(EntityType a, EntityType b) {
        if (a == null || b == null) {
            return true;
        }
        return (a == EntityType.PERSON) == (b == EntityType.PERSON);
    }

    /** A speaker the article names only by a role: no aliases, and a name that is a role. */
    public static boolean isAnonymous(ArticleSpeaker speaker) {
        boolean hasAlias = speaker.aliases().stream().anyMatch(a -> a != null && !TextTokens.words(a).isEmpty());
        return !hasAlias && isRoleOnly(speaker.name());
    }

    /** The fullest name the article gives: its name, else its longest alias; null if none has a letter or digit. */
    static String displayName(ArticleSpeaker speaker) {
        if (speaker.name() != null && !TextTokens.words(speaker.name()).isEmpty()) {
            return speaker.name().trim();
        }
        return speaker.aliases().stream()
                .filter(a -> a != null && !TextTokens.words(a).isEmpty())
                .max((a, b) -> Integer.compare(TextTokens.words(a).size(), TextTokens.words(b).size()))
                .map(String::trim)
                .orElse(null);
    }
}
