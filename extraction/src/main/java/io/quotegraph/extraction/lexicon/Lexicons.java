package io.quotegraph.extraction.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the rules rely on, loaded once from the resource files next to this class.
 * Everything is lowercased so lookups are case-insensitive; the instance is immutable and shared.
 */
public final class Lexicons {

    private final Set<String> cueVerbs;
    private final Set<String> beliefVerbs;
    private final Set<String> beliefAdjectives;
    /** Each stance adjective with the prepositions of its target; an empty set: any of them. */
    private final Map<String, Set<String>> stanceAdjectives;
    private final Set<String> stanceNouns;
    private final Set<String> lightVerbs;
    private final Set<String> stanceVerbs;
    private final Set<String> commissiveVerbs;
    private final Set<String> intentionVerbs;
    private final Set<String> intentionAdjectives;
    private final Set<String> findingVerbs;
    private final Set<String> findingSources;
    private final Set<String> pollNouns;
    private final Set<String> pollStandingWords;
    private final Set<String> speechNouns;
    private final Set<String> coordinators;
    private final Set<String> cueNouns;
    private final Set<String> prepositionalCues;
    /** The verbs of prepositionalCues, so that most words are rejected without building the pair. */
    private final Set<String> prepositionalCueVerbs;
    private final Set<String> titles;
    private final int longestTitle;
    private final Set<String> titleModifiers;
    private final Set<String> orgHeads;
    private final Set<String> organizations;
    private final Map<String, String> countries;
    private final Set<String> honorifics;
    private final Set<String> abbreviations;
    private final Set<String> functionWords;
    private final Set<String> groupNouns;
    private final Map<String, String> occasions;
    private final int longestOccasion;
    private final Set<String> linkListHeaders;
    private final Set<String> auxiliaries;
    private final Set<String> quoteVerbs;

    private Lexicons() {
        beliefVerbs = set("belief-verbs.txt");
        beliefAdjectives = set("belief-adjectives.txt");
        stanceAdjectives = withPrepositions("stance-adjectives.txt");
        stanceNouns = set("stance-nouns.txt");
        lightVerbs = set("light-verbs.txt");
        Set<String> cues = new HashSet<>(set("cue-verbs.txt"));
        cues.addAll(beliefVerbs);
        stanceVerbs = set("stance-verbs.txt");
        cues.addAll(stanceVerbs);
        cueVerbs = Set.copyOf(cues);
        commissiveVerbs = set("commissive-verbs.txt");
        intentionVerbs = set("intention-verbs.txt");
        intentionAdjectives = set("intention-adjectives.txt");
        findingVerbs = set("finding-verbs.txt");
        pollNouns = set("poll-nouns.txt");
        pollStandingWords = set("poll-standing-words.txt");
        Set<String> sources = new HashSet<>(set("finding-sources.txt"));
        sources.addAll(pollNouns);
        findingSources = Set.copyOf(sources);
        speechNouns = set("speech-nouns.txt");
        coordinators = set("coordinators.txt");
        cueNouns = set("cue-nouns.txt");
        prepositionalCues = set("prepositional-cues.txt");
        prepositionalCueVerbs = prepositionalCues.stream().map(c -> c.substring(0, c.indexOf(' ')))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        titles = set("titles.txt");
        longestTitle = longestPhrase(titles);
        titleModifiers = set("title-modifiers.txt");
        orgHeads = set("org-heads.txt");
        organizations = set("organizations.txt");
        countries = countries();
        honorifics = set("honorifics.txt");
        abbreviations = set("abbreviations.txt");
        functionWords = set("function-words.txt");
        groupNouns = set("group-nouns.txt");
        occasions = pairs("occasions.txt");
        longestOccasion = longestPhrase(occasions.keySet());
        linkListHeaders = set("link-list-headers.txt");
        auxiliaries = set("auxiliaries.txt");
        quoteVerbs = set("quote-verbs.txt");
    }

    private static final Lexicons INSTANCE = new Lexicons();

    public static Lexicons get() {
        return INSTANCE;
    }

    public boolean isCueVerb(String word) {
        return cueVerbs.contains(lower(word));
    }

