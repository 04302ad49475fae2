package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;

import java.util.Set;

/** Recognises cue verbs outside quotes, and the two-word cue "according to". */
final class Cues {

    private static final Set<String> NOT_BEFORE_A_VERB = Set.of("the", "a", "an", "to", "his", "her", "their", "its", "our", "my",
            "your", "of", "for", "with", "by", "no", "these", "those", "such", "any", "every", "each");

    private static final int INDEFINITE_REACH = 4;
    private static final Set<String> CALL_FORMS = Set.of("call", "calls", "called", "calling");
    private static final Set<String> CALL_PARTICLES = Set.of("off", "up", "in", "back", "around");
    /** Words before "called" that leave it a verb of saying: subjects and connectives ("he called", "and called"). */
    private static final Set<String> NOT_NAMING_BEFORE = Set.of("he", "she", "they", "we", "i", "you", "it", "who", "and",
            "but", "also", "then", "later", "once", "repeatedly", "even", "publicly", "has", "have", "had", "was", "were");

    private static final Set<String> REFUSALS = Set.of("declined", "declines", "decline", "declining", "refused", "refuses",
            "refuse", "refusing");
    private static final Set<String> SPEECH_ACTS = Set.of("comment", "discuss", "elaborate", "say", "answer", "respond",
            "speculate", "specify", "confirm", "disclose", "detail", "address", "explain", "name", "identify");

    /** Nouns of time after which "that" is a determiner ("said that day"), not a complementizer. */
    private static final Set<String> TIME_NOUNS = Set.of("day", "night", "morning", "afternoon", "evening", "week",
            "weekend", "month", "year", "time", "moment");

    private static final int MIN_TITLE_WORDS = 4;
    /** Headlines leave short function words in lower case ("of", "to", "a"), so not every word is capitalised. */
    private static final int TITLE_CASE_PERCENT = 75;

    private final Lexicons lexicons;

