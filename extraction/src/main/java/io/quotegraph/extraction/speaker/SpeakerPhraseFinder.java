package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;

import java.util.Set;

/**
 * Delimits the noun phrase that may name a speaker next to a cue: to its left ("U.S. Department of State
 * spokesman Matthew Miller told", "Miller also said") or to its right ("said Miller, the spokesman").
 * A phrase is built from capitalised words, articles, "of"/"for", and lowercase words that the lexicons know
 * as titles, title modifiers, organisation heads or group nouns; anything else ends it. Windows are bounded,
 * so the cost per cue is constant.
 */
public final class SpeakerPhraseFinder {

    private static final int MAX_PHRASE = 15;
    /** The description set off by commas after a name: "Debbie Walsh, director of the Center for … at … University, said". */
    private static final int MAX_APPOSITIVE = 25;
    private static final int MAX_AUXILIARIES = 3;
    private static final int MAX_PAREN = 20;
    private static final int MAX_HOMETOWN = 4;
    private static final int MAX_ABBREVIATION = 5;
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "it", "we", "i");
    private static final int MAX_DESCRIPTOR = 4;
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "their", "its", "our", "one", "another",
            "some", "several", "many", "most", "both", "other", "few", "two", "three", "four", "numerous", "top", "senior");
    /** Words that end a described speaker: relative pronouns and prepositions ("a person close to …", "a source who …"). */
    private static final Set<String> STOPS = Set.of("who", "whom", "whose", "which", "that", "to", "in", "at", "on", "with",
            "by", "from", "about", "during", "after", "before", "for", "of", "and", "or", "but");
    private static final int MAX_PLURAL_MODIFIERS = 3;
    private static final Set<String> TIME_UNITS = Set.of("week", "month", "year", "weekend", "morning", "night", "evening");
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "while", "although", "though", "because", "as", "so");
    private static final Set<String> CONNECTORS = Set.of("the", "a", "an", "of", "for", "de", "van", "von", "bin", "al");

    private final Lexicons lexicons;

    public SpeakerPhraseFinder(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    /**
     * The phrase ending just before the cue at {@code cue} (auxiliaries like "also", "has" skipped),
     * not reaching before {@code limit}. A negated auxiliary is skipped as "did not" is: a negated report ("Hale didn't
     * say …", "doesn't mention …") is read as the gold reads "did not say" (42 of 80 annotated in the dev split).
     * @return {from, to} token indices, or null
     */
    public int[] left(Document doc, int cue, int limit) {
        int governing = continuationVerbBefore(doc, cue);
        int j = skipTimeBefore(doc, (governing >= limit ? governing : cue) - 1, limit);
        int skipped = 0;
        while (j >= limit && skipped < MAX_AUXILIARIES && doc.token(j).isWord()
                && (lexicons.isAuxiliary(doc.token(j).text()) || lexicons.isNegatedAuxiliary(doc.token(j).text())
                    || isMannerAdverb(doc.token(j)))) {
            j--;
            skipped++;
        }
        if (j > limit && doc.token(j).isPunct(',')) {
            return appositive(doc, j, limit);
        }
        return plainLeft(doc, j, limit);
    }

    /**
     * "He went on to say, “…”", "The mayor paused to add that …": a cue in the infinitive after a verb that only
     * continues the speaker's turn; the speaker is that verb's subject.
     * @return the continuing verb's index, or -1
     */
    public static int continuationVerbBefore(Document doc, int cue) {
        int k = cue - 1;
        if (k < 2 || !doc.token(k).is("to")) {
            return -1;
        }
        Token verb = doc.token(k - 1);
        if (verb.is("on") && GOING_ON.contains(doc.token(k - 2).lower())) {
            return k - 2;
        }
        return verb.isWord() && (CONTINUING_VERBS.contains(verb.text()) || CATENATIVE_VERBS.contains(verb.text())) ? k - 1 : -1;
    }

    /**
     * Verbs whose own subject is the subject of the infinitive after them, and which report nothing themselves: "The
     * party needs to realize that …", "Obama seemed to recognize …", "he tried to explain that …".
     */
    private static final Set<String> CATENATIVE_VERBS = Set.of("need", "needs", "needed", "seem", "seems", "seemed",
            "appear", "appears", "appeared", "begin", "begins", "began", "begun", "try", "tries", "tried", "continue");

    private static final Set<String> GOING_ON = Set.of("went", "goes", "go", "gone", "going");
    private static final Set<String> CONTINUING_VERBS = Set.of("continued", "continues", "proceeded", "proceeds", "paused",
            "pauses", "hastened", "hastens", "stopped", "stops");

    /**
     * A lowercase adverb of manner or time by its suffix ("emphatically", "initially", "angrily", "personally"): it may
     * stand between a subject and its cue like the listed auxiliaries. Long words only, so that nouns such as "ally",
     * "rally" or "family" are not taken.
     */
    public static boolean isMannerAdverb(Token t) {
        String w = t.lower();
        if (!t.isWord() || t.isCapitalized() || w.length() < MIN_ADVERB_LENGTH) {
            return false;
        }
        for (String suffix : ADVERB_SUFFIXES) {
            if (w.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static final int MIN_ADVERB_LENGTH = 7;
    private static final java.util.List<String> ADVERB_SUFFIXES = java.util.List.of("ically", "ially", "ately", "ously", "ently",
            "antly", "ively", "fully", "ably", "ibly", "edly", "ingly", "nally", "rally", "ually", "ctly", "etly", "ily");

    /** The phrase ending at token {@code j} (inclusive) with no comma before the cue. */
    private int[] plainLeft(Document doc, int j, int limit) {
        int end = j + 1;
        if (j >= limit && doc.token(j).isWord() && SUBJECT_PRONOUNS.contains(doc.token(j).lower())) {
            return new int[] {j, end};
        }
        if (j >= limit && doc.token(j).isPunct(')')) {
            int open = j - 1;
            while (open >= limit && open > j - MAX_PAREN && !doc.token(open).isPunct('(')) {
                open--;
            }
            if (open < limit || !doc.token(open).isPunct('(')) {
                return null;
            }
            j = open - 1;
        }
        if (j > limit && doc.token(j).isWord() && MentionParser.RELATIVES.contains(doc.token(j).text())
                && (doc.token(j - 1).isPunct(',') || doc.token(j - 1).isWord())) {
            return new int[] {j, end}; // "Ruth Alder, who said", "voters who say"
        }
        int[] share = share(doc, j, limit);
        if (share != null) {
            return share;
        }
        int[] plural = barePlural(doc, j, limit);
        if (plural != null) {
            return plural;
        }
        while (j >= limit && end - j <= MAX_PHRASE && (isPhraseToken(doc, j) || joinsNames(doc, j, limit))) {
            j--;
        }
        int determiner = determinerBefore(doc, j, limit);
        int start = skipLeadingFunctionWords(doc, determiner >= 0 ? determiner : j + 1, end);
        return start < end ? new int[] {start, end} : null;
    }

    /**
     * A plural noun with no determiner, after a clause boundary: "Experts said", "…, but Republican strategists say",
     * "Most economists believe" (a few modifiers allowed before the head).
     * @return {from, to}, or null
     */
    private int[] barePlural(Document doc, int head, int limit) {
        if (head < limit || !isPlural(doc.token(head))) {
            return null;
        }
        int k = head - 1;
        while (k >= limit && head - k <= MAX_PLURAL_MODIFIERS && doc.token(k).isWord() && doc.quoteAt(k) == null
                && !DETERMINERS.contains(doc.token(k).lower()) && !STOPS.contains(doc.token(k).lower())
                && (doc.token(k).isCapitalized() || isPlainWord(doc.token(k)))) {
            k--;
        }
        boolean boundary = k < limit || !doc.token(k).isWord() || DETERMINERS.contains(doc.token(k).lower())
                || CONJUNCTIONS.contains(doc.token(k).lower());
        if (!boundary) {
            return null;
        }
        int start = k >= limit && DETERMINERS.contains(doc.token(k).lower()) ? k : k + 1;
        return new int[] {start, head + 1};
    }

    /** A share of a poll's respondents or of a group, after a clause boundary ({@link Shares}). */
    private static int[] share(Document doc, int j, int limit) {
        int start = Shares.start(doc, j, limit);
        if (start < 0) {
            return null;
        }
        int k = start - 1;
        boolean boundary = k < limit || doc.token(k).isPunct(',') || doc.token(k).isPunct(';')
                || isDashToken(doc.token(k)) && !isWordHyphen(doc, k)
                || doc.token(k).isWord() && (CONJUNCTIONS.contains(doc.token(k).lower()) || doc.token(k).is("with"));
        // "with": "…, with 54 percent saying …"; a dash: "… than Mr. Trump — 60 percent of voters said …"
        return boundary ? new int[] {start, j + 1} : null;
    }

    /** A lowercase plural content word: "experts", "strategists", "voters". */
    private boolean isPlural(Token t) {
        String w = t.lower();
        return isPlainWord(t) && w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("ous");
    }

    /**
     * Lets unknown lowercase words into the phrase when an article or possessive determiner opens it within a few
     * words ("the announcer", "his friend Mahamat Saleh Oumar"): the determiner marks where a noun phrase begins.
     * @return the determiner's index, or -1
     */
    private int determinerBefore(Document doc, int j, int limit) {
        for (int d = j; d >= limit && d > j - MAX_DESCRIPTOR; d--) {
            Token t = doc.token(d);
            if (!t.isWord() || doc.quoteAt(d) != null) {
                return -1;
            }
            if (DETERMINERS.contains(t.lower())) {
                return d;
            }
            if (!t.isCapitalized() && (lexicons.isFunctionWord(t.text()) || lexicons.isAuxiliary(t.text()) || lexicons.isCueVerb(t.text()))) {
                return -1; // a capitalised modifier may sit between: "a Democratic staffer"
            }
        }
        return -1;
    }

    /**
     * "Matthew Miller, the State Department spokesman, said" / "Jane Roe, Acme's director of sales, said" /
     * "John Doe, 70, said": a name, then a description in commas.
     */
    private int[] appositive(Document doc, int comma, int limit) {
        int j = comma - 1;
        // between two commas any words describe the name: "Cruz, who has proposed repealing the mandate, said"
        while (j >= limit && comma - j <= MAX_APPOSITIVE && doc.quoteAt(j) == null && (doc.token(j).isWord() || doc.token(j).isPunct('&')
                || doc.token(j).kind() == Token.Kind.POSSESSIVE || isAttachedDot(doc, j) || isAbbreviationDot(doc, j)
                || isParenthesis(doc.token(j)))) {
            j--;
        }
        int roleStart = j + 1;
        if (roleStart >= comma || j <= limit || !doc.token(j).isPunct(',')) {
            return longAppositive(doc, comma, limit);
        }
        j = beforeHometown(doc, j, limit);
        int k = j - 1;
        while (k >= limit && j - k <= 5 && (doc.token(k).isCapitalized() || isAttachedDot(doc, k))) {
            k--;
        }
        int start = skipLeadingFunctionWords(doc, k + 1, j);
        if (start < j && (k < limit || !doc.token(k).isWord() || !isPhraseToken(doc, k))) {
            return new int[] {start, comma};
        }
        // a described name before the comma: "Another Clinton ally, …", "The state's campaign chairman, Phil Lovas,"
        int[] head = plainLeft(doc, j - 1, limit);
        if (head == null && start >= j) {
            return longAppositive(doc, comma, limit);
        }
        return head != null ? new int[] {head[0], comma} : new int[] {start, comma};
    }

    /**
     * "Donna Reyes, 61, of Salem, Ore., who watched the launch, said", "Isaac Bolt, an analyst at Harbor Point Research
     * &amp; Trading, wrote": a name opening the clause, then a description of several comma-separated parts running up
     * to the comma before the cue. @return {name start, comma}, or null
     */
    private int[] longAppositive(Document doc, int comma, int limit) {
        if (comma - limit > MAX_LONG_APPOSITIVE) {
            return null;
        }
        int firstComma = -1;
        for (int k = limit; k < comma; k++) {
            Token t = doc.token(k);
            if (doc.quoteAt(k) != null && !isQuotedTitle(doc, k) || t.isPunct(';') || t.isPunct(':') || isDashToken(t) && !isWordHyphen(doc, k)) {
                return null;
            }
            if (t.isPunct(',') && firstComma < 0) {
                firstComma = k;
            }
        }
        if (firstComma <= limit) {
            return null;
        }
        int start = skipLeadingFunctionWords(doc, limit, firstComma);
        if (firstComma - start > MAX_NAME_WORDS || start >= firstComma) {
            return null;
        }
        for (int k = start; k < firstComma; k++) {
            if (!(doc.token(k).isCapitalized() || isAttachedDot(doc, k) || CONNECTORS.contains(doc.token(k).lower())
                    && k > start)) {
                return null; // the clause opens with a name: "Donna Reyes,"
            }
        }
        return new int[] {start, comma};
    }

    private static final int MAX_LONG_APPOSITIVE = 45;
    private static final int MAX_NAME_WORDS = 6;

    /** A title in quotation marks inside a description: "former host of “The Apprentice,”". */
    private static boolean isQuotedTitle(Document doc, int k) {
        return doc.quoteAt(k).words() <= 4;
    }

    /**
     * "Johnnie Ray, of Dover, Del., said", "Ana Ruiz, of Leeds, who …, said": a hometown set off by commas after the
     * name is one more description; the name is before its comma.
     * @return the comma before the hometown, or {@code comma} when there is none
     */
    private int beforeHometown(Document doc, int comma, int limit) {
        int k = comma - 1;
        while (k > limit && comma - k <= MAX_HOMETOWN && (doc.token(k).isCapitalized() || isAttachedDot(doc, k) || isAbbreviationDot(doc, k))) {
            k--;
        }
        if (k - 1 > limit && k < comma - 1 && doc.token(k).is("of") && doc.token(k - 1).isPunct(',')) {
            return k - 1;
        }
        return comma;
    }

    /**
     * The phrase starting at {@code from} ("said Miller", "according to the ministry"), with an appositive
     * ", the spokesman" or a parenthetical kept, not reaching {@code limit}.
     */
    public int[] right(Document doc, int from, int limit) {
        int j = from;
        // after a determiner, plain words describe the speaker: "said one former party aide", "said a person close"
        boolean described = from < limit && DETERMINERS.contains(doc.token(from).lower());
        // a few plain words before a name describe it: "says political scientist Dossym Satpayev"
        j = descriptorBeforeName(doc, from, limit);
        while (j < limit && j - from < MAX_PHRASE && (isPhraseToken(doc, j) || described && isPlainWord(doc.token(j)))) {
            j++;
        }
        if (j == from || CONNECTORS.contains(doc.token(from).text()) && !described) {
            // "said of Trump's campaign": a prepositional phrase, not a speaker; a capitalised particle opens a name
            // ("said Al From", "said Van Hollen", "said Le Pen")
            return null;
        }
        if (j + 1 < limit && (doc.token(j).isPunct('(') || doc.token(j).isPunct(',') && isArticle(doc.token(j + 1)))) {
            int k = j + 1;
            while (k < limit && k - j <= MAX_PAREN && isPhraseToken(doc, k)) {
                k++;
            }
            if (doc.token(j).isPunct('(') && k < limit && doc.token(k).isPunct(')')) {
                j = k + 1;
            } else if (doc.token(j).isPunct(',') && k > j + 2 && (k == limit || !doc.token(k).isWord())) {
                j = k;
            }
        }
        while (j > from && doc.token(j - 1).isWord() && CONNECTORS.contains(doc.token(j - 1).lower())) {
            j--;
        }
        return new int[] {from, j};
    }

    /**
     * Lowercase plain words (at most {@value #MAX_DESCRIPTOR}) right before a capitalised name: "conservative activist Bob
     * Klaus", "political scientist Dossym Satpayev". @return the name's first token, or {@code from} when there are none
     */
    private int descriptorBeforeName(Document doc, int from, int limit) {
        int k = from;
        while (k < limit && k - from < MAX_DESCRIPTOR && doc.quoteAt(k) == null && isPlainWord(doc.token(k))
                && !doc.token(k).lower().endsWith("ly") && !doc.token(k).lower().endsWith("ing")) {
            k++;
        }
        boolean name = k > from && k + 1 < limit && doc.token(k).isCapitalized() && doc.token(k + 1).isCapitalized()
                && !lexicons.isFunctionWord(doc.token(k).text()) && doc.quoteAt(k) == null;
        return name ? k : from;
    }

    private boolean isPhraseToken(Document doc, int i) {
        if (doc.quoteAt(i) != null) {
            return false;
        }
        Token t = doc.token(i);
        if (t.kind() == Token.Kind.POSSESSIVE) {
            return i > 0 && doc.token(i - 1).isCapitalized();
        }
        if (isAttachedDot(doc, i)) {
            return true;
        }
        if (!t.isWord()) {
            return false;
        }
        if (t.isCapitalized()) {
            return true;
        }
        String w = t.text();
        return CONNECTORS.contains(t.lower()) || DETERMINERS.contains(t.lower()) || lexicons.isTitle(w) || lexicons.isTitleModifier(w)
                || lexicons.isOrgHead(w) || lexicons.isGroupNoun(w);
    }

    /** Prepositions that take a gerund sharing the main clause's subject ("by announcing", "while saying"). */
    private static final Set<String> GERUND_PREPOSITIONS = Set.of("by", "while", "before", "after", "without", "when", "since");

    /** Words that link a sentence to the one before and come before its subject: "And then Trump went …". */
    private boolean isSentenceConnector(Token t) {
        return t.isWord() && (lexicons.isCoordinator(t.text()) || t.is("then"));
    }

    /**
     * The subject of a participle cue ("Sanders hit back, saying …", "Speaking in Ohio, Trump went after Bush, calling
     * …"): the subject of the main clause before the participle's comma. An opening phrase set off by a comma
     * ("Speaking in Ohio,", "On Tuesday,") or a dateline before a dash ("PARIS (AP) —") is not it: the subject is the
     * first noun phrase, at the sentence start or after such a comma or dash, that a lowercase verb follows.
     * @return {from, to} token indices, or null
     */
    public int[] participleSubject(Document doc, int cue, int sentenceFrom) {
        int comma = cue - 1;
        if (comma > sentenceFrom && doc.token(comma).isWord() && GERUND_PREPOSITIONS.contains(doc.token(comma).lower())) {
            // "… before explaining why …", "…, while saying that …": the gerund's subject is the main clause's too
            if (doc.token(comma - 1).isPunct(',')) {
                comma--;
            }
        } else if (comma <= sentenceFrom || !doc.token(comma).isPunct(',')) {
            return null;
        }
        if (!doc.token(cue).lower().endsWith("ing")) {
            return null;
        }
        int[] subject = mainSubject(doc, sentenceFrom, comma);
        if (subject != null && doc.token(cue - 1).is("by") && subject[1] == cue - 1 && subject[1] - subject[0] > 1
                && doc.token(subject[1] - 1).isWord() && !doc.token(subject[1] - 1).isCapitalized()) {
            // "The admiral began by praising …": an opening read to "by" ends in the main verb, which no lexicon lists
            subject = new int[] {subject[0], subject[1] - 1};
        }
        return subject;
    }

    /**
     * The subject of an infinitive of purpose ("European leaders gathered Friday to discuss …", "In 2000, Keyworth
     * flew to Palo Alto to discuss …"): the main clause's subject before {@code to}, read as for a participle.
     * @return {from, to} token indices, or null
     */
    public int[] infinitiveSubject(Document doc, int to, int sentenceFrom) {
        return to > sentenceFrom ? mainSubject(doc, sentenceFrom, to) : null;
    }

    /**
     * The subject of the clause that a participle or an infinitive after {@code limit} modifies: the first phrase, at
     * the sentence start or after a comma or dash, with a verb after it; else a phrase filling the whole opening.
     */
    private int[] mainSubject(Document doc, int sentenceFrom, int comma) {
        int[] opening = null;
        int first = sentenceFrom;
        while (first < comma && isSentenceConnector(doc.token(first))) {
            first++; // "And then Trump went on the attack, saying …"
        }
        for (int start = first; start < comma; start++) {
            boolean candidate = start == first || doc.quoteAt(start - 1) == null
                    && (doc.token(start - 1).isPunct(',') || isDashToken(doc.token(start - 1)));
            if (!candidate || doc.quoteAt(start) != null || !doc.token(start).isWord() || opensAdjunct(doc.token(start))) {
                continue;
            }
            int[] subject = SUBJECT_PRONOUNS.contains(doc.token(start).lower()) ? new int[] {start, start + 1}
                    : right(doc, start, comma);
            if (subject == null) {
                continue;
            }
            subject[1] = nounPhraseEnd(doc, subject, comma);
            if (start == first && subject[1] == comma) {
                opening = subject; // "One voter in Keene, responding to …": the participle modifies the sentence's subject
            }
            if (subject[1] > subject[0] && verbFollows(doc, subject[1], comma)) {
                return subject;
            }
        }
        return opening;
    }

    /**
     * The subject of a gerund cue in an opening adverbial ("After suggesting on Wednesday that he regretted the insults,
     * Mr. Rubio …", "In declaring the statements “not Christian,” the pope …"): the subject of the main clause after
     * the adverbial's comma, when a verb follows it. Null otherwise.
     * @return {from, to} token indices, or null
     */
    public int[] openingGerundSubject(Document doc, int cue, int sentenceFrom, int sentenceTo) {
        int preposition = cue - 1;
        if (preposition != sentenceFrom || !doc.token(cue).lower().endsWith("ing")
                || !(GERUND_PREPOSITIONS.contains(doc.token(preposition).lower()) || doc.token(preposition).lower().equals("in"))) {
            return null;
        }
        for (int k = cue + 1; k < sentenceTo - 1; k++) {
            if (doc.token(k).isPunct(',') && doc.quoteAt(k) == null) {
                int[] subject = SUBJECT_PRONOUNS.contains(doc.token(k + 1).lower()) ? new int[] {k + 1, k + 2}
                        : right(doc, k + 1, sentenceTo);
                if (subject == null) {
                    continue; // a comma inside the adverbial ("After saying on Monday, in Ohio, that …")
                }
                subject[1] = nounPhraseEnd(doc, subject, sentenceTo);
                return subject[1] > subject[0] && verbFollows(doc, subject[1], sentenceTo) ? subject : null;
            }
        }
        return null;
    }

    /**
     * The end of the noun phrase {@code phrase} read by {@link #right}: cut before a comma or a verb it ran into,
     * extended over a possessive ("the families of the company’s founders"), names joined by "and" and a
     * prepositional phrase with a name ("Republicans on Capitol Hill").
     */
    private int nounPhraseEnd(Document doc, int[] phrase, int limit) {
        int end = phrase[1];
        for (int k = phrase[0] + 1; k < end; k++) {
            if (doc.token(k).isPunct(',') || doc.token(k).isPunct('(')) {
                end = k;
            }
        }
        end = beforeVerb(doc, new int[] {phrase[0], end}, limit);
        for (int step = 0; step < 2 && end + 1 < limit; step++) {
            Token next = doc.token(end);
            boolean possessive = next.kind() == Token.Kind.POSSESSIVE;
            boolean joined = (next.is("and") || STOPS.contains(next.lower()) && !RELATIVE_STOPS.contains(next.lower()))
                    && doc.token(end + 1).isCapitalized();
            if (!possessive && !joined) {
                break;
            }
            int[] more = right(doc, end + 1, limit);
            if (more == null) {
                break;
            }
            end = nounPhraseEnd(doc, more, limit);
        }
        return end;
    }

    private static final Set<String> RELATIVE_STOPS = Set.of("who", "whom", "whose", "which", "that", "but", "or");

    /**
     * After a subject ending at {@code k}: auxiliaries, then a lowercase word that is no preposition ("went",
     * "has also attacked"), or a description set off by commas and then such a word ("Davis, a former aide, lashed out").
     */
    private boolean verbFollows(Document doc, int k, int limit) {
        if (k < limit && doc.token(k).isPunct(',')) {
            int close = appositiveEnd(doc, k, limit);
            if (close == k) {
                return false;
            }
            k = close;
        }
        if (k < limit && doc.token(k).kind() == Token.Kind.POSSESSIVE) {
            k++; // "she’s tacked": a contracted auxiliary
        }
        while (k < limit && doc.token(k).isWord() && lexicons.isAuxiliary(doc.token(k).text())) {
            k++; // "Trump has also attacked …"
        }
        return k < limit && doc.token(k).isWord() && !doc.token(k).isCapitalized() && !STOPS.contains(doc.token(k).lower());
    }

    /**
     * A described phrase read by {@link #right} may run into the verb after it ("The senator sought to …", "The
     * businessman began by …"): a last lowercase word followed by a function word is that verb. @return the phrase's end
     */
    private int beforeVerb(Document doc, int[] phrase, int limit) {
        int last = phrase[1] - 1;
        if (last > phrase[0] + 1 && phrase[1] < limit && DETERMINERS.contains(doc.token(phrase[0]).lower())
                && doc.token(last).isWord() && !doc.token(last).isCapitalized() && !lexicons.isTitle(doc.token(last).text())
                && doc.token(phrase[1]).isWord() && (lexicons.isFunctionWord(doc.token(phrase[1]).text())
                    || STOPS.contains(doc.token(phrase[1]).lower()) || DETERMINERS.contains(doc.token(phrase[1]).lower()))) {
            return last;
        }
        return phrase[1];
    }

    /** A sentence-opening word that starts an adjunct, not a subject: "In", "On", "After", "Speaking", "Asked". */
    private boolean opensAdjunct(Token t) {
        String w = t.lower();
        return STOPS.contains(w) || w.endsWith("ing") || w.equals("asked") || w.equals("pressed") || w.equals("when")
                || w.equals("if") || w.equals("as") || w.equals("while") || w.equals("since") || w.equals("under")
                || w.equals("despite") || w.equals("like") || w.equals("unlike");
    }

    /** A hyphen joining two words with no space ("D.C.-based", "71-year-old"), not a dash between clauses. */
    private static boolean isWordHyphen(Document doc, int k) {
        return doc.token(k).isPunct('-') && k > 0 && k + 1 < doc.size() && doc.token(k - 1).end() == doc.token(k).start()
                && doc.token(k).end() == doc.token(k + 1).start();
    }

    private static boolean isDashToken(Token t) {
        return t.isPunct('\u2014') || t.isPunct('\u2013') || t.isPunct('-');
    }

    /**
     * A subject the phrase rules do not read, taken whole from the start of its clause up to the cue: "Several
     * supporters of reform said", "Majorities in all five states say", "…, 43 said", "Democrats — especially in New
     * York — said", "The department less than two weeks ago said". The clause starts at the sentence start or after a
     * comma, semicolon or conjunction; the phrase holds no verb, auxiliary, relative pronoun or quote, and opens with a
     * capital, a number or a determiner.
     * @return {from, to, 1} token indices (the third element marks a phrase the mention parser may not read), or null
     */
    public int[] clauseSubject(Document doc, int cue, int sentenceFrom) {
        if (doc.token(cue).lower().endsWith("ing") || doc.token(cue).isCapitalized()) {
            return null; // "the share of voters saying …" is a participle's; "Woman Who Accused …" a headline's
        }
        int end = cue;
        while (end - 1 > sentenceFrom && end > cue - MAX_AUXILIARIES && doc.token(end - 1).isWord()
                && (lexicons.isAuxiliary(doc.token(end - 1).text()) || FLOATING_ADVERBS.contains(doc.token(end - 1).lower())
                    || doc.token(end - 1).lower().endsWith("ly") && !doc.token(end - 1).isCapitalized())) {
            end--; // "Gorka similarly warned", "Sanders and Clinton both campaigned"
        }
        end = beforeTimeAgo(doc, end, sentenceFrom);
        int phraseEnd = end;
        if (end - 1 > sentenceFrom && isDashToken(doc.token(end - 1))) {
            // "Democrats — especially in his native New York — said": an aside between dashes
            int open = end - 2;
            while (open > sentenceFrom && end - open <= MAX_APPOSITIVE && doc.quoteAt(open) == null && !isDashToken(doc.token(open))) {
                open--;
            }
            if (open <= sentenceFrom || !isDashToken(doc.token(open))) {
                return null;
            }
            phraseEnd = open;
        }
        int start = phraseEnd;
        while (start - 1 >= sentenceFrom && phraseEnd - start < MAX_CLAUSE_SUBJECT && doc.quoteAt(start - 1) == null
                && subjectWord(doc, start - 1)) {
            start--;
        }
        boolean boundary = start == sentenceFrom || doc.token(start - 1).isPunct(',') || doc.token(start - 1).isPunct(';')
                || doc.token(start - 1).isPunct(':') || CONJUNCTIONS.contains(doc.token(start - 1).lower());
        start = skipLeadingFunctionWords(doc, start, phraseEnd);
        if (!boundary || start >= phraseEnd) {
            return null;
        }
        Token first = doc.token(start);
        // a bare plural head opens a group too: "…, insiders in the next two states — … — said", "but majorities in all five say"
        boolean pluralHead = isPlural(first) && start + 1 < phraseEnd && PLURAL_HEAD_LINKS.contains(doc.token(start + 1).lower());
        boolean opens = first.isCapitalized() && !opensAdjunct(first) || Character.isDigit(first.text().charAt(0))
                || DETERMINERS.contains(first.lower()) || pluralHead;
        if (!opens || start > sentenceFrom && !doc.token(start - 1).isWord() && !first.isCapitalized() && !pluralHead
                && !Character.isDigit(first.text().charAt(0)) && !DETERMINERS.contains(first.lower())) {
            return null;
        }
        boolean named = false;
        for (int k = start; k < phraseEnd; k++) {
            named |= doc.token(k).isCapitalized() || Character.isDigit(doc.token(k).text().charAt(0))
                    || doc.token(k).isWord() && !DETERMINERS.contains(doc.token(k).lower()) && !lexicons.isFunctionWord(doc.token(k).text());
        }
        return named ? new int[] {start, phraseEnd, 1} : null; // a bare "many" or "both" is left alone
    }

    private static final int MAX_CLAUSE_SUBJECT = 10;
    /** Words after a bare plural that make it a group's head: "insiders in …", "experts on …", "people close to …". */
    private static final Set<String> PLURAL_HEAD_LINKS = Set.of("in", "on", "of", "from", "at", "for", "with", "across",
            "inside", "within", "close", "familiar");
    /** Adverbs between a subject and its verb: "Gorka similarly warned", "both congressmen both said", "Carter however said". */
    private static final Set<String> FLOATING_ADVERBS = Set.of("both", "all", "however", "also", "soon", "today", "now",
            "still", "immediately", "finally", "yet", "largely", "later");
    /** Modal and negated forms: "Rubio can ask", "He didn't express" are not plain reports. */
    private static final Set<String> NOT_IN_SUBJECT = Set.of("can", "could", "must", "may", "might", "should", "would",
            "will", "shall", "do", "does", "did", "didn", "doesn", "don", "wouldn", "shouldn", "couldn", "isn", "wasn", "hasn",
            "haven", "hadn", "won", "t", "not", "never", "be", "been", "is", "was", "are", "were", "has", "have", "had");
    private static final int MAX_AGO_PHRASE = 5;

    /** A word (or a name's dot, possessive, hyphen) that may stand in a subject noun phrase: no verb, auxiliary or relative. */
    private boolean subjectWord(Document doc, int k) {
        Token t = doc.token(k);
        if (t.kind() == Token.Kind.POSSESSIVE || isAttachedDot(doc, k) || isAbbreviationDot(doc, k)
                || t.isPunct('-') && k + 1 < doc.size() && doc.token(k - 1).end() == t.start() && t.end() == doc.token(k + 1).start()) {
            return true;
        }
        if (t.kind() == Token.Kind.POSSESSIVE && (t.text().endsWith("t") || t.text().endsWith("T"))) {
            return false; // "didn’t"
        }
        if (!t.isWord() || CONJUNCTIONS.contains(t.lower()) || RELATIVE_STOPS.contains(t.lower()) || t.is("whom") || t.is("who")
                || t.is("which") || t.is("that")) {
            return false;
        }
        String w = t.lower();
        if (t.isCapitalized() || Character.isDigit(w.charAt(0))) {
            return true;
        }
        return !lexicons.isAuxiliary(t.text()) && !lexicons.isCueVerb(t.text()) && !SUBJECT_PRONOUNS.contains(w) && !NOT_IN_SUBJECT.contains(w)
                && !w.endsWith("ed") && !w.endsWith("ing") && !w.equals("to") && !w.equals("not");
    }

    /** "The department less than two weeks ago said": before a time phrase ending in "ago". @return the phrase's start */
    private static int beforeTimeAgo(Document doc, int end, int limit) {
        if (end - 1 <= limit || !doc.token(end - 1).is("ago")) {
            return end;
        }
        for (int k = end - 2; k > limit && end - k <= MAX_AGO_PHRASE + 1; k--) {
            Token t = doc.token(k);
            if (!t.isWord()) {
                return end;
            }
            if (t.is("a") || t.is("less") || t.is("more") || t.is("about") || t.is("just") || t.is("nearly")
                    || Character.isDigit(t.text().charAt(0)) || t.is("two") || t.is("three") || t.is("several") || t.is("few")) {
                int start = k;
                while (start - 1 > limit && (doc.token(start - 1).is("less") || doc.token(start - 1).is("more")
                        || doc.token(start - 1).is("than") || doc.token(start - 1).is("just") || doc.token(start - 1).is("about"))) {
                    start--;
                }
                if (!doc.token(start - 1).isCapitalized() && !doc.token(start - 1).isWord()) {
                    return end;
                }
                return start;
            }
        }
        return end;
    }

    /**
     * The subject of a cue verb coordinated with an earlier predicate: "A spokesman declined to comment but said …",
     * "Clinton slammed the shift and accused …": the noun phrase opening the sentence, when "and"/"but" comes right
     * before the cue (auxiliaries skipped) and the opening phrase is followed by a lowercase verb.
     * @return {from, to} token indices, or null
     */
    public int[] coordinatedSubject(Document doc, int cue, int sentenceFrom) {
        int j = cue - 1;
        while (j > sentenceFrom && doc.token(j).isWord() && lexicons.isAuxiliary(doc.token(j).text())) {
            j--;
        }
        if (j <= sentenceFrom || !(doc.token(j).is("and") || doc.token(j).is("but"))) {
            return null;
        }
        int start = afterOpeningPhrase(doc, sentenceFrom, j);
        while (start < j && doc.token(start).isWord() && lexicons.isFunctionWord(doc.token(start).text())
                && !SUBJECT_PRONOUNS.contains(doc.token(start).lower())) {
            start++;
        }
        if (start >= j || doc.quoteAt(start) != null) {
            return null;
        }
        int[] subject = SUBJECT_PRONOUNS.contains(doc.token(start).lower()) ? new int[] {start, start + 1} : right(doc, start, j);
        for (int k = subject == null ? 0 : subject[0] + 1; subject != null && k < subject[1]; k++) {
            if (isPastTense(doc.token(k))) {
                subject[1] = k; // a described subject runs into its verb: "A spokesman for the port declined any comment"
            }
        }
        if (subject != null && subject[1] < j && doc.token(subject[1]).isPunct(',')) {
            // "Lena Ortiz, a former commissioner, joined … and said": past the description's closing comma, whether
            // the phrase already holds the description or not
            subject[1] = holdsComma(doc, subject) ? subject[1] + 1 : appositiveEnd(doc, subject[1], j);
        }
        if (subject == null || subject[1] >= j || !doc.token(subject[1]).isWord() || doc.token(subject[1]).isCapitalized()) {
            return null;
        }
        return subject;
    }

    /**
     * A sentence opening with a participle phrase set off by a comma ("Speaking on Sunday, Ann Hale admitted …") has
     * its subject after the comma: the token after it, else {@code from}.
     */
    private static int afterOpeningPhrase(Document doc, int from, int limit) {
        Token first = doc.token(from);
        if (!first.isWord() || !first.lower().endsWith("ing")) {
            return from;
        }
        for (int k = from + 1; k < limit; k++) {
            if (doc.token(k).isPunct(',')) {
                return k + 1;
            }
        }
        return from;
    }

    private static boolean holdsComma(Document doc, int[] phrase) {
        for (int k = phrase[0]; k < phrase[1]; k++) {
            if (doc.token(k).isPunct(',')) {
                return true;
            }
        }
        return false;
    }

    /** After a description set off by commas ("…, a former commissioner,"): the token after its closing comma. */
    private static int appositiveEnd(Document doc, int comma, int limit) {
        for (int k = comma + 1; k < limit && k - comma <= MAX_APPOSITIVE; k++) {
            if (doc.token(k).isPunct(',')) {
                return k + 1;
            }
            if (!doc.token(k).isWord() || doc.quoteAt(k) != null) {
                return comma;
            }
        }
        return comma;
    }

    private static boolean isPastTense(Token t) {
        return t.isWord() && !t.isCapitalized() && t.lower().endsWith("ed");
    }

    /** A lowercase content word: not a function word, auxiliary, cue verb or preposition. */
    private boolean isPlainWord(Token t) {
        return t.isWord() && !t.isCapitalized() && !STOPS.contains(t.lower()) && !lexicons.isFunctionWord(t.text())
                && !lexicons.isAuxiliary(t.text()) && !lexicons.isCueVerb(t.text());
    }

    /** The dot of an abbreviation ("Mr.", "Sen.") or of a middle initial ("Harry M. Reid"), not a sentence end. */
    /**
     * Inside a sentence, a period attached to a short capitalised word abbreviates it ("Dover, Del.,"): the sentence
     * splitter already took the periods that end sentences.
     */
    private static boolean isAbbreviationDot(Document doc, int i) {
        return i > 0 && doc.token(i).isPunct('.') && doc.token(i - 1).end() == doc.token(i).start()
                && doc.token(i - 1).isCapitalized() && doc.token(i - 1).text().length() <= MAX_ABBREVIATION
                && doc.sentenceOf(i).to() > i + 1;
    }

    private boolean isAttachedDot(Document doc, int i) {
        if (i <= 0 || !doc.token(i).isPunct('.') || doc.token(i - 1).end() != doc.token(i).start()) {
            return false;
        }
        String before = doc.token(i - 1).text();
        return lexicons.isAbbreviation(before) || before.length() == 1 && Character.isUpperCase(before.charAt(0));
    }

    /**
     * A time adverbial between the subject and the cue: "The Fund this week said", "Clinton on Tuesday said",
     * "Trump last month told". @return the token before it, or {@code j} when there is none
     */
    private static int skipTimeBefore(Document doc, int j, int limit) {
        if (j - 1 < limit || !doc.token(j).isWord()) {
            return j;
        }
        String last = doc.token(j).lower();
        String before = doc.token(j - 1).lower();
        if (TIME_UNITS.contains(last) && (before.equals("this") || before.equals("last") || before.equals("next"))) {
            return j - 2;
        }
        if (WEEKDAYS.contains(last)) {
            return before.equals("on") ? j - 2 : j - 1;
        }
        return j;
    }

    /** "and" between two capitalised words: "Cummings and Conyers wrote" names two speakers together. */
    private static boolean joinsNames(Document doc, int j, int limit) {
        return doc.token(j).is("and") && j - 1 >= limit && j + 1 < doc.size()
                && doc.token(j - 1).isCapitalized() && doc.token(j + 1).isCapitalized();
    }

    private static boolean isParenthesis(Token t) {
        return t.isPunct('(') || t.isPunct(')');
    }

    private int skipLeadingFunctionWords(Document doc, int start, int end) {
        while (start < end && doc.token(start).isWord() && !isArticle(doc.token(start))
                && (lexicons.isFunctionWord(doc.token(start).text()) || CONNECTORS.contains(doc.token(start).lower()))) {
            start++;
        }
        return start;
    }

    private static boolean isArticle(Token t) {
        return DETERMINERS.contains(t.lower());
    }
}