    /** A verb that attributes only a quotation next to it ("“…,” Bolton charged", "the letter reads"). */
    public boolean isQuoteVerb(String word) {
        return quoteVerbs.contains(lower(word));
    }

    /** An adjective of belief after "be" ("are confident", "was adamant"): a cue only before a clause. */
    public boolean isBeliefAdjective(String word) {
        return beliefAdjectives.contains(lower(word));
    }

    /**
     * An adjective of attitude towards a target after "be" ("was critical of", "are wary of"), before this preposition
     * of its target: some take only the prepositions listed with them ("critical of", not "critical for").
     */
    public boolean isStanceAdjective(String word, String preposition) {
        Set<String> prepositions = stanceAdjectives.get(lower(word));
        return prepositions != null && (prepositions.isEmpty() || prepositions.contains(lower(preposition)));
    }

    /** A noun of attitude that a light verb expresses ("expressed concern about", "voiced support for"). */
    public boolean isStanceNoun(String word) {
        return stanceNouns.contains(lower(word));
    }

    /** A light verb of expression, whose object noun carries the attitude ("expressed", "voiced", "made"). */
    public boolean isLightVerb(String word) {
        return lightVerbs.contains(lower(word));
    }

    /** A verb of belief, finding or polling ("believe", "found", "show"): a cue only before a clause. */
    public boolean isBeliefVerb(String word) {
        return beliefVerbs.contains(lower(word));
    }

    /** A verb committing its subject to an action ("pledged", "vowed", "agreed"): a cue only before "to" + a verb. */
    public boolean isCommissiveVerb(String word) {
        return commissiveVerbs.contains(lower(word));
    }

    /** A verb of intention ("wants", "plans", "sought"): a cue only before "to" + a verb, as a clause's finite verb. */
    public boolean isIntentionVerb(String word) {
        return intentionVerbs.contains(lower(word));
    }

    /** An adjective of desire or reluctance ("eager", "reluctant"): after "be", before "to" + a verb, an intention. */
    public boolean isIntentionAdjective(String word) {
        return intentionAdjectives.contains(lower(word));
    }

    /** A verb by which a non-human source reports a finding ("shows", "found", "indicates"). */
    public boolean isFindingVerb(String word) {
        return findingVerbs.contains(lower(word));
    }

    /** A word stating a standing or share in a poll ("percent", "lead", "ahead"; "24-point", "13%"). */
    public boolean isPollStandingWord(String word) {
        String w = lower(word);
        return pollStandingWords.contains(w) || w.endsWith("-point") || w.indexOf('%') >= 0;
    }

    /** A noun naming a poll ("poll", "surveys", "polling"); every one is also a finding source. */
    public boolean isPollNoun(String word) {
        return pollNouns.contains(lower(word));
    }

    /** A noun naming words someone said, given by a quote beside it ("compliment", "warning", "comment"). */
    public boolean isSpeechNoun(String word) {
        return speechNouns.contains(lower(word));
    }

    /** A coordinator opening a new clause ("and", "but", "so", "yet"). */
    public boolean isCoordinator(String word) {
        return coordinators.contains(lower(word));
    }

    /** A noun naming a non-human source of findings ("poll", "survey", "records", "data"). */
    public boolean isFindingSource(String word) {
        return findingSources.contains(lower(word));
    }

    /** A verb taking a stance on a thing ("criticized the deal", "called for an inquiry"): its content is a noun phrase. */
    public boolean isStanceVerb(String word) {
        return stanceVerbs.contains(lower(word));
    }

    /** A verb and the preposition whose object it reports ("called for", "talked about"); both as written. */
    public boolean isPrepositionalCue(String verb, String preposition) {
        String v = lower(verb);
        return prepositionalCueVerbs.contains(v) && prepositionalCues.contains(v + ' ' + lower(preposition));
    }

    public boolean isCueNoun(String word) {
        return cueNouns.contains(lower(word));
    }

    /** Whether the lowercased, space-joined phrase is a title. */
    public boolean isTitle(String phrase) {
        return titles.contains(lower(phrase));
    }