    Cues(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /**
     * "said that day: …", "said that night the pier …": at {@code k} a "that" determining a time noun, an adverbial
     * rather than a complementizer; not when a verb follows the noun ("said that time was short": the noun is the
     * clause's subject).
     */
    static boolean isThatTime(Document doc, int k, Lexicons lexicons) {
        if (!doc.token(k).is("that") || k + 1 >= doc.size() || !TIME_NOUNS.contains(doc.token(k + 1).lower())) {
            return false;
        }
        return k + 2 >= doc.size() || !(doc.token(k + 2).isWord() && lexicons.isAuxiliary(doc.token(k + 2).text()));
    }

    private static final Set<String> BE_FORMS = Set.of("is", "are", "was", "were");

    /** A finite form of "be", negated or not: "is", "were", "isn't", "weren’t". */
    static boolean isFiniteBe(Token t) {
        if (!t.isWord()) {
            return false;
        }
        return BE_FORMS.contains(Lexicons.withoutNegation(t.lower()));
    }
    private static final Set<String> CLAUSE_PRONOUNS = Set.of("he", "she", "they", "we", "i", "you");

    /**
     * "Many Democrats are afraid that …", "they are confident they can win": an adjective of belief (lexicon
     * {@code belief-adjectives.txt}) after a form of "be" (an auxiliary or adverb between: "was not sure"), right
     * before "that" or a subject pronoun. Before a preposition or "to" it reports nothing ("worried about the cost",
     * "sure to win"). The subject is read past "be" as past any auxiliary.
     */
    private boolean isPredicateBelief(Document doc, int i) {
        if (i + 1 >= doc.size() || doc.token(i).isCapitalized()) {
            return false;
        }
        // the cheap test on the next word first: this runs at every word
        Token next = doc.token(i + 1);
        if (!next.isWord() || !(next.is("that") || CLAUSE_PRONOUNS.contains(next.lower()))
                || !lexicons.isBeliefAdjective(doc.token(i).text())) {
            return false;
        }
        for (int k = i - 1; k >= 0 && k >= i - 3 && doc.token(k).isWord(); k--) {
            if (isFiniteBe(doc.token(k))) {
                return true;
            }
            if (!lexicons.isAuxiliary(doc.token(k).text()) && !SpeakerPhraseFinder.isMannerAdverb(doc.token(k))) {
                return false;
            }
        }
        return false;
    }

    /** Prepositions that name the target of an attitude: "critical of", "worried about", "support for". */
    private static final Set<String> TARGET_PREPOSITIONS = Set.of("of", "about", "with", "in", "toward", "towards", "on",
            "over", "at", "by", "for", "against");
    /**
     * The forms of "be" that {@link #isFiniteBe} does not read (the non-finite ones and "am") and the copulas that
     * keep its predicate: "has been cagey about", "remained skeptical of", "grew frustrated with".
     */
    private static final Set<String> OTHER_COPULAS = Set.of("be", "been", "being", "am", "remain", "remains", "remained",
            "seem", "seems", "seemed", "become", "becomes", "became", "grow", "grows", "grew", "grown");
    /** Degree words between a copula and its adjective: "was very critical", "are increasingly wary". */
    private static final Set<String> DEGREE_WORDS = Set.of("very", "more", "less", "most", "so", "too", "quite", "rather",
            "deeply", "highly", "increasingly", "particularly", "especially", "equally", "somewhat", "fairly", "pretty",
            "sharply", "fiercely", "strongly", "largely", "generally", "even", "all", "both", "no", "as");
    /** Words that may stand between a light verb and its noun of attitude: "expressed some/her/deep concern". */
    private static final Set<String> NOUN_DETERMINERS = Set.of("a", "an", "the", "his", "her", "their", "its", "our",
            "my", "your", "some", "no", "much", "little", "any", "more");
    /** Tokens looked back from the adjective or noun to its copula or light verb. */
    private static final int MAX_STANCE_GAP = 4;

    /**
     * A stance predicate with its target in a prepositional phrase, read at the adjective or noun {@code i}: an
     * adjective of attitude (lexicon {@code stance-adjectives.txt}) after "be" or a copula ("Davis was critical of
     * all the candidates", "has been cagey about where she stands"), or a noun of attitude (lexicon
     * {@code stance-nouns.txt}) as the object of a light verb ({@code light-verbs.txt}: "expressed concern about the
     * cost", "voiced strong support for the bill"); right before a preposition of the target. Auxiliaries and adverbs
     * may stand between the copula and the adjective, determiners and adjectives between the verb and the noun.
     * @return the index of the copula or light verb, where the cue starts, or -1
     */
    int stancePredicateHead(Document doc, int i) {
        if (i < 1 || i + 2 >= doc.size()) {
            return -1;
        }
        Token t = doc.token(i);
        Token p = doc.token(i + 1);
        // the cheap tests first: this runs at every word
        if (!p.isWord() || !TARGET_PREPOSITIONS.contains(p.lower()) || !t.isWord() || t.isCapitalized()
                || doc.quoteAt(i) != null || doc.quoteAt(i + 1) != null || doc.isExcluded(i)) {
            return -1;
        }
        if (lexicons.isStanceAdjective(t.text(), p.text())) {
            return copulaBefore(doc, i);
        }
        return lexicons.isStanceNoun(t.text()) ? lightVerbBefore(doc, i) : -1;
    }

    /** A word that may modify a noun of attitude ("deep", "qualified", "particular"): no function word, verb or noun in "-ing". */
    private boolean isNounModifier(Token w) {
        return !lexicons.isFunctionWord(w.text()) && !lexicons.isAuxiliary(w.text()) && !TARGET_PREPOSITIONS.contains(w.lower())
                && !w.lower().endsWith("ing") && !lexicons.isCueVerb(w.text()) && !lexicons.isStanceNoun(w.text());
    }

    private int copulaBefore(Document doc, int adjective) {
        for (int k = adjective - 1; k >= 0 && adjective - k <= MAX_STANCE_GAP && doc.token(k).isWord(); k--) {
            Token w = doc.token(k);
            if (isFiniteBe(w) || OTHER_COPULAS.contains(Lexicons.withoutNegation(w.lower()))) {
                return k;
            }
            if (!lexicons.isAuxiliary(w.text()) && !SpeakerPhraseFinder.isMannerAdverb(w) && !DEGREE_WORDS.contains(w.lower())) {
                return -1;
            }
        }
        return -1;
    }

    private int lightVerbBefore(Document doc, int noun) {
        int modifiers = 0;
        for (int k = noun - 1; k >= 0 && noun - k <= MAX_STANCE_GAP && doc.token(k).isWord(); k--) {
            Token w = doc.token(k);
            if (w.isCapitalized() || doc.quoteAt(k) != null) {
                return -1;
            }
            if (lexicons.isLightVerb(w.text())) {
                return isNounPosition(doc, k) ? -1 : k; // "the offer of support for": a noun, not the verb
            }
            if (!NOUN_DETERMINERS.contains(w.lower()) && (modifiers++ > 0 || !isNounModifier(w))) {
                return -1; // one adjective at most: "made his ruling over objections" is no expressed objection
            }
        }
        return -1;
    }

    private static final Set<String> VIEW_VERBS = Set.of("see", "sees", "saw", "seen", "view", "views", "viewed", "regard",
            "regards", "regarded");
    /** Words after "as" that make it a conjunction or part of an adverb ("saw him as soon as", "as well as"). */
    private static final Set<String> NOT_AFTER_VIEW_AS = Set.of("well", "soon", "long", "much", "far", "if", "though",
            "part", "he", "she", "they", "it", "we", "i", "you", "the");
    private static final Set<String> PASSIVE_BEFORE = Set.of("is", "are", "was", "were", "be", "been", "being");
    private static final int MAX_VIEWED_OBJECT = 10;

    /**
     * "Democrats see Sanders as an agent of her decline", "voters still view Mrs. Clinton as more prepared": a verb of seeing with an object and "as" + a
     * description reports the subject's view; the content is the object and its description. Not a passive ("is seen
     * as", whose viewer is unnamed), not a noun ("in her view"), not "as" opening a clause or an adverb ("as soon as").
     */
    boolean isViewAs(Document doc, int i) {
        Token t = doc.token(i);
        if (!VIEW_VERBS.contains(t.lower()) || t.isCapitalized() || i == 0 || isNounPosition(doc, i)
                || PASSIVE_BEFORE.contains(doc.token(i - 1).lower()) || i + 1 >= doc.size() || !doc.token(i + 1).isWord()
                || doc.token(i + 1).is("as")) {
            return false;
        }
        for (int k = i + 2; k < doc.size() && k <= i + 1 + MAX_VIEWED_OBJECT; k++) {
            Token w = doc.token(k);
            if (w.is("as")) {
                return k + 1 < doc.size() && doc.token(k + 1).isWord() && !NOT_AFTER_VIEW_AS.contains(doc.token(k + 1).lower());
            }
            if (!(w.isWord() || w.kind() == Token.Kind.POSSESSIVE) || doc.quoteAt(k) != null || w.is("that") || w.is("and")) {
                return false;
            }
        }
        return false;
    }

    /** @return the cue's length in tokens at {@code i} (0 when there is none) */
    int verbAt(Document doc, int i) {
        if (doc.quoteAt(i) != null || doc.isExcluded(i)) {
            return 0;
        }
        Token t = doc.token(i);
        if (!t.isWord()) {
            return 0;
        }
        if (isAccordingTo(doc, i)) {
            return 2;
        }
        if (isRefusalToSpeak(doc, i) || isCommitment(doc, i) || particleAfter(doc, i) > 0 || isPredicateBelief(doc, i)
                || isViewAs(doc, i) || isTopicInfinitive(doc, i)) {
            return 1;
        }
        if (!lexicons.isCueVerb(t.text())
                || Character.isUpperCase(t.text().charAt(0)) && i > 0 && !isSentenceStart(doc, i) && !inTitleCase(doc, i)) {
            return 0; // a capitalised "Says" mid-sentence is part of a title or name, unless the whole line is in title case
        }
        if (isNounPosition(doc, i) && SpeakerPhraseFinder.continuationVerbBefore(doc, i) < 0 || isProgramme(doc, i)
                || isCountedModifier(doc, i)) {
            return 0; // "the said agreement", "his tweets", "to say", "Rubio's attack", "the wave of attacks": nouns
        }
        return isNaming(doc, i) ? 0 : 1;
    }

    /**
     * A verb that attributes a quotation next to it but reports no speech on its own (lexicon {@code quote-verbs.txt}):
     * lowercase, not a noun after a determiner ("the charges"), with a particle it may take ("shot back", "chimed in").
     * @return its length in tokens at {@code i} (0 when there is none)
     */
    /**
     * "a spokesman could only quip: “…”", "he would later joke, “…”": the base form of a cue verb after a modal (one
     * adverb between). Base forms such as "quip", "joke", "tweet" are mostly nouns in news, so they are not in the cue
     * lexicon; after a modal they can only be verbs.
     */
    private boolean isBaseFormAfterModal(Document doc, int i) {
        int m = i - 1;
        if (m > 0 && doc.token(m).isWord() && (lexicons.isAuxiliary(doc.token(m).text()) && !MODALS.contains(doc.token(m).lower())
                || SpeakerPhraseFinder.isMannerAdverb(doc.token(m)))) {
            m--;
        }
        if (m < 0 || !doc.token(m).isWord() || !MODALS.contains(doc.token(m).lower())) {
            return false;
        }
        String w = doc.token(i).lower();
        String last = w.substring(w.length() - 1);
        return lexicons.isCueVerb(w + "ed") || lexicons.isCueVerb(w + "d") || lexicons.isCueVerb(w + last + "ed")
                || w.endsWith("y") && lexicons.isCueVerb(w.substring(0, w.length() - 1) + "ied");
    }

    private static final Set<String> MODALS = Set.of("could", "would", "will", "can", "might", "may", "should", "must", "did");

    int quoteVerbAt(Document doc, int i) {
        Token t = doc.token(i);
        if (!t.isWord() || t.isCapitalized() || doc.quoteAt(i) != null || doc.isExcluded(i)
                || !lexicons.isQuoteVerb(t.text()) && !isBaseFormAfterModal(doc, i)
                || isNounPosition(doc, i)) {
            return 0;
        }
        return i + 1 < doc.size() && QUOTE_VERB_PARTICLES.contains(doc.token(i + 1).lower()) ? 2 : 1;
    }

    /**
     * "pointed out", "points out", "made clear", "has made it clear": a verb that reports speech only with its
     * particle; the content follows the particle. "made clear" only before "that" or a word ("made clear Monday they
     * …", "made clear his aim"), not at a clause end ("the rules were made clear.").
     * @return the particle's length in tokens when the verb at {@code i} is one and its particle follows, else 0
     */
    static int particleAfter(Document doc, int i) {
        Token t = doc.token(i);
        if (isAsPutIt(doc, i)) {
            return 1;
        }
        boolean point = POINT_FORMS.contains(t.lower());
        // the form sets first: this runs at every word
        if (!point && !MAKE_FORMS.contains(t.lower()) || !t.isWord() || t.isCapitalized()
                || i > 0 && NOT_BEFORE_A_VERB.contains(doc.token(i - 1).lower())) {
            return 0;
        }
        if (point) {
            return i + 1 < doc.size() && doc.token(i + 1).is("out") ? 1 : 0;
        }
        int clear = i + 1 < doc.size() && doc.token(i + 1).is("it") ? i + 2 : i + 1;
        return clear + 1 < doc.size() && doc.token(clear).is("clear") && doc.token(clear + 1).isWord() ? clear - i : 0;
    }

    /**
     * "As the senator put it, …", "As Ann Hale, the mayor, once put it: “…”": "put it" is a verb of saying only in a
     * clause opened by "as" (not "to put it mildly", "put it on the table"), and only before the comma or colon that
     * ends that clause.
     */
    private static boolean isAsPutIt(Document doc, int i) {
        if (!doc.token(i).is("put") || i + 2 >= doc.size() || !doc.token(i + 1).is("it")
                || !(doc.token(i + 2).isPunct(',') || doc.token(i + 2).isPunct(':'))) {
            return false;
        }
        int from = doc.sentenceOf(i).from();
        for (int k = i - 1; k >= from && k >= i - MAX_AS_PUT_IT_SUBJECT; k--) {
            if (doc.token(k).is("as") && (k == from || doc.token(k - 1).isPunct(',') || doc.token(k - 1).isPunct(';'))) {
                return k + 1 < i && !doc.token(k + 1).is("to");
            }
        }
        return false;
    }

    private static final int MAX_AS_PUT_IT_SUBJECT = 30;

    private static final Set<String> POINT_FORMS = Set.of("point", "points", "pointed", "pointing");
    private static final Set<String> MAKE_FORMS = Set.of("make", "makes", "made", "making");

    private static final Set<String> QUOTE_VERB_PARTICLES = Set.of("back", "in", "up", "out");

    /** "back" in "shot back", "wrote back": a particle a verb introducing a quote may take. */
    static boolean isQuoteVerbParticle(Token t) {
        return QUOTE_VERB_PARTICLES.contains(t.lower());
    }

    /**
     * "call" naming a thing rather than saying something of it: "what he called “…”", "as she calls it", "a firm
     * called Gavekal", "another called i360", and the phrasal "called off/up/in/back". (After a comma it is usually
     * the speaker's participle or verb: "…, calling him a “loser”", "X, a senator, called …".)
     */
    boolean isNaming(Document doc, int i) {
        if (!CALL_FORMS.contains(doc.token(i).lower())) {
            return false;
        }
        if (i + 1 < doc.size() && CALL_PARTICLES.contains(doc.token(i + 1).lower())) {
            return true;
        }
        for (int k = i - 1; k >= 0 && k >= i - 3 && doc.token(k).isWord(); k--) {
            if (doc.token(k).is("what") || doc.token(k).is("as")) {
                return true; // "what he called", "as Trump calls it"
            }
        }
        if (i == 0) {
            return false;
        }
        Token before = doc.token(i - 1);
        String w = before.lower();
        if (w.equals("another") || w.equals("one")) {
            return true; // "and another called i360"
        }
        // "a firm called Gavekal", "a program called “Clean”": after an indefinite noun phrase, a name follows
        boolean noun = before.isWord() && !before.isCapitalized() && !NOT_NAMING_BEFORE.contains(w) && !w.endsWith("ly")
                && !lexicons.isAuxiliary(before.text()) && !lexicons.isFunctionWord(before.text());
        boolean nameAfter = i + 1 < doc.size() && (doc.token(i + 1).isCapitalized() || doc.quoteAt(i + 1) != null);
        return noun && nameAfter && indefiniteBefore(doc, i - 1);
    }

    /** An indefinite article within a few words before the noun at {@code k}: "a consulting firm", "an app". */
    private static boolean indefiniteBefore(Document doc, int k) {
        for (int d = k - 1; d >= 0 && d >= k - INDEFINITE_REACH; d--) {
            Token t = doc.token(d);
            if (t.is("a") || t.is("an")) {
                return true;
            }
            if (!t.isWord() || t.is("the") || doc.token(d).kind() == Token.Kind.POSSESSIVE) {
                return false;
            }
        }
        return false;
    }

    /**
     * "pledged to rebuild the bridge", "agreed to pay": a commissive verb, lowercase, before "to" and a lowercase
     * word that is neither a determiner nor a function word (so "agreed to a deal" is not one).
     */
    boolean isCommitment(Document doc, int i) {
        return i + 2 < doc.size() && lexicons.isCommissiveVerb(doc.token(i).text()) && beforeInfinitive(doc, i);
    }

    /**
     * "Clinton wants to sign up 5 million people", "The department plans to post …": a verb of intention (lexicon
     * {@code intention-verbs.txt}) outside quotes, before "to" and a verb as a commitment is. Unlike a commitment it is
     * no cue of the clause rules (a report's content runs on over "… but decided to proceed").
     */
    boolean isIntention(Document doc, int i) {
        // "to" after the word first: this runs at every word
        return i + 2 < doc.size() && doc.token(i + 1).is("to") && doc.quoteAt(i) == null && !doc.isExcluded(i)
                && (lexicons.isIntentionVerb(doc.token(i).text()) || intentionCopula(doc, i) >= 0) && beforeInfinitive(doc, i);
    }

    /**
     * "is eager to", "remain reluctant to": an adjective of desire or reluctance (lexicon {@code intention-adjectives.txt})
     * after "be" or a copula, auxiliaries and adverbs between, is an intention as the verbs are.
     * @return the copula's index, where the subject search starts, or -1
     */
    int intentionCopula(Document doc, int i) {
        return lexicons.isIntentionAdjective(doc.token(i).text()) ? copulaBefore(doc, i) : -1;
    }

    /** Token i, lowercase, is followed by "to" and an infinitive (not a noun phrase: "agreed to a deal"). */
    private boolean beforeInfinitive(Document doc, int i) {
        Token t = doc.token(i);
        if (t.isCapitalized() || !doc.token(i + 1).is("to")) {
            return false;
        }
        int v = i + 2;
        Quote quoted = doc.quoteAt(v);
        if (quoted != null && quoted.firstToken() == v && v + 1 < doc.size()) {
            v++; // "pledged to “bring our political revolution” to the convention": the infinitive quoted
        } else if (quoted != null) {
            return false;
        }
        Token verb = doc.token(v);
        return verb.isWord() && Character.isLowerCase(verb.text().charAt(0))
                && !NOT_BEFORE_A_VERB.contains(verb.lower()) && !lexicons.isFunctionWord(verb.text())
                && !isNounPosition(doc, i);
    }

    /**
     * "called for", "talked about": a verb and the preposition whose object is its content, as adjacent lowercase
     * words outside quotes, not used as a noun ("the calls for reform").
     */
    boolean prepositionalAt(Document doc, int i) {
        if (i + 1 >= doc.size() || doc.quoteAt(i) != null || doc.isExcluded(i) || doc.quoteAt(i + 1) != null) {
            return false;
        }
        Token t = doc.token(i);
        Token p = doc.token(i + 1);
        if (!t.isWord() || !p.isWord() || t.isCapitalized() && !isSentenceStart(doc, i)
                || !lexicons.isPrepositionalCue(t.text(), p.text())) {
            return false;
        }
        return !isNounPosition(doc, i);
    }

    /** After a determiner, a possessive or "to", a word is read as a noun or an infinitive, not a finite cue verb. */
    private static boolean isNounPosition(Document doc, int i) {
        return i > 0 && (NOT_BEFORE_A_VERB.contains(doc.token(i - 1).lower()) && !isMeansGerund(doc, i)
                || doc.token(i - 1).kind() == Token.Kind.POSSESSIVE);
    }

    /**
     * "responded by saying …", "began by talking about …", "surprised Trump by declaring …": a gerund after "by" names
     * the means of the clause's action, a speech act of the clause's subject, not a noun.
     */
    private static boolean isMeansGerund(Document doc, int i) {
        return i > 1 && doc.token(i - 1).text().equals("by") && doc.token(i).lower().endsWith("ing") && doc.token(i).isWord()
                && !doc.token(i).isCapitalized();
    }

    /**
     * A participle between a count and a noun is a modifier: "a lead of 270 pledged delegates", "4,051 pledged
     * delegates". A count is often a subject ("…, while 35 said they …", "43 say the same"), so only before a word
     * that no verb takes as its first object word (a pronoun, determiner, "to", "that").
     */
    private boolean isCountedModifier(Document doc, int i) {
        Token next = i + 1 < doc.size() ? doc.token(i + 1) : null;
        return i > 0 && isCount(doc.token(i - 1)) && doc.token(i).lower().endsWith("ed") && next != null && next.isWord()
                && !next.isCapitalized() && !lexicons.isFunctionWord(next.text()) && !lexicons.isAuxiliary(next.text());
    }

    /** Digits, with thousands separators; not a year, which may stand between a subject and its verb ("Clinton in 2008 said"). */
    private static boolean isCount(Token t) {
        String w = t.text();
        if (!t.isWord() || w.isEmpty() || !Character.isDigit(w.charAt(0))) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k)) && w.charAt(k) != ',') {
                return false;
            }
        }
        return !(w.length() == 4 && (w.startsWith("19") || w.startsWith("20")));
    }

    /** A headline written in title case: "Mayor Ortiz Says Ferry Service Will Resume In May." */
    private static boolean inTitleCase(Document doc, int i) {
        var s = doc.sentenceOf(i);
        int words = 0;
        int capitalised = 0;
        for (int k = s.from(); k < s.to(); k++) {
            Token t = doc.token(k);
            if (t.isWord() && Character.isLetter(t.text().charAt(0))) {
                words++;
                capitalised += Character.isUpperCase(t.text().charAt(0)) ? 1 : 0;
            }
        }
        return words >= MIN_TITLE_WORDS && capitalised * 100 >= words * TITLE_CASE_PERCENT;
    }

    /**
     * "declined to comment", "refused to discuss": a refusal to speak is reported like speech. A manner adverb may
     * split the infinitive ("declined to publicly detail the investigation's focus").
     */
    static boolean isRefusalToSpeak(Document doc, int i) {
        if (!REFUSALS.contains(doc.token(i).lower()) || i + 2 >= doc.size() || !doc.token(i + 1).is("to")) {
            return false;
        }
        int verb = i + 2;
        if (isMannerAdverb(doc.token(verb)) && verb + 1 < doc.size()) {
            verb++;
        }
        return SPEECH_ACTS.contains(doc.token(verb).lower());
    }

    /** A lowercase word in -ly of more than four letters ("publicly", "immediately"; not "only", "fly"). */
    private static boolean isMannerAdverb(Token t) {
        return t.isWord() && t.text().length() > 4 && t.text().endsWith("ly") && Character.isLowerCase(t.text().charAt(0));
    }

    /**
     * "European leaders gathered Friday to discuss the crisis", "She sat down with the paper to discuss the war": an
     * infinitive of purpose whose verb names what was talked about reports that talk, by the clause's subject. Not
     * after a noun whose infinitive is a possibility ("an opportunity to discuss", "on the condition of anonymity to
     * discuss"), a verb of obligation ("we have to discuss") or a refusal ({@link #isRefusalToSpeak}, read at the
     * refusal).
     */
    static boolean isTopicInfinitive(Document doc, int i) {
        if (i < 2 || i + 1 >= doc.size() || !TOPIC_INFINITIVES.contains(doc.token(i).text()) || !doc.token(i - 1).is("to")) {
            return false;
        }
        Token before = doc.token(i - 2);
        if (!before.isWord() || POSSIBILITY_NOUNS.contains(before.lower()) || REFUSALS.contains(before.lower())
                || !doc.token(i + 1).isWord() || doc.quoteAt(i + 1) != null) {
            return false;
        }
        for (int k = i - 1; k > doc.sentenceOf(i).from(); k--) {
            if (doc.token(k).is("to") && UNREALISED_BEFORE_TO.contains(doc.token(k - 1).lower())) {
                return false; // "are set to meet in Granada to discuss …": the talk is planned, not reported
            }
        }
        return true;
    }

    private static final Set<String> TOPIC_INFINITIVES = Set.of("discuss");
    /** Nouns whose infinitive is a possibility or a condition: "an opportunity to discuss", "anonymity to discuss". */
    private static final Set<String> POSSIBILITY_NOUNS = Set.of("opportunity", "opportunities", "chance", "chances",
            "time", "right", "guts", "courage", "need", "way", "reason", "anonymity", "authority", "permission", "invitation",
            "offer", "willingness", "freedom", "place", "forum");
    /** Words before "to" that make what follows an intention, a plan or an obligation ("plan to", "set to", "have to"). */
    private static final Set<String> UNREALISED_BEFORE_TO = Set.of("have", "has", "had", "having", "need", "needs", "needed",
            "ought", "able", "unable", "free", "ready", "eager", "willing", "reluctant", "afraid", "want", "wants", "wanted",
            "hope", "hopes", "hoped", "plan", "plans", "planned", "expect", "expects", "expected", "likely", "unlikely",
            "going", "supposed", "scheduled", "set", "due", "intend", "intends", "intended", "aim", "aims", "seek", "seeks");

    private static boolean isAccordingTo(Document doc, int i) {
        return doc.token(i).is("according") && i + 1 < doc.size() && doc.token(i + 1).is("to");
    }

    private static boolean isSentenceStart(Document doc, int i) {
        return doc.sentenceOf(i).from() == i;
    }

    /** "add" reports speech only with a clause ("added that …"); otherwise it adds things ("added 156,000 jobs"). */
    static boolean needsThat(Token t) {
        String w = t.lower();
        return w.equals("add") || w.equals("adds") || w.equals("added") || w.equals("adding");
    }

    /** A belief, finding or poll verb: it attributes only a clause ("believes that …", "found the plan …"). */
    boolean needsClause(Token t) {
        return lexicons.isBeliefVerb(t.text());
    }

    /** A stance verb ("criticized", "called for"): its content is its object, a noun phrase up to the first comma. */
    boolean takesObject(Token t) {
        return lexicons.isStanceVerb(t.text());
    }

    /** A lowercase finding verb ("shows", "found") outside quotes: reports a finding when a source noun is its subject. */
    boolean isFindingVerb(Document doc, int i) {
        Token t = doc.token(i);
        return t.isWord() && !t.isCapitalized() && doc.quoteAt(i) == null && !doc.isExcluded(i) && lexicons.isFindingVerb(t.text())
                && !isProgramme(doc, i);
    }

    /**
     * The "-ing" form of a finding verb ("showing", "indicating", "revealing"): its stem, or the stem with an "e"
     * restored, is in the lexicon. It reports a finding only in an absolute clause ("with polls showing …"), which
     * the finding rule checks.
     */
    boolean isFindingParticiple(Document doc, int i) {
        Token t = doc.token(i);
        if (!t.isWord() || !t.lower().endsWith("ing") || t.text().length() < 6 || t.isCapitalized()
                || doc.quoteAt(i) != null || doc.isExcluded(i)) {
            return false;
        }
        String stem = t.lower().substring(0, t.text().length() - 3);
        return lexicons.isFindingVerb(stem) || lexicons.isFindingVerb(stem + "e");
    }

    private static final Set<String> SHOW_FORMS = Set.of("show", "shows");
    /**
     * Words that make "show" a broadcast: "TV show", "the reality show", "a late night show" (not "game" or "news":
     * "a video of the game shows that …" is a finding).
     */
    private static final Set<String> PROGRAMME_MODIFIERS = Set.of("tv", "television", "radio", "talk", "reality",
            "cable", "night", "morning", "comedy", "cooking", "variety", "hit");

    /**
     * "ABC's TV show Scandal", "the reality show “Cake Boss”": "show" naming a programme, after a broadcast word or
     * right before a quoted title, reports nothing.
     */
    private static boolean isProgramme(Document doc, int i) {
        if (!SHOW_FORMS.contains(doc.token(i).lower())) {
            return false;
        }
        return i > 0 && PROGRAMME_MODIFIERS.contains(doc.token(i - 1).lower())
                || i + 1 < doc.size() && doc.quoteAt(i + 1) != null && doc.quoteAt(i + 1).firstToken() == i + 1;
    }

    /** A verb of saying or of stance by its word alone, wherever it stands ("to announce", "to endorse"). */
    boolean isCueOrStanceWord(Token t) {
        return t.isWord() && (lexicons.isCueVerb(t.text()) || lexicons.isStanceVerb(t.text()));
    }

    boolean isFindingSource(Token t) {
        return t.isWord() && lexicons.isFindingSource(t.text());
    }

    boolean isAuxiliary(Token t) {
        return t.isWord() && lexicons.isAuxiliary(t.text());
    }

    boolean isFunctionWord(Token t) {
        return t.isWord() && lexicons.isFunctionWord(t.text());
    }

    static boolean isTell(Token t) {
        String w = t.lower();
        return w.equals("told") || w.equals("tell") || w.equals("tells");
    }
}
