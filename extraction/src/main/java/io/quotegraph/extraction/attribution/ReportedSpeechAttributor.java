package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Sentence;
import io.quotegraph.extraction.text.Token;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Span;

import java.util.List;
import java.util.Set;

/**
 * Attributes reported speech around a cue verb not used by a direct quote:
 * <ul>
 *   <li>content after: "X said (that) …", "X told reporters (that) …", "X expressed …", "X said Monday …";</li>
 *   <li>content before: "…, X said Wednesday." and inverted "…, said X.";</li>
 *   <li>"according to X, …" and "…, according to X" (X may be described in plain words: "according to internal records");</li>
 *   <li>verbs of belief and finding ("believe", "found", "show") only before a clause; verbs of stance ("criticized",
 *       "called for") with their noun-phrase object, up to the first comma, and not inside another report;</li>
 *   <li>a participle after an attribution shares its subject: "…, the treasurer said, adding that …";</li>
 *   <li>a refusal to speak: "X declined to comment (on …)".</li>
 * </ul>
 * The content runs to the end of the sentence (a final period left out), or to a semicolon, a dash, or a coordinated
 * cue verb of the same subject ("…, but conceded that"). Quoted fragments in it make it MIXED.
 */
final class ReportedSpeechAttributor {

    /** Object of "told" before its content: "told reporters", "told the BBC on Monday that". */
    private static final int MAX_TOLD_OBJECT = 8;
    /** A prepositional phrase closing a content-before sentence is short ("…, X said in New York."). */
    private static final int MAX_TRAILING_PHRASE = 6;
    private static final int MAX_DESCRIBED_SOURCE = 12;
    /** Attributions are found in reading order, so only the latest few can hold the current token. */
    private static final int NESTING_LOOKBACK = 4;
    /** Words that start a modifier after a described source's head noun. */
    private static final Set<String> MODIFIER_STARTS = Set.of("made", "seen", "obtained", "released", "published", "who",
            "that", "which", "cited", "shown", "given", "taken", "conducted");
    /** Openers of a subordinate clause that an interposed "according to X," follows: "While …, according to X, …". */
    private static final Set<String> SUBORDINATORS = Set.of("while", "although", "though", "whereas", "as", "if", "when",
            "because", "since", "after", "before", "even");
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "on", "during", "after", "before", "while", "from",
            "to", "with", "for", "of", "about", "as", "outside", "inside", "near", "following", "when", "by", "since", "until",
            "through", "over", "under", "against", "into");

    /** Words that open a that-less clause as its subject. */
    private static final Set<String> CLAUSE_SUBJECTS = Set.of("he", "she", "they", "it", "we", "i", "you", "there",
            "this", "these", "those", "most", "many", "some", "voters", "americans", "people", "nobody", "no", "none");

    /** Conjunctions that, after a comma, open a clause contrasting with the report rather than continuing it. */
    private static final Set<String> CONTRASTS = Set.of("but", "while", "whereas", "although", "though", "however");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we", "i");

    /** Adverbs between "and" and the subject's next verb: "attacked her record and even questioned …". */
    private static final Set<String> ADVERBS_BEFORE_VERB = Set.of("even", "then", "later", "repeatedly", "again", "quickly",
            "publicly", "privately", "subsequently", "eventually", "ultimately", "just");

    /** Openers of an appositive noun phrase after a report's last noun. */
    private static final Set<String> APPOSITIVE_OPENERS = Set.of("a", "an", "the", "one", "two", "three", "four", "five",
            "several");
    private static final Set<String> RELATIVE_WORDS = Set.of("where", "that", "who", "which", "whose");

    /** Past forms of cue verbs that do not end in "-ed": "urged a delay and said it …" coordinates a new report. */
    private static final Set<String> IRREGULAR_PAST_CUES = Set.of("said", "told", "wrote", "thought", "felt", "spoke");

    private static final Set<String> VERB_PHRASE_OPENERS = Set.of("said", "says", "told", "did", "does", "was", "is",
            "has", "had", "have", "would", "will", "also", "then", "later", "once", "wrote", "made", "took", "went");

    private final Lexicons lexicons;
    private final Cues cues;
    private final SpeakerPhraseFinder phrases;
    private final MentionParser mentions;
    private final Adverbials adverbials;
    private final ContentClassifier classifier = new ContentClassifier();

    ReportedSpeechAttributor(Lexicons lexicons, Cues cues, SpeakerPhraseFinder phrases, MentionParser mentions,
                             Adverbials adverbials) {
        this.lexicons = lexicons;
        this.cues = cues;
        this.phrases = phrases;
        this.mentions = mentions;
        this.adverbials = adverbials;
    }

    void attribute(Document doc, boolean[] usedCue, List<Attribution> out) {
        for (Sentence s : doc.sentences()) {
            for (int i = s.from(); i < s.to(); i++) {
                if (usedCue[i] || (cues.takesObject(doc.token(i)) || cues.isViewAs(doc, i)) && insideContent(doc, out, i)) {
                    continue; // a stance inside a report is part of what was reported ("said the US welcomes …")
                }
                Attribution a = cues.isFindingVerb(doc, i) ? finding(doc, s, i)
                        : cues.isFindingParticiple(doc, i) ? absoluteFinding(doc, s, i) : null;
                if (a != null) {
                    out.add(a);
                    continue;
                }
                a = cues.verbAt(doc, i) == 1 ? passive(doc, s, i) : null;
                if (a != null) {
                    out.add(a);
                    continue;
                }
                if (cues.isIntention(doc, i)) {
                    a = intention(doc, s, i, out);
                    if (a != null) {
                        out.add(a);
                    }
                    continue;
                }
                int viewNoun = viewedSourceNoun(doc, i, s.to());
                if (viewNoun > 0) {
                    a = inSourcesView(doc, s, i, viewNoun);
                    if (a != null) {
                        out.add(a);
                        i = viewNoun;
                    }
                    continue;
                }
                a = cues.prepositionalAt(doc, i) ? prepositional(doc, s, i, out) : null;
                int len = a != null ? 2 : cues.verbAt(doc, i);
                if (a == null) {
                    a = len == 2 ? accordingTo(doc, s, i) : len == 1 ? verb(doc, s, i, out) : null;
                }
                if (a == null) {
                    int head = cues.stancePredicateHead(doc, i);
                    a = head < 0 ? null : stancePredicate(doc, s, head, i, out);
                    len = a != null ? 2 : len; // the preposition is part of the cue
                }
                if (a != null) {
                    out.add(a);
                    i += len - 1;
                }
            }
            Attribution poll = usedCue[s.from()] ? null : pollFrame(doc, s, out);
            poll = poll != null ? poll : trailingPoll(doc, s, usedCue, out);
            if (poll != null) {
                out.add(poll);
            }
            for (int i = s.from() + 1; i + 2 < s.to(); i++) {
                Token t = doc.token(i);
                Attribution expected = (t.is("expected") || t.is("known") || SEEMING_VERBS.contains(t.lower()))
                        && !usedCue[i] ? expectation(doc, s, i, out) : null;
                if (expected != null) {
                    out.add(expected);
                }
            }
        }
    }

    /** Words after a verb of appearance that open no complement: "appeared on Fox", "seemed to", "appeared briefly". */
    private static final Set<String> NOT_SEEMING_COMPLEMENTS = Set.of("to", "that", "as", "and", "or", "but", "so", "if",
            "though", "the", "a", "an", "this", "his", "her", "their", "its", "together", "again", "here", "there",
            "onstage", "alongside", "not", "too", "also", "then", "now", "once", "twice", "ahead", "online", "live", "elsewhere",
            "everywhere", "nowhere", "somewhere", "abroad", "overseas", "inside", "outside", "home");

    /**
     * "Clinton seemed irritated", "the race appears closer in Ohio", "the idea seems like a contradiction": a verb of
     * appearance before an adjective or "like" states, like "appears to", a judgement whose holder is unnamed (the
     * gold takes the subject with the complement). A lowercase word that is no preposition, determiner, conjunction
     * or adverb of place or manner ("appeared on Fox News", "appeared briefly").
     */
    private static boolean isSeemingComplement(Token t) {
        return t.isWord() && !t.isCapitalized() && !PREPOSITIONS.contains(t.lower()) && !NOT_SEEMING_COMPLEMENTS.contains(t.lower())
                && !t.lower().endsWith("ly") || t.is("like");
    }

    private static final int MAX_EXPECTATION_SUBJECT = 24;

    /** Adverbs of degree inside a passive: "is best known for", "is well known for". */
    private static final Set<String> DEGREE_ADVERBS = Set.of("best", "well");

    /** Verbs of appearance: "X appears to …" is, like "X is expected to …", a judgement whose holder is unnamed. */
    private static final Set<String> SEEMING_VERBS = Set.of("appear", "appears", "appeared", "seem", "seems", "seemed");

    /**
     * "The Fed is not expected to change rates", "Many Democrats are expected to follow the lead of …": a passive
     * "be expected to" reports an expectation whose holder the text does not name; the statement has no speaker,
     * its cue is the verb group and its content the clause from its subject to the clause end (the gold takes the
     * subject with the predicate). The subject starts at the sentence start, after an opening adverbial's comma
     * ("In advance of the vote, the Fed …", "Separately, the administration, under pressure, is …") or after a
     * coordinator ("…, and the final shuttering of the factory is not expected to happen"). Not in a relative or
     * subordinate clause ("a nominee who is expected to …", "even though sales are expected to rise"), nor inside a
     * report already found ("said the Fed is expected to act" is the speaker's), nor before a verb of saying or stance
     * ("The Fed is expected to announce that …", "The Times is expected to endorse …" report the subject's words).
     * A verb of appearance reads the same way ("No major polls appear to have been conducted …", "Mr. Clinton does
     * not seem to be relishing the fight"), its cue the verb with the auxiliaries before it; not after "to" ("wants
     * to appear to …" is the wanting subject's). So does a reputation ("Allergan is best known for making Botox"),
     * whose content runs on to the end of the preposition's object.
     */
    private Attribution expectation(Document doc, Sentence s, int expected, List<Attribution> found) {
        boolean known = doc.token(expected).is("known");
        boolean complement = SEEMING_VERBS.contains(doc.token(expected).lower()) && isSeemingComplement(doc.token(expected + 1));
        if (!complement && (!doc.token(expected + 1).is(known ? "for" : "to") || !doc.token(expected + 2).isWord())
                || doc.quoteAt(expected) != null
                || insideContent(doc, found, expected)
                || cues.isCueOrStanceWord(doc.token(expected + 2))) {
            // "The Fed is expected to announce that …": the gold gives the inner report to the subject
            return null;
        }
        int aux = doc.token(expected).is("expected") || known ? passiveBe(doc, s, expected)
                : verbGroupStart(doc, s, expected);
        if (aux <= s.from()) {
            return null;
        }
        // an opening adverbial ("After the vote, …", "Separately, …") is passed over whole: its words are not the
        // clause's, so a preposition that is also a subordinator ("after", "since") does not end the search
        int from = s.from();
        if (isPreposition(doc.token(s.from())) || doc.token(s.from()).lower().endsWith("ly")) {
            int comma = firstCommaOrEnd(doc, s.from(), aux);
            if (comma >= aux) {
                return null; // "In the House are expected …": no subject of its own
            }
            from = comma + 1;
        }
        int start = from;
        for (int k = aux - 1; k >= from; k--) {
            Token t = doc.token(k);
            if (doc.quoteAt(k) != null || t.isPunct(':') || t.isPunct('(') || t.isPunct(')')) {
                return null;
            }
            boolean openingDeterminer = k == from && t.is("that"); // "That deal is expected to …"
            if (!openingDeterminer && (RELATIVE_WORDS.contains(t.lower()) || SUBORDINATORS.contains(t.lower())
                    || OPENING_SUBORDINATORS.contains(t.lower()))) {
                return null;
            }
            if (t.isPunct(';') || (t.is("and") || t.is("but")) && k > from && doc.token(k - 1).isPunct(',')) {
                start = k + 1;
                break;
            }
        }
        if (aux - start > MAX_EXPECTATION_SUBJECT || start >= aux || !doc.token(start).isWord()) {
            return null;
        }
        int end = contentEnd(doc, s);
        int predicate = complement ? expected + 1 : expected + 2;
        int to = clauseEnd(doc, predicate, end);
        if (to <= predicate) {
            return null;
        }
        ContentClassifier.Content c = classifier.classify(doc, start, to, null);
        return c == null || doc.isExcluded(start) ? null
                : Attribution.unnamed(c.kind(), c.start(), c.end(), aux, expected + 1, s);
    }

    /**
     * The form of "be" whose passive leaves the one expecting unnamed, past adverbs ("is not/also/widely expected");
     * {@code s.from()} when there is none.
     */
    private int passiveBe(Document doc, Sentence s, int expected) {
        int aux = expected - 1;
        while (aux > s.from() && !Cues.isFiniteBe(doc.token(aux))
                && (isAuxiliaryOrAdverb(doc.token(aux)) || DEGREE_ADVERBS.contains(doc.token(aux).lower()))) {
            aux--;
        }
        return aux > s.from() && Cues.isFiniteBe(doc.token(aux)) ? aux : s.from();
    }

    /** The first of the auxiliaries and adverbs before a verb ("does not seem", "has appeared"); not after "to". */
    private int verbGroupStart(Document doc, Sentence s, int verb) {
        int aux = verb;
        while (aux - 1 > s.from() && isAuxiliaryOrAdverb(doc.token(aux - 1))) {
            aux--;
        }
        return doc.token(aux - 1).is("to") ? s.from() : aux;
    }

    private boolean isAuxiliaryOrAdverb(Token t) {
        return lexicons.isAuxiliary(t.text()) || lexicons.isNegatedAuxiliary(t.text())
                || SpeakerPhraseFinder.isMannerAdverb(t);
    }

    /** Heads of a sentence-opening frame that names a poll as the source of the clause after it. */
    private static final int MAX_POLL_FRAME = 14;

    /**
     * "In the CBS poll, Trump's lead over Cruz remained in double digits", "In a Des Moines Register poll last month,
     * Mr. Cruz had a 10 percentage-point lead": a sentence opening "In" + a noun phrase headed by a poll or survey
     * noun + a comma presents the clause after it as the poll's finding; the noun phrase is the source, "In" the cue.
     * Not when the clause holds a report of its own ("In a poll, 40 percent said …": that report is the statement),
     * nor for other documents ("In a letter, the mayor …" introduces the writer's words, read at their own cue).
     */
    private Attribution pollFrame(Document doc, Sentence s, List<Attribution> found) {
        int in = s.from();
        if (!doc.token(in).is("In") || doc.quoteAt(in) != null) {
            return null;
        }
        int comma = -1;
        int head = -1;
        for (int k = in + 1; k < s.to() && k - in <= MAX_POLL_FRAME; k++) {
            Token t = doc.token(k);
            if (t.isPunct(',')) {
                comma = k;
                break;
            }
            if (doc.quoteAt(k) != null || t.isPunct(';') || t.isPunct(':')) {
                return null;
            }
            if (head < 0 && t.isWord() && lexicons.isPollNoun(t.text())) {
                head = k;
            }
        }
        int end = contentEnd(doc, s);
        if (head < 0 || comma < 0 || comma + 1 >= end || !startsClause(doc, comma + 1)) {
            return null;
        }
        for (Attribution a : found) {
            if (a.sentence() == s && a.cueFrom() > comma && !isStanceOnAThing(doc, a)) {
                // a stance inside the finding ("…, although they were less enthusiastic in their approval", "three of
                // four Americans disapproved of …") is the respondents', which the poll reports
                return null;
            }
        }
        Span source = doc.span(in + 1, comma - 1);
        Mention m = new Mention(source, Mention.Form.GROUP, EntityType.OTHER, source.text(), null, null);
        // the finding runs to the sentence end: the poll frames the whole sentence ("…, although they were less
        // enthusiastic", "…, but narrowed to 13 points" are findings too)
        return build(doc, s, comma + 1, end, in, in + 1, m, in, comma);
    }

    /** Longest noun phrase from "in" to its poll noun: "in a new Fox News poll", "in a Washington Post-ABC News poll". */
    private static final int MAX_TRAILING_POLL = 8;
    /** Words before "in" + a poll that make the poll's noun phrase no source of the clause. */
    private static final Set<String> NOT_BEFORE_TRAILING_POLL = Set.of("lead", "with", "of", "mark");
    /** Nouns naming a poll's respondents: "13% of registered voters in the survey approved" is the respondents' view. */
    private static final Set<String> RESPONDENT_NOUNS = Set.of("voters", "people", "americans", "respondents", "adults",
            "residents", "republicans", "democrats", "independents", "supporters", "caucusgoers", "likely");
    private static final Set<String> TRAILING_POLL_BREAKS = Set.of("in", "on", "at", "by", "to", "for", "with");
    private static final Set<String> CONCESSIVE_OPENERS = Set.of("despite", "depending", "even", "whether");

    /**
     * "Kasich was at 25 percent support in the most recent Fox poll", "Mr. Trump is ahead in public opinion polls in
     * Florida": a clause opening its sentence that states a standing or a share (lexicon {@code poll-standing-words.txt})
     * and ends with "in" + a noun phrase headed by a poll noun is the poll's finding; the noun phrase is the source,
     * "in" the cue, as in the sentence-opening frame ({@link #pollFrame}). Not a subordinate clause ("While Clinton
     * leads in the polls, …"), not a lead named as a noun ("enjoys a strong lead in the polls": the reporter's
     * description, not the poll's figure), not a poll's respondents ("13% of registered voters in the survey
     * approved"), and not in a sentence that holds a report of its own.
     */
    private Attribution trailingPoll(Document doc, Sentence s, boolean[] usedCue, List<Attribution> found) {
        for (int in = s.from() + 3; in + 1 < s.to(); in++) {
            // the cheap test first: most sentences hold no "in" + poll, and only theirs are read further
            if (!doc.token(in).is("in") || usedCue[in] || trailingPollHead(doc, in + 1, s.to()) < 0) {
                continue;
            }
            if (!opensMainClause(doc, s) || holdsAttribution(s, found)) {
                return null;
            }
            int standing = standingBefore(doc, s.from(), in);
            if (standing < 0) {
                return null;
            }
            if (standing == 0) {
                continue;
            }
            int head = trailingPollHead(doc, in + 1, s.to());
            Token before = doc.token(in - 1);
            if (!before.isWord() || NOT_BEFORE_TRAILING_POLL.contains(before.lower()) || RESPONDENT_NOUNS.contains(before.lower())) {
                return null;
            }
            Span source = doc.span(in + 1, head);
            Mention m = new Mention(source, Mention.Form.GROUP, EntityType.OTHER, source.text(), null, null);
            return build(doc, s, s.from(), in, in, in + 1, m, in, head + 1);
        }
        return null;
    }

    /** Not "While …", "Despite …" nor "Still, as …": the sentence opens with its main clause. */
    private static boolean opensMainClause(Document doc, Sentence s) {
        int open = s.from() + 2 < s.to() && doc.token(s.from() + 1).isPunct(',') ? s.from() + 2 : s.from(); // "Still, as …"
        for (int k = s.from(); k <= open; k = k == open ? open + 1 : open) {
            Token first = doc.token(k);
            if (!first.isWord() || OPENING_SUBORDINATORS.contains(first.lower()) || CONCESSIVE_OPENERS.contains(first.lower())) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsAttribution(Sentence s, List<Attribution> found) {
        for (Attribution a : found) {
            if (a.sentence() == s) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return 1 when tokens [from, to) hold a word of standing outside a subordinate clause ("… because of registering
     * below 1 percent" is not the main clause's), 0 when not, -1 when they hold a quote, a semicolon or a colon
     */
    private int standingBefore(Document doc, int from, int to) {
        boolean standing = false;
        boolean subordinate = false;
        for (int k = from; k < to; k++) {
            Token t = doc.token(k);
            if (doc.quoteAt(k) != null || t.isPunct(';') || t.isPunct(':')) {
                return -1;
            }
            subordinate = OPENING_SUBORDINATORS.contains(t.lower()) || subordinate && !t.isPunct(',');
            standing |= !subordinate && t.isWord() && lexicons.isPollStandingWord(t.text());
        }
        return standing ? 1 : 0;
    }

    /** @return the poll noun heading the noun phrase that starts at {@code from}, or -1 */
    private int trailingPollHead(Document doc, int from, int limit) {
        for (int k = from; k < limit && k - from < MAX_TRAILING_POLL; k++) {
            Token t = doc.token(k);
            if (doc.quoteAt(k) != null || t.kind() == Token.Kind.PUNCT && ",;:.!?()".indexOf(t.text().charAt(0)) >= 0
                    || k > from && TRAILING_POLL_BREAKS.contains(t.lower()) || k == from && t.is("on")) {
                return -1; // "close in on 15 percent in an average of polls": "in" a particle, then another phrase
            }
            if (t.isWord() && lexicons.isPollNoun(t.text())) {
                return k;
            }
        }
        return -1;
    }

    /** A stance predicate ("were less enthusiastic in") or a prepositional cue ("disapproved of") read at its cue. */
    private boolean isStanceOnAThing(Document doc, Attribution a) {
        return cues.stancePredicateHead(doc, a.cueTo() - 2) == a.cueFrom()
                || a.cueTo() - a.cueFrom() == 2 && cues.prepositionalAt(doc, a.cueFrom());
    }

    /**
     * "The senator called for an inquiry", "Smith talked about the economy", "…, responding to the charge": the
     * content is the preposition's object, up to the first comma or the end of the clause.
     */
    private Attribution prepositional(Document doc, Sentence s, int cue, List<Attribution> found) {
        int end = contentEnd(doc, s);
        int from = cue + 2;
        if (from >= end || !startsClause(doc, from)) {
            return null;
        }
        // "his friends make jokes about …": the cue's word is the light verb's object, so the cue and the subject
        // start at the light verb (without it the subject would read "his friends make")
        int head = cue > s.from() && lexicons.isLightVerb(doc.token(cue - 1).text()) ? cue - 1 : cue;
        Mention shared = isParticiple(doc.token(head)) ? Attribution.sharedSubject(found, s, doc, head) : null;
        int[] subject = shared != null ? null : subjectPhrase(doc, head, s.from());
        if (subject == null && shared == null) {
            return null;
        }
        Mention m = shared != null ? shared : subjectMention(doc, subject);
        int to = objectEnd(doc, from, end);
        return to <= from ? null : build(doc, s, from, to, head, cue + 2, m, s.from(), to);
    }

    /**
     * "Davis was critical of all the candidates", "The senator expressed concern about the cost": a stance predicate
     * ({@link Cues#stancePredicateHead}) reports its subject's attitude; the content is the preposition's object, read
     * as a stance verb's object. Not inside a report already found ("said she was worried about …" is the report's)
     * and not in a relative clause ("a host who has been critical of Trump" describes the host).
     */
    private Attribution stancePredicate(Document doc, Sentence s, int head, int stance, List<Attribution> found) {
        int end = contentEnd(doc, s);
        int from = stance + 2;
        if (from >= end || !startsClause(doc, from) || insideContent(doc, found, head)
                || adverbials.skip(doc, stance + 1, end) > stance + 1 || adverbials.skip(doc, from, end) > from) {
            return null; // "expressed frustration on Monday", "was skeptical at first": a time, not a target
        }
        Mention shared = isParticiple(doc.token(head)) ? Attribution.sharedSubject(found, s, doc, head) : null;
        int[] subject = shared != null ? null : subjectPhrase(doc, head, s.from());
        Mention m = shared != null ? shared : subject == null ? null : subjectMention(doc, subject);
        if (m == null || m.form() == Mention.Form.RELATIVE) {
            return null;
        }
        int to = objectEnd(doc, from, end);
        return to <= from ? null : build(doc, s, from, to, head, from, m, s.from(), to);
    }

    /**
     * "A new poll shows Clinton ahead", "Records show that …", "…, the audit found.": a non-human source (a finding
     * source noun, lexicon {@code finding-sources.txt}) with a finding verb reports a finding; the source noun phrase
     * is the speaker and the content is the verb's object, a clause or a noun phrase, to the clause end. Before the
     * verb, the source may carry a short modifier ("A poll from Marquette released Wednesday found …").
     */
    private Attribution finding(Document doc, Sentence s, int cue) {
        int[] source = findingSource(doc, cue, s.from());
        if (source == null) {
            return null;
        }
        Span head = doc.span(source[0], source[2] - 1);
        Mention m = new Mention(head, Mention.Form.GROUP, EntityType.OTHER, head.text(), null, null);
        int end = contentEnd(doc, s);
        int after = adverbials.skip(doc, cue + 1, end);
        int comma = source[0] - 1;
        if (after >= end || doc.token(after).isPunct(',')) {
            // "…, records show." / "A, the new poll indicates, B": the finding is reported before (or around) the source
            if (comma <= s.from() || !doc.token(comma).isPunct(',') || doc.quoteAt(comma) != null) {
                return null;
            }
            if (after + 1 < end && doc.token(after + 1).isWord() && doc.quoteAt(after + 1) == null && !isCueParticiple(doc, after + 1)
                    && !doc.token(after + 1).is("and")) {
                return build(doc, s, s.from(), clauseEnd(doc, after + 1, end), cue, cue + 1, m, comma, after);
            }
            return after >= end ? build(doc, s, s.from(), comma, cue, cue + 1, m, comma, s.to()) : null;
        }
        if (!startsClause(doc, after) || doc.token(after).isPunct(':')) {
            return null;
        }
        return build(doc, s, after, clauseEnd(doc, after, end), cue, cue + 1, m, s.from(), after);
    }

    /**
     * "…, with recent polls showing a tightening of the race", "with some polls indicating that Kasich has a small
     * lead": an absolute clause whose subject is a finding source and whose verb is a finding participle reports the
     * participle's object, as "polls show …" would. Only after "with": "records showing that …" after a verb or a
     * preposition is a noun phrase of another clause ("possess email records showing that …"); and only after the
     * main clause ("Ohio is closer, with some polls indicating …").
     */
    private Attribution absoluteFinding(Document doc, Sentence s, int cue) {
        int[] source = findingSource(doc, cue, s.from());
        int with = source == null ? -1 : source[0] - 1;
        if (with <= s.from() || !doc.token(with).is("with") || lexicons.isCoordinator(doc.token(with - 1).text())) {
            // an absolute clause before the main clause ("And with polls showing X, R-Texas, leading, a story says …")
            // ends at a comma the clause rules cannot tell from the commas inside it
            return null;
        }
        return finding(doc, s, cue);
    }

    /**
     * The source noun phrase before a finding verb at {@code cue}: a finding source noun as its head, possibly followed
     * by a few words of modifier, and before it modifiers back to a determiner or a clause boundary; not the object of
     * a preposition ("the authors of the study found" names the authors).
     * @return {from, to, head end}, or null
     */
    private int[] findingSource(Document doc, int cue, int limit) {
        int k = cue - 1;
        while (k >= limit && cue - k <= MAX_AUXILIARIES_BEFORE_FINDING && cues.isAuxiliary(doc.token(k))) {
            if (PASSIVE_AUXILIARIES.contains(doc.token(k).lower())) {
                return null; // "the report was revealed to be a hoax": the source is not the finder
            }
            k--; // "polls have consistently shown"
        }
        int head = -1;
        for (int h = k; h >= limit && k - h <= MAX_FINDING_MODIFIER; h--) {
            Token t = doc.token(h);
            if (!t.isWord() || doc.quoteAt(h) != null || FINDING_MODIFIER_STOPS.contains(t.lower()) || h < k && cues.verbAt(doc, h) == 1) {
                break;
            }
            if (cues.isFindingSource(t) && (!t.isCapitalized() || h == limit)) {
                head = h;
                break;
            }
        }
        if (head < 0) {
            return null;
        }
        int from = head;
        while (from - 1 >= limit && head - from < MAX_FINDING_PREMODIFIERS) {
            Token t = doc.token(from - 1);
            if (doc.quoteAt(from - 1) != null) {
                break;
            }
            if (t.isWord() && cues.isFunctionWord(t) && !SOURCE_DETERMINERS.contains(t.lower())) {
                break; // "But polls show", "However, records show"
            }
            if (t.isWord() && SOURCE_DETERMINERS.contains(t.lower())) {
                from--;
                break;
            }
            boolean modifier = t.isWord() && (t.isCapitalized() || Character.isDigit(t.text().charAt(0))
                    || !cues.isFunctionWord(t) && !cues.isAuxiliary(t) && !isPreposition(t) && !t.lower().endsWith("ed")
                        && cues.verbAt(doc, from - 1) == 0 && !CLAUSE_SUBJECTS.contains(t.lower()) && !RELATIVE_WORDS.contains(t.lower()))
                    || t.kind() == Token.Kind.POSSESSIVE || t.isPunct('/') || t.isPunct('-') && attached(doc, from - 1)
                    || t.isPunct('.') && doc.token(from - 2 >= 0 ? from - 2 : 0).end() == t.start();
            if (!modifier) {
                break;
            }
            from--;
        }
        if (from - 1 >= limit && isPreposition(doc.token(from - 1))
                && !(doc.token(from - 1).is("with") && cues.isFindingParticiple(doc, cue))) {
            return null; // but "with polls showing …" is an absolute clause, its own subject and verb
        }
        return new int[] {from, cue, head + 1};
    }

    private static final int MAX_AUXILIARIES_BEFORE_FINDING = 3;
    /** Words between a source noun and its verb: "A poll [from Marquette Law School released Wednesday] found". */
    private static final int MAX_FINDING_MODIFIER = 8;
    private static final int MAX_FINDING_PREMODIFIERS = 8;
    private static final Set<String> PASSIVE_AUXILIARIES = Set.of("was", "were", "is", "are", "be", "been", "being");
    private static final Set<String> FINDING_MODIFIER_STOPS = Set.of("and", "but", "or", "that", "which", "who", "whom", "to",
            "he", "she", "they", "we", "i", "it", "you", "said", "says", "say");
    private static final Set<String> SOURCE_DETERMINERS = Set.of("a", "an", "the", "this", "these", "those", "another",
            "its", "his", "her", "their", "our", "many", "other", "some", "most", "several", "any", "no", "every", "each",
            "one", "two", "three");

    /**
     * A passive report with its agent: "The registration issue was first reported by The Washington Post", "Trump has
     * been criticized by some of his rivals for …": the agent after "by" is the speaker and the passive's subject,
     * from the start of its clause to the auxiliary, is what the agent said or took a stance on.
     */
    private Attribution passive(Document doc, Sentence s, int cue) {
        Token verb = doc.token(cue);
        if (!verb.lower().endsWith("ed") || verb.isCapitalized() || ADDRESSEE_PASSIVES.contains(verb.lower())) {
            return null;
        }
        int aux = cue - 1;
        while (aux > s.from() && cue - aux <= MAX_PASSIVE_ADVERBS && doc.token(aux).isWord()
                && !PASSIVE_FORMS.contains(doc.token(aux).lower()) && cues.isAuxiliary(doc.token(aux))) {
            aux--; // "was first reported", "has been repeatedly criticized"
        }
        if (aux <= s.from() || !PASSIVE_FORMS.contains(doc.token(aux).lower())) {
            return null;
        }
        int by = cue + 1;
        while (by < s.to() && by - cue <= MAX_PASSIVE_ADVERBS && doc.token(by).isWord() && !doc.token(by).is("by")
                && (cues.isAuxiliary(doc.token(by)) || SpeakerPhraseFinder.isMannerAdverb(doc.token(by)))) {
            by++;
        }
        if (by + 1 >= s.to() || !doc.token(by).is("by") || doc.quoteAt(by + 1) != null) {
            return null;
        }
        int subjectEnd = aux;
        while (subjectEnd > s.from() && doc.token(subjectEnd - 1).isWord() && PASSIVE_PERFECTS.contains(doc.token(subjectEnd - 1).lower())) {
            subjectEnd--; // "has been", "had been"
        }
        int subjectStart = subjectEnd;
        while (subjectStart > s.from() && subjectEnd - subjectStart < MAX_PASSIVE_SUBJECT && doc.quoteAt(subjectStart - 1) == null) {
            Token t = doc.token(subjectStart - 1);
            if (t.isPunct(',') || t.isPunct(';') || t.isPunct(':') || isDash(t) || t.isWord() && (CLAUSE_OPENERS.contains(t.lower())
                    || RELATIVE_WORDS.contains(t.lower()))) {
                break;
            }
            subjectStart--;
        }
        if (subjectStart >= subjectEnd || subjectEnd - subjectStart >= MAX_PASSIVE_SUBJECT
                || subjectStart > s.from() && !doc.token(subjectStart - 1).isPunct(',') && !CLAUSE_OPENERS.contains(doc.token(subjectStart - 1).lower())) {
            return null;
        }
        if (subjectEnd - subjectStart == 1 && CLAUSE_SUBJECTS.contains(doc.token(subjectStart).lower())) {
            return null; // "It was declared by …": a pronoun says nothing of what was reported
        }
        Token first = doc.token(by + 1);
        if (!first.isWord() || cues.isFunctionWord(first) && !SOURCE_DETERMINERS.contains(first.lower()) || cues.isAuxiliary(first)) {
            return null; // "confirmed by now"
        }
        int agentEnd = by + 1;
        while (agentEnd < s.to() && agentEnd - by <= MAX_DESCRIBED_SOURCE && doc.quoteAt(agentEnd) == null
                && (doc.token(agentEnd).isWord() || doc.token(agentEnd).kind() == Token.Kind.POSSESSIVE
                    || doc.token(agentEnd).isPunct('.') && agentEnd + 1 < s.to())
                && !(agentEnd > by + 1 && endsAgent(doc.token(agentEnd)))) {
            agentEnd++;
        }
        Mention m = mentions.parse(doc, by + 1, agentEnd);
        if (m == null) {
            Span agent = doc.span(by + 1, agentEnd - 1);
            m = new Mention(agent, Mention.Form.GROUP, EntityType.OTHER, agent.text(), null, null);
        }
        int end = contentEnd(doc, s);
        if (agentEnd + 1 < end && doc.token(agentEnd).is("for")) {
            // "Trump has been criticized by some of his rivals for failing to …": the stance takes its reason along
            return build(doc, s, subjectStart, clauseEnd(doc, agentEnd, end), cue, cue + 1, m, subjectStart, agentEnd);
        }
        return build(doc, s, subjectStart, subjectEnd, cue, cue + 1, m, subjectStart, agentEnd);
    }

    /** A word that ends a passive's agent: a preposition other than "of", a conjunction, a verb form or an adverb. */
    private boolean endsAgent(Token t) {
        String w = t.lower();
        return !w.equals("of") && (isPreposition(t) || AGENT_STOPS.contains(w) || cues.isAuxiliary(t) || !t.isCapitalized()
                && (w.endsWith("ing") || w.endsWith("ed") || cues.isFunctionWord(t)));
    }

    private static final Set<String> AGENT_STOPS = Set.of("and", "or", "but", "that", "who", "which", "whether", "because",
            "ranging", "than", "if");
    /** Passives whose subject is the addressee, not the content: "was asked by X whether …", "was told by X that …". */
    private static final Set<String> ADDRESSEE_PASSIVES = Set.of("asked", "pressed", "questioned", "urged", "warned", "reminded",
            "assured", "informed", "advised", "encouraged");
    private static final int MAX_PASSIVE_ADVERBS = 3;
    /** Auxiliaries of a finite passive; "being expressed by" mostly opens a reduced relative ("the concerns being …"). */
    private static final Set<String> PASSIVE_FORMS = Set.of("was", "were", "is", "are", "been", "be");
    private static final int MAX_PASSIVE_SUBJECT = 15;
    private static final Set<String> PASSIVE_PERFECTS = Set.of("has", "have", "had");
    /** Words that open a clause before a passive's subject: "…, and the data was confirmed by …". */
    private static final Set<String> CLAUSE_OPENERS = Set.of("and", "but", "while", "although", "though", "because", "since",
            "after", "before", "when", "if", "as", "so");

    /**
     * The subject phrase as a mention; a whole clause-initial subject ({@link SpeakerPhraseFinder#clauseSubject}) that
     * the mention parser cannot read is a group ("Several backers of reform").
     */
    private Mention subjectMention(Document doc, int[] subject) {
        Mention m = mentions.parse(doc, subject[0], subject[1]);
        if (m == null && (subject.length > 2 || headedByNoun(doc, subject))) {
            Span whole = doc.span(subject[0], subject[1] - 1);
            m = new Mention(whole, Mention.Form.GROUP, EntityType.OTHER, whole.text(), null, null);
        }
        return m;
    }

    /**
     * A phrase that ends in a noun and holds no verb form: "Fact-checkers", "Intelligence officials", not "the", "her lead
     * in", "Perhaps most", "few people he didn't".
     */
    private boolean headedByNoun(Document doc, int[] phrase) {
        for (int k = phrase[0]; k < phrase[1]; k++) {
            Token t = doc.token(k);
            if (t.kind() == Token.Kind.POSSESSIVE && k == phrase[1] - 1 || !t.isWord() && t.kind() != Token.Kind.POSSESSIVE
                    && !t.isPunct('.') || t.isWord() && !t.isCapitalized() && (t.lower().endsWith("ed") || t.lower().endsWith("ing")
                    || t.lower().endsWith("ly") || CLAUSE_SUBJECTS.contains(t.lower()) && phrase[1] - phrase[0] > 1)) {
                return false;
            }
        }
        Token last = doc.token(phrase[1] - 1);
        return last.isWord() && !isPreposition(last) && !cues.isFunctionWord(last) && !APPOSITIVE_OPENERS.contains(last.lower())
                && !last.lower().endsWith("ly") && (last.isCapitalized() || last.lower().length() > 3);
    }

    /** The phrase that is the cue's subject: a participle's, else the phrase before the cue, else a coordinated one. */
    private int[] subjectPhrase(Document doc, int cue, int sentenceFrom) {
        int[] subject = phrases.participleSubject(doc, cue, sentenceFrom);
        if (subject == null) {
            subject = phrases.openingGerundSubject(doc, cue, sentenceFrom, doc.sentenceOf(cue).to());
        }
        if (subject == null) {
            subject = phrases.left(doc, cue, sentenceFrom);
            if (subject != null && (afterPreposition(doc, subject[0], sentenceFrom)
                    || doc.token(subject[1] - 1).is("ago"))) {
                // "A spokeswoman for the water authority said", "The ministry a week ago said": the phrase read is the
                // end of a longer subject, or a time phrase after it
                int[] whole = phrases.clauseSubject(doc, cue, sentenceFrom);
                subject = whole != null && whole[0] < subject[0] ? whole : subject;
            }
        }
        if (subject == null) {
            subject = phrases.coordinatedSubject(doc, cue, sentenceFrom);
        }
        return subject != null ? subject : phrases.clauseSubject(doc, cue, sentenceFrom);
    }

    /**
     * A phrase right after a preposition, or after a preposition and a determiner ("majorities in all five",
     * "voters in the four towns"): the end of a longer subject.
     */
    private boolean afterPreposition(Document doc, int phraseStart, int sentenceFrom) {
        int k = phraseStart - 1;
        if (k > sentenceFrom && doc.token(k).isWord() && DETERMINERS_AFTER_PREPOSITION.contains(doc.token(k).text())) {
            k--;
        }
        return k > sentenceFrom && isPreposition(doc.token(k));
    }

    private static final Set<String> DETERMINERS_AFTER_PREPOSITION = Set.of("the", "all", "both", "each", "every", "its", "their",
            "his", "her", "these", "those");

    /**
     * An intention as its subject's ("Clinton wants to sign up …", "The department plans to post …"), read as a
     * commitment; not inside a report already found ("said he … wanted to see for himself" is the report's), and not
     * in a relative clause ("Democrats, who want to keep the White House, …": annotated in under half the cases).
     */
    private Attribution intention(Document doc, Sentence s, int cue, List<Attribution> found) {
        if (insideContent(doc, found, cue)) {
            return null;
        }
        Attribution a = verb(doc, s, cue, found);
        return a == null || a.speaker() == null || a.speaker().form() == Mention.Form.RELATIVE ? null : a;
    }

    private Attribution verb(Document doc, Sentence s, int cue, List<Attribution> found) {
        int end = contentEnd(doc, s);
        // a participle after an attribution shares its subject: "…, the treasurer said, adding that …"
        Mention shared = isParticiple(doc.token(cue)) ? Attribution.sharedSubject(found, s, doc, cue) : null;
        int copula = cues.intentionCopula(doc, cue); // "are eager to": the subject is the copula's
        int[] subject = shared != null ? null : Cues.isTopicInfinitive(doc, cue)
                ? phrases.infinitiveSubject(doc, cue - 1, s.from()) : subjectPhrase(doc, copula >= 0 ? copula : cue, s.from());
        if (subject == null && shared == null && afterCoordinator(doc, cue, s.from())) {
            // "Comey called it “careless,” but said she should face no charges": the verb coordinated with an
            // attributed one shares its speaker
            shared = Attribution.sharedSubject(found, s, doc, cue);
        }
        if (Cues.isRefusalToSpeak(doc, cue)) {
            // "declined to comment (on the audit)": the refusal is what is reported; a described subject may open the
            // sentence and run up to the cue ("A spokeswoman for the utility declined …")
            int[] whole = phrases.right(doc, s.from(), cue);
            if (whole != null && whole[1] == cue) {
                subject = whole;
            }
            Mention m = shared != null ? shared : subject == null ? null : subjectMention(doc, subject);
            Token afterTo = doc.token(cue + 2);
            boolean adverb = afterTo.text().length() > 4 && afterTo.lower().endsWith("ly") && !afterTo.isCapitalized();
            int inner = adverb ? cue + 3 : cue + 2; // the refused verb: "declined to publicly detail"
            if (inner + 1 < end && doc.token(inner + 1).isWord() && doc.quoteAt(inner + 1) == null
                    && !PREPOSITIONS.contains(doc.token(inner + 1).lower())) {
                // "refused to discuss the matter": the refused speech act is the cue as a whole ("refused to discuss"),
                // its object the content; "declined to comment (on …)" keeps the refusal as its content
                return build(doc, s, inner + 1, objectEnd(doc, inner + 1, end), cue, inner + 1, m, s.from(), end);
            }
            return build(doc, s, cue + 1, objectEnd(doc, cue + 1, end), cue, cue + 1, m, s.from(), end);
        }
        if (cues.isCommitment(doc, cue) || cues.isIntention(doc, cue)) {
            // "pledged to rebuild the bridge": the commitment is the infinitive clause, "to" included
            Mention m = shared != null ? shared : subject == null ? null : subjectMention(doc, subject);
            return build(doc, s, cue + 1, subordinateClauseEnd(doc, s, cue, cue + 1, clauseEnd(doc, cue + 1, end)), cue,
                    cue + 1, m, s.from(), cue + 1);
        }
        int after = cue + 1 + Cues.particleAfter(doc, cue); // "pointed out that …"
        if (Cues.isTell(doc.token(cue))) {
            after = skipToldObject(doc, after, end);
        }
        after = adverbials.skip(doc, after, end);
        if (after < end && (doc.token(after).isPunct(':') || doc.token(after).isPunct(',') && after + 1 < end && doc.quoteAt(after + 1) != null)) {
            return null; // "X said: “…”" belongs to the direct-quote rules
        }
        if (after < end && isDash(doc.token(after))) {
            int that = thatAfterDashAside(doc, after, end);
            if (that < 0) {
                return contentBefore(doc, s, cue, subject); // "…, X said Friday — an apparent reference to …"
            }
            after = that; // "said — on the radio, as it happens — that …"
        }
        if (after < end && after > cue + 1 && doc.token(after).kind() == Token.Kind.POSSESSIVE) {
            // "said during last week’s council meeting that …": the time phrase skipped above is a possessive's
            int that = thatWithin(doc, after + 1, end);
            if (that >= 0) {
                after = that;
            }
        }
        if (after < end && isPreposition(doc.token(after))) {
            // "said in an email that …" reads on after "that"; "…, X said in New York." is content-before
            int that = thatWithin(doc, after, end);
            int question = that < 0 ? questionWithin(doc, after, end) : -1;
            int clause = that < 0 && question < 0 ? pronounClauseAfterPhrase(doc, after, end) : -1;
            if (question > 0) {
                after = question; // "explained to the college president why he stood": the question is the content
            } else if (clause > 0) {
                after = clause; // "said after the convention he would not accept it": a that-less clause after the phrase
            } else if (that < 0) {
                return end - after <= MAX_TRAILING_PHRASE ? contentBefore(doc, s, cue, subject) : null;
            } else {
                after = that;
            }
        }
        if (after + 1 < end && after == cue + 1 && doc.token(after).isPunct(',') && doc.token(after + 1).is("that")
                && !Cues.isThatTime(doc, after + 1, lexicons)) {
            after++; // "He added, that there’s a strong emphasis on …": a stray comma before the complementizer
        }
        boolean that = after < end && doc.token(after).is("that");
        if (that) {
            after++;
        }
        if (after >= end) {
            return contentBefore(doc, s, cue, subject);
        }
        if (!that && (Cues.needsThat(doc.token(cue)) || cues.needsClause(doc.token(cue)) && !opensClause(doc, after))) {
            return null;
        }
        boolean pause = false;
        while (after < end && !startsClause(doc, after)) {
            after++; // "said — …", "said, for young voters, …": the content starts at the next word
            pause = true;
        }
        if (subject != null && pause && (after >= end || continuesOtherwise(doc.token(after)))) {
            return contentBefore(doc, s, cue, subject); // "…, he said, adding that …": the report came first
        }
        if (subject == null && shared == null && cue - 1 > s.from() && doc.token(cue - 1).isPunct(',')) {
            return contentBefore(doc, s, cue, null); // "…, said several union organizers."
        }
        if (subject == null && shared == null || after >= end || pause && continuesOtherwise(doc.token(after))) {
            return null;
        }
        if (pause && subject != null && subject[0] - 1 > s.from() && doc.token(subject[0] - 1).isPunct(',')
                && doc.token(cue + 1).isPunct(',') && thatAfterAside(doc, after, end) < 0) {
            // "To understand it, Roberts said, one should visit": the report runs on both sides of its attribution
            Mention m = subjectMention(doc, subject);
            return build(doc, s, s.from(), clauseEnd(doc, after, end), cue, cue + 1, m, subject[0], cue + 1);
        }
        if (pause) {
            int asideThat = thatAfterAside(doc, after, end);
            after = asideThat < 0 ? after : asideThat + 1; // "said, per a translator, that …"
        }
        Mention m = shared != null ? shared : subjectMention(doc, subject);
        if (SUPPORT_VERBS.contains(doc.token(cue).lower()) && !holdsAnOpinion(m)) {
            return null;
        }
        int contentEnd = cues.takesObject(doc.token(cue)) && !that ? objectEnd(doc, after, end) : clauseEnd(doc, after, end);
        if (!pause) {
            contentEnd = subordinateClauseEnd(doc, s, cue, after, contentEnd);
        }
        // "claimed victory in a tweet", "said Obama founded ISIS on Wednesday at a rally": the speaker's occasion
        // closing the sentence is the reporter's, not the report's
        contentEnd = adverbials.closingOccasion(doc, after, contentEnd);
        if (m != null && m.form() == Mention.Form.RELATIVE && inAsideRelative(doc, m)) {
            // "Trump, who has said that single-payer health care works, defended the plan": the report ends with the
            // relative clause set off by commas; the main clause's predicate follows
            contentEnd = Math.min(contentEnd, firstCommaOrEnd(doc, after, contentEnd));
        }
        // the complementizer belongs to the reported clause: "said that the plan would pass" reports "that the plan …"
        int contentStart = that && doc.token(after - 1).is("that") ? after - 1 : after;
        return build(doc, s, contentStart, contentEnd, cue, cue + 1, m, s.from(), contentStart);
    }

    /** Stance verbs that report a stance only when people hold it (see {@link #holdsAnOpinion}). */
    private static final Set<String> SUPPORT_VERBS = Set.of("supports", "supported");

    /**
     * Support is a stance only when people hold it: "Roloson supports Clinton", "Sanders supports raising the minimum
     * wage". A state's or an organization's support is as often aid as an opinion ("U.S. supports international
     * monitoring"), and "a voter who supports Trump" names the voter by an allegiance rather than reporting a stance.
     */
    private static boolean holdsAnOpinion(Mention m) {
        return m != null && m.form() != Mention.Form.RELATIVE
                && m.type() != EntityType.COUNTRY && m.type() != EntityType.ORGANIZATION && m.type() != EntityType.LOCATION;
    }

    /** The relative pronoun follows a comma or a dash: a non-restrictive clause, which a comma closes. */
    private static boolean inAsideRelative(Document doc, Mention relative) {
        int k = doc.tokenAt(relative.span().start()) - 1;
        return k >= 0 && (doc.token(k).isPunct(',') || isDash(doc.token(k)));
    }

    /**
     * Where the reported clause ends: at the sentence end, or earlier where the sentence goes on with something
     * the speaker is not reported to have said: a dash-set aside or a semicolon. (A relative clause after a comma is
     * kept: annotators read it as part of the report more often than not.) Quoted words never end it.
     */
    private int clauseEnd(Document doc, int from, int end) {
        for (int k = from + 1; k < end; k++) {
            if (doc.quoteAt(k) != null) {
                continue;
            }
            Token t = doc.token(k);
            if (isClauseDash(doc, k)) {
                int closing = closingDash(doc, k, end);
                if (closing < 0) {
                    return k;
                }
                k = closing; // "said the party's ground operation — staffed by 3,100 organizers — is having an impact"
                continue;
            }
            if (t.isPunct(';')) {
                return k;
            }
            if (t.isPunct(',')) {
                int aside = commaAsideEnd(doc, k, end);
                if (aside > 0) {
                    k = aside; // "that economic inequality, though it existed, was not the flashpoint"
                    continue;
                }
            }
            if ((t.is("and") || t.is("but")) && k + 1 < end && isCueParticiple(doc, k + 1)) {
                // "said the plan was wrong and suggesting that …": the reporter's participle opens another report
                return doc.token(k - 1).isPunct(',') ? k - 1 : k;
            }
            if (doc.token(k - 1).isPunct(',') && t.is("and") && newSubjectAndCue(doc, k + 1, end)) {
                // "said he would run, and other party leaders said …": a clause with its own speaker
                return k - 1;
            }
            if (doc.token(k - 1).isPunct(',') && t.is("and") && k + 2 < end && startsPastPredicate(doc, k + 1)) {
                // "said the GOP must be a party of ideas, and has championed an agenda …": after a comma, a past verb
                // with no subject of its own goes on with the speaker's doings, not the report
                return k - 1;
            }
            if ((t.is("and") || t.is("but")) && k + 1 < end && startsNewPredicate(doc, k + 1)) {
                // "said he would not own the planes, but agreed that …": the subject goes on to do something else
                return doc.token(k - 1).isPunct(',') ? k - 1 : k;
            }
            if (doc.token(k - 1).isPunct(',') && t.is("compared") && k + 1 < end
                    && (doc.token(k + 1).is("with") || doc.token(k + 1).is("to"))) {
                // "said the plan would be better, compared with 41 percent for …": the reporter's comparison
                return k - 1;
            }
            if (doc.token(k - 1).isPunct(',') && closingAppositive(doc, k, end)) {
                // "said she would campaign in Ohio and Iowa, two states where …": the reporter's gloss on the last noun
                return k - 1;
            }
            if (doc.token(k - 1).isPunct(',') && (t.is("which") || t.is("who")) && !commaBefore(doc, k + 1, end)) {
                // "said she would close the bridge over the flood, which is expected Friday": a closing relative
                // clause on the report's last noun is the reporter's gloss
                return k - 1;
            }
            if (doc.token(k - 1).isPunct(',') && t.is("and") && k + 2 < end && SUBJECT_PRONOUNS.contains(doc.token(k + 1).lower())
                    && startsVerbPhrase(doc.token(k + 2))) {
                // "said the budget is the problem, and he attacked the council": a new clause with a subject of its own
                return k - 1;
            }
            if (t.is("and") && k + 2 < end && SUBJECT_PRONOUNS.contains(doc.token(k + 1).lower()) && cues.verbAt(doc, k + 2) > 0
                    && !cues.needsClause(doc.token(k + 2))) {
                // "said hackers broke into the committee's computers and she accused Trump of …": without a comma too, a
                // pronoun with a cue verb of its own opens the next report (not a belief: "said the system is complex
                // and he feels he can win" reports both)
                return doc.token(k - 1).isPunct(',') ? k - 1 : k;
            }
            if (doc.token(k - 1).isPunct(',') && t.is("but") && secondComplement(doc, k + 1, end)) {
                k++; // "said the U.S. must secure the border, but that he would not support mass deportation": the cue's second clause
                continue;
            }
            if (doc.token(k - 1).isPunct(',') && t.is("with") && withSubjectAndCue(doc, k + 1, end)) {
                // "criticized the decision, with the former secretary of state calling the move “deeply troubling.”": an
                // absolute clause with a speaker and a cue of its own is the next report
                return k - 1;
            }
            int comma = commaEnding(doc, k);
            if (comma == k && newSubjectAndCue(doc, k, end)) {
                // "said the levy failed because “nobody came,” she said.": the quoted fragment's own attribution follows
                // it, and ends the report with the quote
                return comma;
            }
            if (comma >= 0 && k + 1 < end && (CONTRASTS.contains(t.lower()) || isCueParticiple(doc, k)
                    || opensParticipleClause(doc, k, end))) {
                // "said the plan would pass, but critics doubted it" / "urged a delay, saying …" / "wants to sign up 5
                // million people, focusing on people under 30": after a comma, a contrast or a participle clause
                // (the reporter's account of what the subject does, often after an adverb) opens a clause of its own
                return comma;
            }
        }
        return end;
    }

    /**
     * Where a report ends at a comma right before token {@code k}: the comma itself, or, when the comma closes a quote
     * ("promised “jobs, jobs, jobs,” but …": American style puts it inside the marks), just after the closing mark,
     * so that the quote stays whole. @return the content's end token (exclusive), or -1 when no comma precedes
     */
    private static int commaEnding(Document doc, int k) {
        if (doc.token(k - 1).isPunct(',')) {
            return k - 1;
        }
        Quote q = k >= 2 ? doc.quoteAt(k - 1) : null;
        return q != null && q.closed() && q.lastToken() == k - 1 && doc.token(k - 2).isPunct(',') ? k : -1;
    }

    /**
     * "that" at {@code k} opening a clause ("but that he would not …"), not a demonstrative subject ("but that was
     * before …"): the word after it is no auxiliary or verb.
     */
    private boolean secondComplement(Document doc, int k, int end) {
        return k + 2 < end && doc.token(k).is("that") && doc.token(k + 1).isWord() && !cues.isAuxiliary(doc.token(k + 1))
                && cues.verbAt(doc, k + 1) == 0 && !startsVerbPhrase(doc.token(k + 1));
    }

    /** "…, X said Wednesday." / "…, said X." */
    private Attribution contentBefore(Document doc, Sentence s, int cue, int[] subject) {
        Mention m;
        int comma;
        int end = contentEnd(doc, s);
        int attributionEnd; // the token after the speaker, cue and adverbials (a description after an inverted name is unbounded)
        if (subject != null) {
            comma = subject[0] - 1;
            m = subjectMention(doc, subject);
            attributionEnd = adverbials.skip(doc, cue + 1 + Cues.particleAfter(doc, cue), end);
        } else if (Cues.isTell(doc.token(cue))) {
            return null; // "…, told X": X is the addressee
        } else {
            comma = cue - 1;
            int[] inverted = phrases.right(doc, cue + 1, s.to());
            boolean describedAfter = inverted != null && inverted[1] < s.to() && doc.token(inverted[1]).isPunct(',');
            // a date, an occasion or a place may follow the name: "…, says political scientist X in Almaty."
            if (inverted == null || !describedAfter && adverbials.skip(doc, inverted[1], end) < end
                    && placeAfter(doc, inverted[1], end) < end) {
                return null; // a description may follow the name: "…, said Dana Whitfield, a pollster who …"
            }
            m = mentions.parse(doc, inverted[0], inverted[1]);
            attributionEnd = describedAfter ? end : inverted[1];
        }
        if (comma <= s.from() || !doc.token(comma).isPunct(',')) {
            return null;
        }
        if (attributionEnd + 1 < end && doc.token(attributionEnd).isPunct(',') && doc.token(attributionEnd + 1).isWord()
                && doc.quoteAt(attributionEnd + 1) == null && !isCueParticiple(doc, attributionEnd + 1)
                && !doc.token(attributionEnd + 1).is("and")) {
            // "Whatever progress he has made, officials said, could unravel": the report runs on both sides of its
            // attribution, so it is the whole sentence
            return build(doc, s, s.from(), clauseEnd(doc, attributionEnd + 1, end), cue, cue + 1, m, comma, attributionEnd);
        }
        return build(doc, s, s.from(), comma, cue, cue + 1, m, comma, s.to());
    }

    private Attribution accordingTo(Document doc, Sentence s, int cue) {
        int end = contentEnd(doc, s);
        int[] named = phrases.right(doc, cue + 2, s.to());
        int[] described = describedSource(doc, cue + 2, s.to());
        int[] source = named != null && named[1] > cue + 2 && (described == null || named[1] >= described[1]) ? named : described;
        if (source == null) {
            return null;
        }
        Mention m = source == described ? mentions.parse(doc, described[0], described[2]) : mentions.parse(doc, source[0], source[1]);
        if (m == null && described != null) {
            // a document, a dataset or a report: "according to data released Friday by state regulators"
            Span head = doc.span(described[0], described[2] - 1);
            m = new Mention(head, Mention.Form.GROUP, EntityType.OTHER, head.text(), null, null);
        }
        int sourceEnd = source == described ? described[1] : source[1];
        boolean commaAfter = sourceEnd < end && doc.token(sourceEnd).isPunct(',');
        boolean commaBefore = cue - 1 > s.from() && doc.token(cue - 1).isPunct(',');
        if (commaBefore && commaAfter && describesSource(doc, sourceEnd + 1, end)) {
            // "…, according to John Weaver, a Republican strategist.": the words after the source describe it, so the
            // report is the clause before the cue, not the whole sentence or what follows
            return build(doc, s, s.from(), cue - 1, cue, cue + 2, m, cue, s.to());
        }
        if (commaAfter && (cue == s.from() || commaBefore && SUBORDINATORS.contains(doc.token(s.from()).lower()))) {
            // "According to X, …" and "While …, according to X, …": the report follows the source
            return build(doc, s, sourceEnd + 1, end, cue, cue + 2, m, cue, sourceEnd);
        }
        if (commaBefore && commaAfter && sourceEnd + 1 < end) {
            // "Fundraising, according to the campaign, has surged": the source interrupts the report, which is the
            // whole sentence around it
            return build(doc, s, s.from(), end, cue, cue + 2, m, cue, sourceEnd);
        }
        if (commaBefore) {
            return build(doc, s, s.from(), cue - 1, cue, cue + 2, m, cue, s.to());
        }
        return null;
    }

    /** Nouns that make "in X's …" a source's say: "in Bolton's view", "in Forbes' words", "in the senator's opinion". */
    private static final Set<String> VIEW_NOUNS = Set.of("view", "words", "opinion", "estimation", "judgment", "judgement");
    private static final int MAX_VIEWED_SOURCE = 5;

    /**
     * "in Professor Knittel's view", "in Forbes’ words": "in" + a capitalised name (a title may open it) + a
     * possessive + a noun of view. Not a pronoun ("in my view", "in his view": whose view the clause already says),
     * not "in other words". @return the noun's index, or -1
     */
    private int viewedSourceNoun(Document doc, int in, int limit) {
        if (!doc.token(in).is("in") || doc.quoteAt(in) != null || in + 2 >= limit || !doc.token(in + 1).isCapitalized()) {
            return -1;
        }
        for (int k = in + 1; k + 1 < limit && k - in <= MAX_VIEWED_SOURCE; k++) {
            Token t = doc.token(k);
            boolean bareApostrophe = isBareApostrophe(doc, k);
            if (!bareApostrophe && (doc.quoteAt(k) != null || !t.isWord() && t.kind() != Token.Kind.POSSESSIVE)) {
                return -1;
            }
            if (bareApostrophe || t.kind() == Token.Kind.POSSESSIVE) {
                Token noun = doc.token(k + 1);
                return k > in + 1 && noun.isWord() && VIEW_NOUNS.contains(noun.lower()) ? k + 1 : -1;
            }
        }
        return -1;
    }

    /** "Forbes’": an apostrophe written against a word ending in "s", with a word after it. */
    private static boolean isBareApostrophe(Document doc, int k) {
        Token t = doc.token(k);
        if (k == 0 || t.isWord() || t.text().length() != 1 || "’'".indexOf(t.text().charAt(0)) < 0) {
            return false;
        }
        Token before = doc.token(k - 1);
        return before.isWord() && before.end() == t.start() && before.lower().endsWith("s");
    }

    /**
     * "in X's view" places a report like "according to X": "…, in Bolton’s view." reports the clause before it; "In
     * X's view, …" and "because, in Forbes’ words, “…”" the clause after it; "The only other necessary action, in
     * Professor Knittel's view, would be …" the whole sentence around it.
     */
    private Attribution inSourcesView(Document doc, Sentence s, int in, int noun) {
        int end = contentEnd(doc, s);
        int possessive = noun - 1;
        Mention m = mentions.parse(doc, in + 1, possessive);
        boolean commaBefore = in - 1 > s.from() && doc.token(in - 1).isPunct(',');
        boolean commaAfter = noun + 1 < end && doc.token(noun + 1).isPunct(',');
        if (commaAfter && (in == s.from() || commaBefore && in - 2 >= s.from()
                && OPENING_SUBORDINATORS.contains(doc.token(in - 2).lower()))) {
            return build(doc, s, noun + 2, end, in, noun + 1, m, in, noun + 1);
        }
        if (commaBefore && commaAfter) {
            return build(doc, s, s.from(), end, in, noun + 1, m, in, noun + 1);
        }
        if (commaBefore && noun + 1 >= end) {
            return build(doc, s, s.from(), in - 1, in, noun + 1, m, in, s.to());
        }
        return null;
    }

    /**
     * A description of a source after its comma: "a Republican strategist", "including one from Monmouth University",
     * "who runs the clinic", "head of the National Center for …" (a lowercase title before "of", "at" or "for").
     */
    private static boolean describesSource(Document doc, int from, int end) {
        if (from >= end || !doc.token(from).isWord() || doc.quoteAt(from) != null) {
            return false;
        }
        String w = doc.token(from).text();
        if (SOURCE_DESCRIPTION_OPENERS.contains(w)) {
            return true;
        }
        return from + 1 < end && Character.isLowerCase(w.charAt(0)) && !w.endsWith("ed") && !w.endsWith("ly")
                && SOURCE_TITLE_LINKS.contains(doc.token(from + 1).lower());
    }

    private static final Set<String> SOURCE_TITLE_LINKS = Set.of("of", "at", "for");
    /** Not "the" or a number, which open the report's own subject as often ("…, according to a clerk, three were opened"). */
    private static final Set<String> SOURCE_DESCRIPTION_OPENERS = Set.of("a", "an", "including", "who", "whose", "which");

    /**
     * "according to internal documents made public …": a source described in plain words runs to the next comma or
     * the sentence end, bounded (words joined by dots or hyphens count as one: "F.A.A.", "ouest-france.fr"; a
     * possessive stays inside: "according to Band's memo"); its head
     * is what the mention parser reads.
     * @return {from, end, head end}, or null
     */
    private static int[] describedSource(Document doc, int from, int limit) {
        int k = from;
        while (k < limit && k - from < MAX_DESCRIBED_SOURCE && doc.quoteAt(k) == null
                && (doc.token(k).isWord() || k > from && doc.token(k).kind() == Token.Kind.POSSESSIVE
                    || k > from && attached(doc, k) && !doc.token(k).isPunct(','))) {
            k++;
        }
        if (k == from || k < limit && doc.token(k).isWord()) {
            return null;
        }
        // the mention is the noun phrase before any modifier: "internal records [made public in a lawsuit]"
        int head = from;
        while (head < k && head - from < 4 && !isPreposition(doc.token(head)) && !MODIFIER_STARTS.contains(doc.token(head).lower())
                && !(head > from && doc.token(head).lower().endsWith("ed"))) {
            head++;
        }
        return new int[] {from, k, head > from ? head : k};
    }

    /** A token written against the one before it, with no space: the dot of "F.A.A." or "ouest-france.fr". */
    private static boolean attached(Document doc, int k) {
        return doc.token(k - 1).end() == doc.token(k).start() && k + 1 < doc.size() && doc.token(k).end() == doc.token(k + 1).start();
    }

    private Attribution build(Document doc, Sentence s, int from, int to, int cueFrom, int cueTo, Mention m,
                              int contextFrom, int contextTo) {
        if (m == null) {
            return null;
        }
        ContentClassifier.Content c = classifier.classify(doc, from, to, m);
        if (c == null || doc.isExcluded(from)) {
            return null;
        }
        return new Attribution(c.kind(), c.start(), c.end(), cueFrom, cueTo, m, s, contextFrom, contextTo);
    }

    /** After "told": up to "that" when it comes soon, else past the addressee ("told reporters …"). */
    private int skipToldObject(Document doc, int from, int end) {
        for (int k = from; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            Token t = doc.token(k);
            if (t.is("that")) {
                return k;
            }
            if (!t.isWord() || doc.quoteAt(k) != null) {
                break;
            }
        }
        if (from < end && doc.token(from).isWord() && isObjectPronoun(doc.token(from))) {
            return from + 1;
        }
        int[] object = phrases.right(doc, from, end);
        return object == null ? from : object[1];
    }

    /** A stance verb's object ends at the first comma outside quotes: "rejected the proposal on Tuesday, saying …". */
    private int objectEnd(Document doc, int from, int end) {
        // "praised the plan in a statement on Thursday": the speaker's occasion is no part of the object
        int clause = adverbials.occasionWithin(doc, from + 1, clauseEnd(doc, from, end));
        int named = namedObjectEnd(doc, from, clause);
        if (named < clause) {
            return named; // "attacked Machado in early-morning tweets": the object is the name
        }
        for (int k = from + 1; k < clause; k++) {
            Quote q = doc.quoteAt(k);
            if (q != null) {
                k = Math.max(k, q.lastToken());
            } else if (doc.token(k).isPunct(',')) {
                int aside = commaAsideEnd(doc, k, clause);
                if (aside > 0) {
                    k = aside; // "accused Rafael Cruz, who was born in Cuba, of associating with …"
                    continue;
                }
                int list = listEnd(doc, k, clause);
                if (list < 0) {
                    return k;
                }
                k = list - 1; // "discussed his new book, his campaign and the polls": the object is the whole list
            } else if (doc.token(k).is("despite")) {
                return k; // "predicting a close primary despite his lead in the polls": the concession is the reporter's
            } else if ((doc.token(k).is("and") || doc.token(k).is("but")) && k + 1 < clause
                    && (startsVerbPhrase(doc.token(k + 1)) || k + 2 < clause && ADVERBS_BEFORE_VERB.contains(doc.token(k + 1).lower())
                        && startsVerbPhrase(doc.token(k + 2)))) {
                return k; // "questioned the deal and refused to sign it": the object ends where the subject's next verb starts
            }
        }
        return clause;
    }

    /** Tokens a comma list of noun phrases may span after its first item. */
    private static final int MAX_LIST_TOKENS = 16;
    private static final Set<String> NOT_IN_NOUN_LIST = Set.of("which", "who", "whom", "whose", "that", "where", "when",
            "while", "because", "including", "as", "if", "but", "he", "she", "they", "we", "i", "it", "not");

    /**
     * A comma after an object's first noun phrase that goes on as a list closed by "and"/"or" ("mentioned the network's
     * Jake Tapper, Dana Bash and Wolf Blitzer", "calling himself the first gentleman, first husband or even first
     * dude"): words only, no verb, pronoun or clause opener, up to the clause end or the next comma after the last item.
     * @return the index where the list ends, or -1 when the comma ends the object
     */
    private int listEnd(Document doc, int comma, int clause) {
        boolean closed = false;
        int k = comma + 1;
        for (; k < clause && k <= comma + MAX_LIST_TOKENS; k++) {
            Token t = doc.token(k);
            if (t.isPunct(',')) {
                if (closed) {
                    return k;
                }
                continue;
            }
            if (doc.quoteAt(k) != null || !(t.isWord() || t.kind() == Token.Kind.POSSESSIVE || t.isPunct('-'))) {
                return -1;
            }
            if (t.is("and") || t.is("or")) {
                if (closed || k + 1 >= clause || startsVerbPhrase(doc.token(k + 1))) {
                    return -1;
                }
                closed = true;
                continue;
            }
            if (NOT_IN_NOUN_LIST.contains(t.lower()) || cues.isAuxiliary(t) || cues.verbAt(doc, k) > 0
                    || !t.isCapitalized() && (t.lower().endsWith("ing") || startsVerbPhrase(t))) {
                return -1;
            }
        }
        return closed && (k >= clause || doc.token(k).isPunct(',')) ? k : -1;
    }

    /**
     * An object that is a pronoun or a name ("it", "Machado", "Gov. Ann Lee") ends at a prepositional phrase after it
     * ("… in early-morning tweets", "… since the debate", "… as an example of …"); "of" and a possessive belong to it.
     * @return the preposition's index, or {@code to}
     */
    private static int namedObjectEnd(Document doc, int from, int to) {
        int k = from;
        if (k < to && doc.token(k).isWord() && OBJECT_PRONOUNS.contains(doc.token(k).lower())) {
            k++;
        } else {
            while (k < to && doc.quoteAt(k) == null && (doc.token(k).isCapitalized() || k > from && doc.token(k).isPunct('.')
                    && doc.token(k - 1).end() == doc.token(k).start())) {
                k++;
            }
        }
        if (k == from || k >= to || !doc.token(k).isWord() || !OBJECT_END_PREPOSITIONS.contains(doc.token(k).lower())
                || doc.token(k).is("as") && characterizes(doc, from)) {
            return to;
        }
        return k;
    }

    /**
     * The object at {@code from} follows a verb that casts it as something ("dismissed Walker as an ineffective leader",
     * "referred to him as “the most beautiful soul”"): the description after "as" is what the speaker said of it.
     */
    private static boolean characterizes(Document doc, int from) {
        int verb = from - 1 > 0 && doc.token(from - 1).is("to") ? from - 2 : from - 1;
        if (verb < 0 || !doc.token(verb).isWord()) {
            return false;
        }
        String w = doc.token(verb).lower();
        return CHARACTERIZING_STEMS.stream().anyMatch(w::startsWith);
    }

    /** Stems of verbs that take "X as Y": the speaker's description of X ("cited it as an example" is the reporter's). */
    private static final List<String> CHARACTERIZING_STEMS = List.of("dismiss", "describ", "refer", "attack",
            "portray", "brand", "label", "paint", "criticiz", "criticis", "denounc", "prais", "hail", "tout", "slam", "blast",
            "mock", "ridicul", "lambast", "condemn", "depict", "characteriz", "characteris", "decri");

    private static final Set<String> OBJECT_PRONOUNS = Set.of("it", "him", "her", "them", "us", "me");
    private static final Set<String> OBJECT_END_PREPOSITIONS = Set.of("in", "since", "during", "as", "on", "at", "after",
            "before", "over", "with", "from", "by", "while", "when", "last", "this");

    /** A lowercase past form or a finite auxiliary: "and refused", "and said", "and has …", a new verb phrase, not a noun. */
    private static boolean startsVerbPhrase(Token t) {
        String w = t.lower();
        return t.isWord() && !t.isCapitalized() && (w.length() > 4 && w.endsWith("ed") || VERB_PHRASE_OPENERS.contains(w));
    }

    /** Token {@code i} lies in the content of an attribution found earlier in the same or a previous sentence. */
    private static boolean insideContent(Document doc, List<Attribution> found, int i) {
        int offset = doc.token(i).start();
        for (int k = found.size() - 1; k >= 0 && k >= found.size() - NESTING_LOOKBACK; k--) {
            Attribution a = found.get(k);
            if (a.contentStart() <= offset && offset < a.contentEnd()) {
                return true;
            }
        }
        return false;
    }

    /** A coordinated verb of the reporting subject: a cue verb ("and pledged"), or "has"/"also" before one. */
    /**
     * The cue stands in a subordinate clause opening the sentence ("While Trump said …, critics …", "Years after X
     * claimed that …, Y …"): a subordinator within the first two words, and no comma before the cue.
     */
    private static boolean inOpeningSubordinateClause(Document doc, Sentence s, int cue) {
        boolean opens = false;
        for (int k = s.from(); k < cue && k < s.from() + 2; k++) {
            opens |= doc.token(k).isWord() && OPENING_SUBORDINATORS.contains(doc.token(k).lower());
        }
        return opens && !commaBefore(doc, s.from(), cue);
    }

    private static final Set<String> OPENING_SUBORDINATORS = Set.of("while", "although", "though", "whereas", "when",
            "because", "since", "after", "before", "if", "once", "until", "unless", "as");

    /**
     * "While Trump said the wall would work, critics doubted it", "While Clinton pledged to work with both parties,
     * Sanders insisted …": a report in a subordinate clause opening the sentence ends with that clause, at its first
     * comma; the main clause follows. @return the content's end, {@code end} when the cue is in no such clause
     */
    private static int subordinateClauseEnd(Document doc, Sentence s, int cue, int contentStart, int end) {
        return inOpeningSubordinateClause(doc, s, cue) ? Math.min(end, firstCommaOrEnd(doc, contentStart, end)) : end;
    }

    /** The first comma outside quotes in [from, to), or {@code to}. */
    private static int firstCommaOrEnd(Document doc, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            Quote q = doc.quoteAt(k);
            if (q != null) {
                k = Math.max(k, q.lastToken());
            } else if (doc.token(k).isPunct(',')) {
                return k;
            }
        }
        return to;
    }

    /** A comma (outside quotes) in [from, to). */
    private static boolean commaBefore(Document doc, int from, int to) {
        for (int k = from; k < to; k++) {
            if (doc.token(k).isPunct(',') && doc.quoteAt(k) == null) {
                return true;
            }
        }
        return false;
    }

    private boolean startsNewPredicate(Document doc, int k) {
        Token t = doc.token(k);
        if (!t.isWord() || t.isCapitalized()) {
            return false;
        }
        if ((t.is("has") || t.is("also") || t.is("then") || t.is("later")) && k + 1 < doc.size()) {
            t = doc.token(k + 1);
            k++;
        }
        return cues.verbAt(doc, k) == 1 && (t.lower().endsWith("ed") || IRREGULAR_PAST_CUES.contains(t.lower()));
    }

    /** A past form ("-ed", after has/have/had or an adverb of sequence) with no subject before it: "has championed". */
    private boolean startsPastPredicate(Document doc, int k) {
        if (doc.token(k).isWord() && (PERFECT_AUXILIARIES.contains(doc.token(k).lower()) || ADVERBS_BEFORE_VERB.contains(doc.token(k).lower()))) {
            k++;
        }
        Token t = doc.token(k);
        return t.isWord() && !t.isCapitalized() && t.lower().endsWith("ed") && t.lower().length() > 4
                && !cues.isFunctionWord(t);
    }

    private static final Set<String> PERFECT_AUXILIARIES = Set.of("has", "have", "had");

    /**
     * A participle opening an adjunct clause at {@code k}, after at most one adverb: "focusing on …", "often citing
     * …", "implicitly putting …"; not an "-ing" preposition ("including", "according to") or noun ("something",
     * "the meeting"), nor a participle that ends the sentence.
     */
    private static boolean opensParticipleClause(Document doc, int k, int end) {
        Token t = doc.token(k);
        if (t.isWord() && !t.isCapitalized() && (t.lower().endsWith("ly") || t.is("even") || t.is("often")) && k + 1 < end) {
            t = doc.token(++k);
        }
        return isParticiple(t) && t.text().length() > 5 && !NOT_PARTICIPLES.contains(t.lower()) && k + 1 < end
                && doc.token(k + 1).isWord() && doc.quoteAt(k) == null && !gerundSubject(doc, k + 1, end);
    }

    /** "…, instituting these goals will not be easy": a finite verb after a few words makes the gerund a subject. */
    private static boolean gerundSubject(Document doc, int from, int end) {
        for (int j = from; j < end && j < from + MAX_CLAUSE_SUBJECT; j++) {
            Token t = doc.token(j);
            if (!t.isWord() && t.kind() != Token.Kind.POSSESSIVE) {
                return false;
            }
            if (FINITE_VERBS.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** "-ing" words that open no participle clause: prepositions and nouns. */
    private static final Set<String> NOT_PARTICIPLES = Set.of("including", "according", "during", "regarding",
            "concerning", "following", "excluding", "notwithstanding", "pending", "something", "nothing", "anything",
            "everything", "morning", "evening", "building", "meeting", "spending", "funding", "polling", "housing",
            "training", "warning", "hearing", "ruling", "shooting", "bombing", "beginning", "wedding", "ceiling");

    /** A lowercase "-ing" form of a cue verb: "saying", "adding", "citing". */
    private boolean isCueParticiple(Document doc, int k) {
        Token t = doc.token(k);
        return isParticiple(t) && cues.verbAt(doc, k) == 1;
    }

    /** Words between "with" and the participle of an absolute clause ("with the former secretary of state calling"). */
    private static final int MAX_WITH_SUBJECT = 8;

    /** Words from {@code from} (no comma or quote) up to a cue participle: the subject and cue of "…, with X calling …". */
    private boolean withSubjectAndCue(Document doc, int from, int end) {
        for (int k = from + 1; k < end && k <= from + MAX_WITH_SUBJECT; k++) {
            if (!doc.token(k).isWord() || doc.quoteAt(k) != null) {
                return false;
            }
            if (isCueParticiple(doc, k)) {
                return true;
            }
        }
        return false;
    }

    /** "and" or "but" right before the cue (a comma or auxiliaries between allowed): "…, but said", "and also said". */
    private boolean afterCoordinator(Document doc, int cue, int from) {
        int k = cue - 1;
        while (k > from && doc.token(k).isWord() && cues.isAuxiliary(doc.token(k))) {
            k--;
        }
        if (k > from && doc.token(k).isPunct(',')) {
            // "He railed against the projects, blasted the price increases and …": a verb in a list of the subject's
            // verbs; not a participle of a passive ("…, criticized by unions,")
            return cue + 1 < doc.size() && !doc.token(cue + 1).is("by") && !doc.token(cue + 1).isPunct(',');
        }
        return k > from && (doc.token(k).is("and") || doc.token(k).is("but"));
    }

    /**
     * A short prepositional phrase ("after the convention", "in an interview") followed by a subject pronoun that opens
     * a clause: @return the pronoun's index, or -1
     */
    private int pronounClauseAfterPhrase(Document doc, int prep, int end) {
        if (!PHRASE_PREPOSITIONS.contains(doc.token(prep).lower())) {
            return -1; // "said before he died", "responded as if he …": a subordinate clause, not a phrase
        }
        for (int k = prep + 2; k < end && k <= prep + MAX_PHRASE_BEFORE_CLAUSE; k++) {
            Token t = doc.token(k);
            if (!t.isWord() || doc.quoteAt(k) != null || RELATIVE_WORDS.contains(t.lower()) || SUBORDINATORS.contains(t.lower())) {
                return -1;
            }
            if (SUBJECT_PRONOUNS.contains(t.lower()) && k + 1 < end && doc.token(k + 1).isWord()) {
                return k;
            }
        }
        return -1;
    }

    private static final Set<String> PHRASE_PREPOSITIONS = Set.of("after", "in", "at", "on", "during", "with", "to", "from",
            "over", "outside", "inside");

    private static final int MAX_PHRASE_BEFORE_CLAUSE = 5;

    /** "in Almaty", "of Dover, Del.": a place after an inverted name; @return the token after it, or {@code from} */
    private static int placeAfter(Document doc, int from, int end) {
        return Adverbials.placeEnd(doc, from, end, NAME_PLACE_PREPOSITIONS);
    }

    private static final Set<String> NAME_PLACE_PREPOSITIONS = Set.of("in", "of", "from");

    private static boolean isParticiple(Token t) {
        return t.lower().endsWith("ing") && !t.isCapitalized();
    }

    private static boolean isDash(Token t) {
        return t.isPunct('\u2014') || t.isPunct('\u2013') || t.isPunct('-');
    }

    private static boolean isPreposition(Token t) {
        return t.isWord() && PREPOSITIONS.contains(t.lower());
    }

    /** Like {@link #thatWithin}, for an indirect question opened by why/how/whether after the phrase. */
    private static int questionWithin(Document doc, int from, int end) {
        for (int k = from + 1; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            if (doc.token(k).isWord() && QUESTION_WORDS.contains(doc.token(k).lower())) {
                return k;
            }
            if (!doc.token(k).isWord() && doc.token(k).kind() != Token.Kind.POSSESSIVE || doc.token(k).is("that")) {
                return -1;
            }
        }
        return -1;
    }

    /** Words opening an indirect question; not what/where/when, which as often open a relative clause ("at the rally where …"). */
    private static final Set<String> QUESTION_WORDS = Set.of("why", "how", "whether");

    private static int thatWithin(Document doc, int from, int end) {
        for (int k = from; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            if (doc.token(k).is("that")) {
                return k;
            }
            if (!doc.token(k).isWord() && doc.token(k).kind() != Token.Kind.POSSESSIVE) {
                return -1; // words and possessives only: "in an email to the mayor’s office that"
            }
        }
        return -1;
    }

    /**
     * From {@code k} to the end: a noun phrase opened by a determiner or a number and closed by a relative clause
     * ("two states where …", "the alliance that …"), or an indefinite gloss, with no comma after it.
     */
    private static boolean closingAppositive(Document doc, int k, int end) {
        if (!APPOSITIVE_OPENERS.contains(doc.token(k).lower()) || commaBefore(doc, k + 1, end)) {
            return false;
        }
        if (isIndefiniteGloss(doc, k, end)) {
            return true;
        }
        for (int j = k + 1; j < end && j <= k + MAX_TRAILING_PHRASE; j++) {
            if (!doc.token(j).isWord() || doc.quoteAt(j) != null) {
                return false;
            }
            if (RELATIVE_WORDS.contains(doc.token(j).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "…, a swipe at the recent disturbances": an indefinite noun phrase closing the sentence after a clause is the
     * reporter's gloss; not after a name ("Ann Lee, a Democrat"), and not a clause of its own ("…, a woman is running").
     */
    private static boolean isIndefiniteGloss(Document doc, int k, int end) {
        if (!(doc.token(k).is("a") || doc.token(k).is("an")) || k < 2 || end - k < 3 || !doc.token(k - 2).isWord()
                || doc.token(k - 2).isCapitalized()) {
            return false;
        }
        for (int j = k + 1; j < end; j++) {
            if (doc.quoteAt(j) != null || doc.token(j).isWord() && FINITE_VERBS.contains(doc.token(j).lower())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The dash that closes an aside opened by the dash at {@code dash}, when the clause goes on after it: "that the
     * ground operation — staffed by 3,100 organizers — is having …". An aside is short and has no quote; a dash with
     * no partner, or one that the sentence end follows, sets off the reporter's addition and ends the report.
     * @return the closing dash's index, or -1
     */
    private static int closingDash(Document doc, int dash, int end) {
        for (int k = dash + 1; k + 1 < end && k <= dash + MAX_DASH_ASIDE; k++) {
            if (doc.quoteAt(k) != null || doc.token(k).isPunct(';')) {
                return -1;
            }
            if (isClauseDash(doc, k)) {
                return doc.token(k + 1).isWord() ? k : -1;
            }
        }
        return -1;
    }

    /**
     * The comma closing an aside opened by the comma at {@code comma}, when what follows it goes on with the clause
     * the aside interrupts: a finite verb after a subject ("that economic inequality, though it existed, was not …"),
     * or "to"/"of" after an object ("urging him, both personally and publicly, to bow out"). @return its index, or -1
     */
    private static int commaAsideEnd(Document doc, int comma, int end) {
        if (comma + 1 < end && isParticiple(doc.token(comma + 1)) && !NOT_PARTICIPLES.contains(doc.token(comma + 1).lower())) {
            return -1; // "took a hands-off approach, suggesting …, was tepid about …": a list of the subject's verbs
        }
        for (int k = comma + 1; k + 1 < end && k <= comma + MAX_COMMA_ASIDE; k++) {
            Token t = doc.token(k);
            if (doc.quoteAt(k) != null || t.isPunct(';') || t.isPunct(':') || isDash(t)) {
                return -1;
            }
            if (t.isPunct(',')) {
                Token next = doc.token(k + 1);
                return k > comma + 1 && next.isWord() && (FINITE_VERBS.contains(next.lower()) || next.is("to") || next.is("of"))
                        ? k : -1;
            }
        }
        return -1;
    }

    /** Tokens an aside between commas may span. */
    private static final int MAX_COMMA_ASIDE = 14;

    /** Tokens an aside between dashes may span. */
    private static final int MAX_DASH_ASIDE = 16;

    /** A dash that sets off part of a clause: an em or en dash, or a hyphen typed for one. */
    private static boolean isClauseDash(Document doc, int k) {
        return doc.token(k).isPunct('\u2014') || doc.token(k).isPunct('\u2013') || spacedHyphen(doc, k);
    }

    /** A hyphen with spaces on both sides, typed for a dash: "said it would reopen - although …". */
    private static boolean spacedHyphen(Document doc, int k) {
        return doc.token(k).isPunct('-') && k > 0 && k + 1 < doc.size()
                && doc.token(k - 1).end() < doc.token(k).start() && doc.token(k).end() < doc.token(k + 1).start();
    }

    /** From {@code k}: a few words without a comma or quote, then a cue verb: a clause with a speaker of its own. */
    private boolean newSubjectAndCue(Document doc, int k, int end) {
        for (int j = k + 1; j < end && j <= k + MAX_TRAILING_PHRASE; j++) {
            if (!doc.token(j).isWord() || doc.quoteAt(j) != null) {
                return false;
            }
            if (cues.verbAt(doc, j) == 1 && !isParticiple(doc.token(j))) {
                return doc.token(k).isWord() && !startsVerbPhrase(doc.token(k));
            }
        }
        return false;
    }

    /** "— on the radio, as it happens — that": the "that" right after an aside closed by a second dash, or -1. */
    private static int thatAfterDashAside(Document doc, int dash, int end) {
        for (int k = dash + 1; k + 1 < end && k <= dash + MAX_TOLD_OBJECT + 4; k++) {
            if (doc.quoteAt(k) != null) {
                return -1;
            }
            if (isDash(doc.token(k))) {
                return doc.token(k + 1).is("that") ? k + 1 : -1;
            }
        }
        return -1;
    }

    /** "that" closing a short aside set off by commas, or -1. */
    private static int thatAfterAside(Document doc, int from, int end) {
        for (int k = from; k < end && k < from + MAX_TOLD_OBJECT; k++) {
            if (doc.token(k).is("that") && doc.token(k - 1).isPunct(',')) {
                return k;
            }
            if (!doc.token(k).isWord() && !doc.token(k).isPunct(',')) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A that-less clause after a belief verb starts with its subject: a pronoun, a quantifier or a name followed by
     * a lowercase word ("thinks he will win", "believe most voters agree", "believe Trump is right"). An article is
     * not taken: "found a job", "found the dog" are objects far more often than clauses; neither are "to"
     * infinitives ("agreed to", "expected to").
     */
    private static boolean opensClause(Document doc, int k) {
        Token t = doc.token(k);
        if (!t.isWord()) {
            return false;
        }
        return CLAUSE_SUBJECTS.contains(t.lower()) || t.isCapitalized() && k + 1 < doc.size() && doc.token(k + 1).isWord()
                && !doc.token(k + 1).isCapitalized() || nounPhraseThenFiniteVerb(doc, k);
    }

    /** A that-less clause's subject is a short noun phrase: longer ones are objects with a relative clause or a list. */
    private static final int MAX_CLAUSE_SUBJECT = 8;
    /** Finite auxiliaries and copulas that show a clause after a subject noun phrase: "the plan is", "her aides will". */
    private static final Set<String> FINITE_VERBS = Set.of("is", "are", "was", "were", "will", "would", "can", "could",
            "should", "may", "might", "must", "has", "have", "had", "does", "do", "did", "isn’t", "isn't", "won’t", "won't");
    /** Words that cannot stand inside a subject noun phrase: a relative clause, an infinitive, a second clause. */
    private static final Set<String> NOT_IN_SUBJECT = Set.of("that", "who", "which", "whom", "whose", "to", "and", "or",
            "but", "if", "when", "because", "as", "than", "what", "how", "why", "where", "there", "it");

    /**
     * "think the progress on climate change is real", "felt her projection of anger was over the top", "believe
     * Wasserman Schultz is at risk": a noun phrase of a few words, with no punctuation, relative word or coordinator,
     * then a finite auxiliary or copula. An object ("found a job in Ohio", "expected the vote") has no finite verb
     * after it, and one that a relative clause or "and" continues ("found the man who was …") is not read.
     */
    private static boolean nounPhraseThenFiniteVerb(Document doc, int k) {
        for (int j = k; j < doc.size() && j <= k + MAX_CLAUSE_SUBJECT; j++) {
            Token t = doc.token(j);
            if (j > k && t.isWord() && FINITE_VERBS.contains(t.lower())) {
                return true;
            }
            boolean possessive = t.kind() == Token.Kind.POSSESSIVE;
            if (!(t.isWord() || possessive) || doc.quoteAt(j) != null || NOT_IN_SUBJECT.contains(t.lower())
                    || FINITE_VERBS.contains(t.lower())) {
                return false;
            }
        }
        return false;
    }

    /** Content starts with a word or a quotation, not with stray punctuation ("he said, and …"). */
    private static boolean startsClause(Document doc, int k) {
        return doc.token(k).isWord() || doc.quoteAt(k) != null || opensAmount(doc, k);
    }

    /** "calls for $1 trillion in new spending": a currency sign before a number opens a noun phrase. */
    private static boolean opensAmount(Document doc, int k) {
        Token t = doc.token(k);
        return t.kind() == Token.Kind.PUNCT && CURRENCY_SIGNS.indexOf(t.text().charAt(0)) >= 0 && k + 1 < doc.size()
                && doc.token(k + 1).isWord() && Character.isDigit(doc.token(k + 1).text().charAt(0))
                && doc.token(k + 1).start() == t.end();
    }

    private static final String CURRENCY_SIGNS = "$£€¥";

    /** After "X said," a coordinator or a participle goes on with something else: "he said, and …", "said, emphasizing …". */
    private static boolean continuesOtherwise(Token t) {
        String w = t.lower();
        return w.equals("and") || w.equals("but") || w.equals("or") || w.equals("while") || w.equals("as")
                || !t.isCapitalized() && w.endsWith("ing");
    }

    private static boolean isObjectPronoun(Token t) {
        String w = t.lower();
        return w.equals("him") || w.equals("her") || w.equals("them") || w.equals("us") || w.equals("me") || w.equals("you");
    }

    /** The sentence end, a final period, colon or closing parenthesis left out (a closing quote mark stays). */
    private static int contentEnd(Document doc, Sentence s) {
        int end = s.to();
        while (end > s.from() && doc.token(end - 1).kind() == Token.Kind.PUNCT && doc.quoteAt(end - 1) == null
                && (".;:".indexOf(doc.token(end - 1).text().charAt(0)) >= 0 || doc.token(end - 1).isPunct(')'))) {
            end--;
        }
        return end;
    }
}