    public int longestTitle() {
        return longestTitle;
    }

    public boolean isTitleModifier(String word) {
        return titleModifiers.contains(lower(word));
    }

    public boolean isOrgHead(String word) {
        return orgHeads.contains(lower(word));
    }

    public boolean isOrganization(String phrase) {
        return organizations.contains(lower(phrase));
    }

    /** The canonical country for a name or demonym ("Armenian" -> "Armenia"), or null. */
    public String country(String phrase) {
        return countries.get(lower(phrase));
    }

    public boolean isHonorific(String word) {
        return honorifics.contains(lower(word));
    }

    public boolean isAbbreviation(String word) {
        return abbreviations.contains(lower(word));
    }

    public boolean isFunctionWord(String word) {
        return functionWords.contains(lower(word));
    }

    /** Auxiliaries and adverbs allowed between a speaker and its cue verb. */
    public boolean isAuxiliary(String word) {
        return auxiliaries.contains(lower(word));
    }

    /** An auxiliary with a contracted negation: "didn't", "doesn’t", "won't", "hasn't". */
    public boolean isNegatedAuxiliary(String word) {
        String w = lower(word);
        String base = withoutNegation(w);
        return !base.equals(w) && (auxiliaries.contains(base) || "can".equals(base) || "should".equals(base)
                || "must".equals(base));
    }

    /**
     * The word without a contracted negation: "didn't" -> "did", "isn’t" -> "is", "won't" -> "will", "can't" -> "can";
     * any other word unchanged. Lowercase in, lowercase out.
     */
    public static String withoutNegation(String lowercase) {
        if (!lowercase.endsWith("n't") && !lowercase.endsWith("n’t")) {
            return lowercase;
        }
        String base = lowercase.substring(0, lowercase.length() - 3);
        return switch (base) {
            case "wo" -> "will";
            case "ca" -> "can";
            case "sha" -> "shall";
            default -> base;
        };
    }

    public boolean isGroupNoun(String word) {
        return groupNouns.contains(lower(word));
    }

    /** The occasion type for a lowercased, space-joined phrase ("press briefing" -> PRESS_BRIEFING), or null. */
    public String occasionType(String phrase) {
        return occasions.get(lower(phrase));
    }

    public int longestOccasion() {
        return longestOccasion;
    }

    public boolean isLinkListHeader(String line) {
        String s = lower(line.strip());
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return linkListHeaders.contains(s);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static int longestPhrase(Set<String> phrases) {
        int max = 1;
        for (String p : phrases) {
            max = Math.max(max, p.split(" ").length);
        }
        return max;
    }

    private static Set<String> set(String resource) {
        return new HashSet<>(lines(resource));
    }

    /** Lines "word [preposition …]": each word with the prepositions listed after it (none: an empty set). */
    private static Map<String, Set<String>> withPrepositions(String resource) {
        Map<String, Set<String>> map = new HashMap<>();
        for (String line : lines(resource)) {
            String[] words = line.split("\\s+");
            map.put(words[0], Set.of(Arrays.copyOfRange(words, 1, words.length)));
        }
        return map;
    }

    private static Map<String, String> pairs(String resource) {
        Map<String, String> map = new HashMap<>();
        for (String line : lines(resource)) {
            int bar = line.indexOf('|');
            map.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip().toUpperCase(Locale.ROOT));
        }
        return map;
    }

    private static Map<String, String> countries() {
        Map<String, String> map = new HashMap<>();
        for (String raw : linesKeepingCase("countries.txt")) {
            String[] names = raw.split("\\|");
            String canonical = names[0].strip();
            for (String name : names) {
                map.put(lower(name.strip()), canonical);
            }
        }
        return map;
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        for (String line : linesKeepingCase(resource)) {
            out.add(lower(line));
        }
        return out;
    }

    private static List<String> linesKeepingCase(String resource) {
        return resourceLines(Lexicons.class, resource);
    }

    /** The non-blank, non-comment ("#") lines of a lexicon resource next to {@code owner}, stripped, case kept. */
    public static List<String> resourceLines(Class<?> owner, String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing lexicon resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
