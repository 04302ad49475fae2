package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Normalised forms of names that entities are matched by: lower case, no diacritics, "U.S." = "US", punctuation
 * dropped; people lose leading honorifics and titles ("President", "Mr.") and trailing suffixes ("Jr."), and single
 * letters between first name and surname ("Matthew A. Miller" = "Matthew Miller").
 */
public final class EntityNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['‘’ʼ`´′]");
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

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
            "chairman", "chairwoman", "chair", "ceo", "head", "candidate", "nominee", "sens", "reps");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md", "esq");
    /** Words ignored when comparing organisations ("the U.S. Department of State" = "US State Department"). */
    private static final Set<String> ORG_STOP_WORDS = Set.of("the", "of", "for", "and", "a", "an", "on", "in");

    /**
     * The words of short texts (names, titles, organisations) already split. Resolution and speaker refreshes split
     * the same few thousand names over and over (every mapping of a block, on every delivery touching it): with the
     * Unicode folding and the regular expressions that was a tenth of statements-service's CPU in bench-ingest.
     */
    private static final Map<String, List<String>> WORDS_OF_SHORT_TEXTS = new ConcurrentHashMap<>();
    private static final int SHORT_TEXT = 80;
    private static final int CACHED_TEXTS = 50_000;

    private EntityNames() {
    }

    /** Every word of the text, lower-cased and without diacritics; "U.S." is one word "us" (an unmodifiable list). */
    public static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > SHORT_TEXT) {
            return List.copyOf(split(text));
        }
        List<String> words = WORDS_OF_SHORT_TEXTS.get(text);
        if (words == null) {
            if (WORDS_OF_SHORT_TEXTS.size() >= CACHED_TEXTS) {
                WORDS_OF_SHORT_TEXTS.clear();
            }
            words = List.copyOf(split(text));
            WORDS_OF_SHORT_TEXTS.put(text, words);
        }
        return words;
    }

    private static List<String> split(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("");
        folded = folded.toLowerCase(Locale.ROOT);
        folded = APOSTROPHES.matcher(folded).replaceAll("");
        folded = ABBREVIATION_DOT.matcher(folded).replaceAll("");
        List<String> words = new ArrayList<>();
        for (String token : SEPARATORS.split(folded)) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return words;
    }

    public static boolean isPerson(EntityType type) {
        return type == null || type == EntityType.PERSON;
    }

    /** The tokens of a name as matched; people lose honorifics, suffixes and middle initials. */
    public static List<String> nameTokens(String name, EntityType type) {
        List<String> words = new ArrayList<>(words(name));
        if (isPerson(type)) {
            while (words.size() > 1 && HONORIFICS.contains(words.get(0))) {
                words.remove(0);
            }
            while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
            for (int i = words.size() - 2; i >= 1; i--) {
                if (words.get(i).length() == 1) {
                    words.remove(i);
                }
            }
        } else if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        return words;
    }

    /** The normalised name ("matthew miller"), empty when the name has no letters or digits. */
    public static String nameKey(String name, EntityType type) {
        return String.join(" ", nameTokens(name, type));
    }

    /** The words of an organisation without stop words, sorted and distinct ("department state us"). */
    public static String organizationWords(String organization) {
        TreeSet<String> words = new TreeSet<>(words(organization));
        words.removeAll(ORG_STOP_WORDS);
        return String.join(" ", words);
    }

    /**
     * Whether a name is only a role ("the spokesman", "a State Department spokesman", "President"): its last word
     * starts with a lower-case letter, or every word is a title.
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
        return HONORIFICS.containsAll(words(name));
    }
}
