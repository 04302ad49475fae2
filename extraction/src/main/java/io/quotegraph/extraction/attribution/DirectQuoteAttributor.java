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
import io.quotegraph.model.StatementKind;

import java.util.List;
import java.util.Set;

/**
 * Attributes quotations by the layouts around them:
 * <ul>
 *   <li>cue after: {@code "…," he said} / {@code "…," U.S. official Jane Doe told a briefing} / inverted {@code "…," said X};</li>
 *   <li>cue before: {@code X said: "…"} (colon, comma, or nothing when the quote starts a capitalised sentence
 *       and runs to the end of the sentence);</li>
 *   <li>a quote starting a sentence right after an attributed one, with no attribution of its own, continues it
 *       ({@code "…," he said. "…"}, or the next paragraph): the speaker is resolved later from the previous statement.</li>
 * </ul>
 * Short quotes inside a sentence with none of these layouts are scare quotes or titles and are left alone.
 */
final class DirectQuoteAttributor {

    /** Words allowed between a quote and its cue ("U.S. Department of State spokesman Matthew Miller told"). */
    private static final int MAX_TAIL_BEFORE_CUE = 18;
    /** Words allowed between a cue and a following quote ("said on Monday in a statement:"). */
    private static final int MAX_LEAD_AFTER_CUE = 8;
    /** A longer lead ("said in the spring, when the story broke, “…”") only before a quote that opens with a capital. */
    private static final int MAX_LONG_LEAD_AFTER_CUE = 12;
    private static final int MIN_CONTINUATION_WORDS = 3;
    private static final int MAX_DESCRIPTOR_WORDS = 5;
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we", "i");

    private final Lexicons lexicons;
    private final Cues cues;
    private final SpeakerPhraseFinder phrases;
    private final MentionParser mentions;

    DirectQuoteAttributor(Lexicons lexicons, Cues cues, SpeakerPhraseFinder phrases, MentionParser mentions) {
        this.lexicons = lexicons;
        this.cues = cues;
        this.phrases = phrases;
        this.mentions = mentions;
    }

    /** Adds the attributed quotes to {@code out}; marks the cues it used and the quotes it attributed. */
    void attribute(Document doc, boolean[] usedCue, boolean[] usedQuote, List<Attribution> out) {
        List<Quote> quotes = doc.quotes();
        for (int i = 0; i < quotes.size(); i++) {
            Quote q = quotes.get(i);
            if (doc.isExcluded(q.firstToken()) || q.words() == 0) {
                continue;
            }
            Attribution a = cueAfter(doc, q);
            int reopening = a == null || !paragraphGoesOn(doc, a) ? -1 : lastReopening(doc, q);
            if (reopening > 0) {
                // "“… a strategy.¶“Calling it by a name does not help,” Obama said.": the paragraph with an attribution of
                // its own is that attribution's statement; the paragraphs before it are the statement before
                a = splitAt(doc, q, reopening, a, usedCue, out);
            } else if (a == null) {
                a = cueBefore(doc, q, out);
                if (a != null && usedCue[a.cueFrom()]) {
                    // "“…,” he said, “…”": the cue already attributes the quote before; this one continues it
                    a = null;
                }
            }
            if (a == null) {
                a = namedWords(doc, q);
            }
            if (a != null) {
                out.add(a);
                usedQuote[i] = true;
                for (int k = a.cueFrom(); k < a.cueTo(); k++) {
                    usedCue[k] = true;
                }
            }
        }
    }

    /**
     * The attribution's sentence does not end its paragraph: "“…,” Obama said. “Not once …”" goes on with the speaker's
     * turn, where "“… nonnegotiable!” she said." closes the whole quotation.
     */
    private static boolean paragraphGoesOn(Document doc, Attribution a) {
        int next = a.sentence().to();
        return next < doc.size() && doc.paragraph(next) == doc.paragraph(next - 1);
    }

    /** The token whose mark re-opens a multi-paragraph quote in its last paragraph, or -1 for a quote in one paragraph. */
    private static int lastReopening(Document doc, Quote q) {
        for (int k = q.lastToken(); k > q.firstToken(); k--) {
            if (doc.paragraph(k) != doc.paragraph(k - 1)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Splits a multi-paragraph quote whose last paragraph has its own cue after it: the paragraphs before go to a cue
     * before the quote ("Obama said: “…”") or, with none, continue the statement before; @return the last paragraph's
     * attribution
     */
    private Attribution splitAt(Document doc, Quote q, int reopening, Attribution after, boolean[] usedCue, List<Attribution> out) {
        int earlierEnd = doc.token(reopening - 1).end();
        Attribution before = cueBefore(doc, q, out);
        if (before != null && !usedCue[before.cueFrom()]) {
            out.add(new Attribution(before.kind(), before.contentStart(), earlierEnd, before.cueFrom(), before.cueTo(),
                    before.speaker(), before.sentence(), before.contextFrom(), before.contextTo(), before.unnamed()));
            for (int k = before.cueFrom(); k < before.cueTo(); k++) {
                usedCue[k] = true;
            }
        } else {
            out.add(new Attribution(StatementKind.DIRECT, q.start(), earlierEnd, -1, -1, null, doc.sentenceOf(q.firstToken()),
                    q.firstToken(), q.firstToken()));
        }
        return new Attribution(after.kind(), doc.token(reopening).start(), after.contentEnd(), after.cueFrom(), after.cueTo(),
                after.speaker(), doc.sentenceOf(reopening), after.contextFrom(), after.contextTo(), after.unnamed());
    }

    /** Quotes left unattributed that open a sentence: candidates to continue the previous direct statement. */
    void continuations(Document doc, boolean[] usedQuote, List<Attribution> out) {
        List<Quote> quotes = doc.quotes();
        for (int i = 0; i < quotes.size(); i++) {
            Quote q = quotes.get(i);
            if (usedQuote[i] || doc.isExcluded(q.firstToken()) || q.words() < MIN_CONTINUATION_WORDS) {
                continue;
            }
            Sentence s = doc.sentenceOf(q.firstToken());
            if (s.from() == q.firstToken() || opensAfterConnective(doc, q, s) || resumesAfterAttribution(doc, quotes, usedQuote, i, s)) {
                out.add(new Attribution(StatementKind.DIRECT, q.start(), q.end(), -1, -1, null, s, q.firstToken(), q.firstToken()));
            }
        }
    }

    /** Words that may open a sentence before a quote going on with the speaker's turn: "But “…”", "Now, “…”". */
    private static final Set<String> SENTENCE_CONNECTIVES = Set.of("but", "and", "yet", "still", "so", "now", "then",
            "also", "instead", "indeed", "however", "meanwhile", "later");

    /**
     * "“…,” he said outside the building. But “Donald Trump’s candidacy is strengthened …”": a connective and perhaps a
     * comma are all that come before the quote in its sentence, so the quote opens the sentence in all but that word.
     */
    private static boolean opensAfterConnective(Document doc, Quote q, Sentence s) {
        int words = q.firstToken() - s.from();
        return (words == 1 || words == 2 && doc.token(s.from() + 1).isPunct(','))
                && doc.token(s.from()).isWord() && SENTENCE_CONNECTIVES.contains(doc.token(s.from()).lower());
    }

    /**
     * "“It's hard,” said the senator, “because …”": after a comma, the sentence's attributed quote goes on. The quote
     * before may open in an earlier sentence ("“It's horrifying. Truly horrifying,” Tapper said, “and …”"): it need only
     * end in this one.
     */
    private static boolean resumesAfterAttribution(Document doc, List<Quote> quotes, boolean[] usedQuote, int i, Sentence s) {
        int before = quotes.get(i).firstToken() - 1;
        return i > 0 && before > s.from() && doc.token(before).isPunct(',') && usedQuote[i - 1]
                && quotes.get(i - 1).lastToken() >= s.from();
    }

    private Attribution cueAfter(Document doc, Quote q) {
        int t = q.lastToken() + 1;
        if (!q.closed() || t >= doc.size() || doc.paragraph(t) != doc.paragraph(q.lastToken())) {
            return null;
        }
        if (isTitleObject(doc, q)) {
            return null; // "on Fox’s “Hannity,” Gingrich said if …": a show's title, not the speaker's words
        }
        boolean comma = doc.token(t).isPunct(',');
        boolean pause = endsWithPause(doc, q);
        if (!comma && !pause && !opensSentence(doc, q)) {
            return null; // a quote inside a clause with no pause after it is not followed by its attribution
        }
        // a quote ending in "?" or "!" closes its sentence, yet its attribution follows: "“Why?” she asked."
        // One ending in "." does not: the next sentence ("“We won.” Smith said the count was fair.") is its own.
        Sentence s = doc.sentenceOf(t);
        if (s != doc.sentenceOf(q.lastToken()) && !pause) {
            return null;
        }
        if (comma) {
            t++;
        }
        int limit = Math.min(s.to(), t + MAX_TAIL_BEFORE_CUE);
        for (int k = t; k < limit; k++) {
            if (doc.quoteAt(k) != null) {
                return null;
            }
            int len = cues.verbAt(doc, k);
            if (len == 0) {
                len = cues.quoteVerbAt(doc, k); // "“…,” Bolton charged.", "“…,” the letter reads."
            }
            if (len == 0 || k > t && insideRelativeClause(doc, t, k)) {
                continue; // "…,” Mayor Ada Brill, who has proposed a levy, said": the relative clause's verb is not the cue
            }
            if (s != doc.sentenceOf(q.lastToken()) && introducesQuote(doc, k + len) || opensQuotedSentence(doc, k + len)) {
                // "“…?” He answered, “…”", "“…?” Mills then writes back, “…”": the cue opens the next quote, not the question
                // before it; so does a cue whose object is a whole quoted sentence ("“Loser,” the crowd chanted “Go home!”")
                return null;
            }
            int[] phrase;
            if (k == t) {
                // inverted "…," said X; after "told" comes the addressee, never the speaker
                phrase = Cues.isTell(doc.token(k)) ? null : phrases.right(doc, k + len, s.to());
            } else {
                phrase = phrases.left(doc, k, t);
                if (phrase != null && phrase[0] != t) {
                    if (isDescriptor(doc, t, phrase[0])) {
                        phrase[0] = t; // "…," coach Maria Alvarez said: a plain-word descriptor before the name
                    } else {
                        phrase = null; // words before the speaker: "…," which is what X said; read by speakerBetween
                    }
                }
            }
            Mention m = phrase == null ? null : mentions.parse(doc, phrase[0], phrase[1]);
            if (m == null && k > t) {
                m = speakerBetween(doc, t, k);
            }
            if (m == null && k > t && opensSentence(doc, q)) {
                m = describedSpeaker(doc, t, k);
            }
            if (m == null) {
                return null;
            }
            int clause = completedClauseStart(doc, q);
            return clause < 0 ? new Attribution(StatementKind.DIRECT, q.start(), q.end(), k, k + len, m, s, t, s.to())
                    : new Attribution(StatementKind.MIXED, doc.token(clause).start(), q.end(), k, k + len, m, s, t, s.to());
        }
        return null;
    }

    /** Unquoted words a quoted fragment must follow in its sentence to complete their clause. */
    private static final int MIN_WORDS_BEFORE_FRAGMENT = 3;

    /**
     * A quote that completes a clause begun in the reporter's words ("Teachers in the group are “very, very
     * pro-Bernie,” he said."): the speaker's statement is the whole clause, a mixed one, not the quoted words alone.
     * A cue before the quote ("Feinstein said “…,” she said") makes the sentence a report of its own, read elsewhere.
     * @return the first token of the sentence when the quote follows a word of it and no other quote or cue, else -1
     */
    private int completedClauseStart(Document doc, Quote q) {
        Sentence s = doc.sentenceOf(q.firstToken());
        int before = q.firstToken() - 1;
        if (before < s.from() || !doc.token(before).isWord()) {
            return -1;
        }
        int words = 0;
        for (int k = s.from(); k <= before; k++) {
            if (doc.quoteAt(k) != null || cues.verbAt(doc, k) > 0) {
                return -1;
            }
            if (doc.token(k).isWord()) {
                words++;
            }
        }
        return words >= MIN_WORDS_BEFORE_FRAGMENT ? s.from() : -1;
    }

    private Attribution cueBefore(Document doc, Quote q, List<Attribution> found) {
        int p = q.firstToken() - 1;
        if (p < 0) {
            return null;
        }
        // the lead may end the previous paragraph with a colon: "X said in a statement:" / new paragraph "“…”"
        boolean samePara = doc.paragraph(p) == doc.paragraph(q.firstToken());
        if (!samePara && !doc.token(p).isPunct(':')) {
            return null;
        }
        Sentence s = doc.sentenceOf(samePara ? q.firstToken() : p);
        if (p < s.from()) {
            return null;
        }
        Token before = doc.token(p);
        boolean colon = before.isPunct(':');
        if (colon || before.isPunct(',')) {
            p--;
        } else if (!startsCapitalised(doc, q) || !runsToSentenceEnd(doc, q)) {
            return null; // without punctuation, only a whole quoted sentence is direct: X said "We won."
        }
        Mention giver = colon && runsToSentenceEnd(doc, q) ? speechNounGiver(doc, s, p) : null;
        if (giver != null) {
            return new Attribution(StatementKind.DIRECT, q.start(), q.end(), p, p + 1, giver, s, s.from(), q.firstToken());
        }
        int lead = startsCapitalised(doc, q) ? MAX_LONG_LEAD_AFTER_CUE : MAX_LEAD_AFTER_CUE;
        for (int k = p; k >= s.from() && k > p - lead; k--) {
            if (doc.quoteAt(k) != null || doc.token(k).is("that") && !Cues.isThatTime(doc, k, lexicons)) {
                return null;
            }
            int len = cues.verbAt(doc, k);
            if (len == 1 && k > s.from() && PASSIVE_CLAUSE_OPENERS.contains(doc.token(k - 1).lower()) && doc.token(k).lower().endsWith("ed")) {
                continue; // "told Congress when asked about the inquiry: “…”": the passive clause's verb is not the cue
            }
            int cueLength = 1;
            int quoteVerb = len == 0 && (colon || before.isPunct(',')) ? cues.quoteVerbAt(doc, k) : 0;
            if (quoteVerb > 0 && k + quoteVerb - 1 == p) {
                len = 1; // "Hillary shot back, “…”", "Prager continues: “…”": right before the quote's comma or colon
                cueLength = quoteVerb;
            }
            if (len == 2 || len == 0 && k > s.from() && cues.verbAt(doc, k - 1) == 2) {
                return null; // "according to X, “…”" reads as attribution of a paraphrase; left to the reported-speech rules
            }
            if (len == 1 && !colon && !before.isPunct(',') && k != p) {
                return null; // unpunctuated, the quote is the cue's object (X said "We won."), not a title later on (said on "Meet the Press.")
            }
            if (len == 1) {
                // a participle shares the subject of an attribution before it in the sentence ("X said …, adding, “…”")
                Mention shared = isParticiple(doc.token(k)) ? Attribution.sharedSubject(found, s, doc, k) : null;
                int[] phrase = shared != null ? null : phrases.participleSubject(doc, k, s.from());
                Mention named = phrase == null && shared == null && isParticiple(doc.token(k)) ? nameBefore(doc, k, s.from()) : null;
                if (named != null) {
                    // "footage of Hillary Clinton asking, “…”": the participle describes the name right before it
                    return new Attribution(StatementKind.DIRECT, q.start(), q.end(), k, k + cueLength, named, s, s.from(), q.firstToken());
                }
                if (phrase == null && shared == null) {
                    phrase = phrases.left(doc, k, s.from());
                }
                if (phrase == null && shared == null) {
                    phrase = phrases.coordinatedSubject(doc, k, s.from()); // "She rolled her eyes and joked, “…”"
                }
                Mention m = shared != null ? shared : phrase == null ? null : mentions.parse(doc, phrase[0], phrase[1]);
                return m == null ? null : new Attribution(StatementKind.DIRECT, q.start(), q.end(), k, k + cueLength, m, s, s.from(), q.firstToken());
            }
        }
        if (colon && p >= s.from()) {
            // headline style "Name: “…”"
            Mention m = mentions.parse(doc, s.from(), p + 1);
            if (m != null && m.form() == Mention.Form.NAME && runsToSentenceEnd(doc, q)) {
                return new Attribution(StatementKind.DIRECT, q.start(), q.end(), p + 1, p + 2, m, s, s.from(), q.firstToken());
            }
            if (m != null && m.form() == Mention.Form.NAME && samePara) {
                // "Davis: ‘It’s Time For A Badass Woman’ To Be President": the headline goes on past its quote, and
                // the whole line after the label is the statement, partly quoted
                int last = s.to() - 1;
                while (last > q.lastToken() && doc.token(last).kind() == Token.Kind.PUNCT && doc.quoteAt(last) == null) {
                    last--;
                }
                return new Attribution(StatementKind.MIXED, q.start(), doc.token(last).end(), p + 1, p + 2, m, s, s.from(), q.firstToken());
            }
            // "Here is the governor in 2004: “…”": the quote is presented as the named person's words
            Mention presented = presented(doc, s.from(), p + 1);
            if (presented != null && runsToSentenceEnd(doc, q)) {
                return new Attribution(StatementKind.DIRECT, q.start(), q.end(), p + 1, p + 2, presented, s, s.from(), q.firstToken());
            }
            // a clause introducing the quote: "Trump went even further: “…”", "he returned to his familiar lines: “…”"
            Mention subject = clauseSubject(doc, s.from(), p + 1);
            if (subject != null && runsToSentenceEnd(doc, q)) {
                return new Attribution(StatementKind.DIRECT, q.start(), q.end(), p + 1, p + 2, subject, s, s.from(), q.firstToken());
            }
        }
        return null;
    }

    /** Nouns of an utterance that a clause gives and a colon then quotes: "he gave the Texan a back-handed compliment: “…”". */
    /** Words from a clause's subject to the noun of speech: "gave the Texan a back-handed compliment". */
    private static final int MAX_SPEECH_NOUN_CLAUSE = 10;

    /**
     * The speaker of "SUBJECT + verb … + noun of speech:" before a quote ("Reid said …, but he gave the Texan a
     * back-handed compliment: “…”", "Ann Hale issued the council a blunt warning: “…”"): the subject of the clause that
     * ends with the noun, read from the sentence start, a semicolon, or a coordinator after a comma or a closing quote,
     * with no quote or comma between the subject and the noun; null when the noun is none of the nouns of speech (lexicon {@code speech-nouns.txt}) or
     * the clause has no named or pronoun subject ("The warning: “…”"; a role such as "The senator" is not read, as
     * colon leads with role subjects were wrong as often as right in round 9).
     */
    private Mention speechNounGiver(Document doc, Sentence s, int noun) {
        if (noun <= s.from() || !doc.token(noun).isWord() || !lexicons.isSpeechNoun(doc.token(noun).text())) {
            return null;
        }
        int start = noun;
        while (start > s.from() && noun - start < MAX_SPEECH_NOUN_CLAUSE && doc.quoteAt(start - 1) == null
                && !doc.token(start - 1).isPunct(',') && !doc.token(start - 1).isPunct(';')) {
            start--;
        }
        boolean clauseOpens = start == s.from() || doc.token(start - 1).isPunct(';')
                || (doc.token(start - 1).isPunct(',') || doc.quoteAt(start - 1) != null)
                    && start < noun && lexicons.isCoordinator(doc.token(start).text());
        if (!clauseOpens) {
            return null; // "…, a back-handed compliment:" is an appositive; a longer lead is not read
        }
        Mention subject = clauseSubjectAt(doc, start, noun);
        return subject != null && !lexicons.isCueVerb(doc.token(doc.tokenAt(subject.span().end() - 1) + 1).text()) ? subject : null;
    }

    /** Nouns naming a quote as someone's words: "coined the phrase “…”", "ran on the slogan “…”". */
    private static final Set<String> WORDS_NOUNS = Set.of("phrase", "term", "slogan", "motto", "mantra",
            "catchphrase", "refrain", "words");
    private static final Set<String> WORDS_DETERMINERS = Set.of("a", "the", "this", "that", "his", "her",
            "their", "its", "our", "my");
    /** Words allowed between the determiner and the noun ("the now-famous phrase", "a new campaign slogan"). */
    private static final int MAX_WORDS_NOUN_MODIFIERS = 2;
    private static final int MAX_WORDS_NOUN_VERB_GROUP = 4;

    /**
     * A quote named as someone's words by the noun before or after it: "He has coined a new phrase, “…”", "Nixon ran
     * on the slogan “…”" (the clause's subject), "Romney's “47 percent” comment", "Obama's “if you like your plan …”
     * promise" (the possessor). Not the noun alone: "the term “alt-right” was coined by …" names no one.
     */
    private Attribution namedWords(Document doc, Quote q) {
        Sentence s = doc.sentenceOf(q.firstToken());
        int p = q.firstToken() - 1;
        if (p >= s.from() && doc.token(p).isPunct(',')) {
            p--; // "a new phrase, “…”"
        }
        if (p > s.from() && doc.token(p).isWord() && WORDS_NOUNS.contains(doc.token(p).lower())) {
            for (int d = p - 1; d >= s.from() && d >= p - 1 - MAX_WORDS_NOUN_MODIFIERS; d--) {
                if (!doc.token(d).isWord() || doc.token(d).isCapitalized()) {
                    break;
                }
                if (WORDS_DETERMINERS.contains(doc.token(d).lower())) {
                    Mention subject = d > s.from() ? clauseSubject(doc, s.from(), d) : null;
                    return subject == null || !verbsOnlyBetween(doc, doc.tokenAt(subject.span().end() - 1) + 1, d) ? null
                            : new Attribution(StatementKind.DIRECT, q.start(), q.end(), p, p + 1, subject, s, s.from(), q.firstToken());
                }
            }
            return null;
        }
        int noun = q.lastToken() + 1;
        int possessive = q.firstToken() - 1;
        if (q.closed() && noun < s.to() && doc.token(noun).isWord() && lexicons.isSpeechNoun(doc.token(noun).text())
                && possessive > s.from() && doc.token(possessive).kind() == Token.Kind.POSSESSIVE) {
            int start = possessive;
            while (start > s.from() && doc.token(start - 1).isWord() && doc.token(start - 1).isCapitalized()) {
                start--;
            }
            Mention owner = start < possessive ? mentions.parse(doc, start, possessive) : null;
            return owner == null || owner.form() != Mention.Form.NAME ? null
                    : new Attribution(StatementKind.DIRECT, q.start(), q.end(), noun, noun + 1, owner, s, start, noun + 1);
        }
        return null;
    }

    /**
     * Tokens [from, to) are a short verb group ("has coined", "ran on", "have all used"): the subject's own predicate, not a
     * clause in which the quote is only part of another's report ("Acts of protest, Mr. Obama said, are …, wearing a
     * T-shirt emblazoned with the words “…”").
     */
    private static boolean verbsOnlyBetween(Document doc, int from, int to) {
        if (to - from > MAX_WORDS_NOUN_VERB_GROUP) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!doc.token(k).isWord() || doc.token(k).isCapitalized()) {
                return false;
            }
        }
        return true;
    }

    /** The longest run of capitalised words (initials' dots included) ending right before {@code k}, when it is a name. */
    private Mention nameBefore(Document doc, int k, int from) {
        int start = k;
        while (start > from && (doc.token(start - 1).isWord() && doc.token(start - 1).isCapitalized()
                || doc.token(start - 1).isPunct('.') && start - 2 >= from && doc.token(start - 2).end() == doc.token(start - 1).start())) {
            start--;
        }
        if (start == k || start == from) {
            return null; // no name, or the sentence's own subject ("Clinton asking …" opens no reduced clause)
        }
        Mention m = mentions.parse(doc, start, k);
        return m != null && m.form() == Mention.Form.NAME && m.type() == EntityType.PERSON ? m : null;
    }

    /** Words that open a passive participial clause inside the lead ("when asked", "if pressed"). */
    private static final Set<String> PASSIVE_CLAUSE_OPENERS = Set.of("when", "if", "once", "after", "before", "as");

    /** "Here is X …" / "Here's X …" / "Here are X …" opening [from, to): X when it is a name, else null. */
    private Mention presented(Document doc, int from, int to) {
        int k = from;
        if (k + 1 >= to || !doc.token(k).is("here")) {
            return null;
        }
        k++;
        if (doc.token(k).kind() == Token.Kind.POSSESSIVE || doc.token(k).is("is") || doc.token(k).is("are")) {
            k++;
        } else {
            return null;
        }
        int[] phrase = k < to ? phrases.right(doc, k, to) : null;
        Mention m = phrase == null ? null : mentions.parse(doc, phrase[0], phrase[1]);
        return m != null && m.form() == Mention.Form.NAME ? m : null;
    }

    /**
     * The subject of the clause in [from, to): a subject pronoun, or a name opening the clause (after an opening
     * adverbial set off by a comma), followed by a lowercase verb. Null when there is none.
     */
    private Mention clauseSubject(Document doc, int from, int to) {
        int start = from;
        for (int k = from; k < to; k++) {
            if (doc.token(k).isPunct(',')) {
                start = k + 1; // "But back on American soil, he returned …"
                break;
            }
        }
        Mention m = clauseSubjectAt(doc, start, to);
        for (int k = start; m == null && k < to; k++) {
            if (doc.token(k).isPunct(',')) {
                m = clauseSubjectAt(doc, k + 1, to); // an opening adverbial with commas inside: "On July 6, 2015, Sanders made …"
            }
        }
        return m;
    }

    private Mention clauseSubjectAt(Document doc, int start, int to) {
        while (start < to && doc.token(start).isWord() && lexicons.isFunctionWord(doc.token(start).text())
                && !SUBJECT_PRONOUNS.contains(doc.token(start).lower())) {
            start++;
        }
        if (start >= to || !doc.token(start).isWord()) {
            return null;
        }
        int[] phrase = SUBJECT_PRONOUNS.contains(doc.token(start).lower()) ? new int[] {start, start + 1}
                : phrases.right(doc, start, to);
        if (phrase == null || phrase[1] >= to || !doc.token(phrase[1]).isWord() || doc.token(phrase[1]).isCapitalized()) {
            return null;
        }
        Mention m = mentions.parse(doc, phrase[0], phrase[1]);
        return m != null && (m.form() == Mention.Form.NAME || m.form() == Mention.Form.PRONOUN) ? m : null;
    }

    /**
     * In "“…,” WORDS said", the words between the quote and its cue name the speaker even when the phrase rules cannot
     * read all of them ("Jeff Weaver, Sanders’ campaign manager,", "Pima County Recorder Ann Hale"): the part before
     * the first comma, else the longest readable name ending at the cue. Null when no part reads as a name.
     */
    private Mention speakerBetween(Document doc, int from, int cue) {
        int to = cue;
        while (to > from && doc.token(to - 1).isWord() && lexicons.isAuxiliary(doc.token(to - 1).text())) {
            to--;
        }
        if (to - from > MAX_TAIL_BEFORE_CUE || !doc.token(from).isCapitalized()) {
            return null; // "…," which is what X said: a lowercase opening is a clause
        }
        for (int k = from; k < to; k++) {
            if (!doc.token(k).isWord() && !doc.token(k).isPunct(',') && !doc.token(k).isPunct('.')
                    && doc.token(k).kind() != Token.Kind.POSSESSIVE || doc.token(k).isWord() && lexicons.isCueVerb(doc.token(k).text())) {
                return null; // a clause, not a described speaker
            }
        }
        for (int k = from; k < to; k++) {
            if (doc.token(k).isPunct(',')) {
                Mention head = k > from ? mentions.parse(doc, from, k) : null;
                return head != null && head.form() == Mention.Form.NAME ? head : null;
            }
        }
        for (int k = from + 1; k < to; k++) {
            Mention m = mentions.parse(doc, k, to);
            if (m != null && m.form() == Mention.Form.NAME) {
                return m;
            }
        }
        return null;
    }

    /**
     * In "“…,” WORDS said", with the quote opening its sentence, the layout alone marks WORDS as the speaker, also when they are a description the phrase
     * rules cannot read: "the bespectacled, 71-year-old diplomat", "a Democratic staffer in the room". The words open
     * with a determiner, a capital or a number and hold no clause break (cue verb, quote, semicolon, colon, dash); a
     * name before the first comma names the speaker, otherwise the whole description is a group mention.
     */
    private Mention describedSpeaker(Document doc, int from, int cue) {
        int to = cue;
        while (to > from && doc.token(to - 1).isWord() && lexicons.isAuxiliary(doc.token(to - 1).text())) {
            to--;
        }
        Token first = doc.token(from);
        if (to <= from || to - from > MAX_TAIL_BEFORE_CUE || !first.isWord()
                || !(first.isCapitalized() || Character.isDigit(first.text().charAt(0)) || DETERMINERS.contains(first.lower()))
                || first.isCapitalized() && lexicons.isFunctionWord(first.text()) && !DETERMINERS.contains(first.lower())) {
            return null;
        }
        int comma = -1;
        for (int k = from; k < to; k++) {
            Token w = doc.token(k);
            if (doc.quoteAt(k) != null || w.isPunct(';') || w.isPunct(':') || w.isPunct('\u2014') || w.isPunct('\u2013')
                    || w.isWord() && (lexicons.isCueVerb(w.text()) || SUBJECT_PRONOUNS.contains(w.lower()))) {
                return null;
            }
            if (w.isPunct(',') && comma < 0) {
                comma = k;
            }
        }
        Span whole = doc.span(from, to - 1);
        Mention head = comma > from ? mentions.parse(doc, from, comma) : null;
        if (head != null && head.form() == Mention.Form.NAME) {
            return new Mention(whole, head.form(), head.type(), head.name(), head.role(), head.roleHead());
        }
        return new Mention(whole, Mention.Form.GROUP, EntityType.OTHER, whole.text(), null, null);
    }

    /** Words that open a described speaker: "the bespectacled diplomat", "a staffer", "one aide". */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "one", "another", "this",
            "his", "her", "their", "its", "our", "some", "several", "two", "three");

    /**
     * A short quote after a possessive, a preposition or an article is a name in the sentence (a show, a book, a
     * slogan: "on Fox’s “Hannity,”", "in “The Art of the Deal,”", "the “Hillblazers,”"), the object of the words
     * before it rather than someone's words followed by their attribution.
     */
    private static boolean isTitleObject(Document doc, Quote q) {
        int before = q.firstToken() - 1;
        if (q.words() > MAX_TITLE_WORDS || before < 0 || doc.paragraph(before) != doc.paragraph(q.firstToken())) {
            return false;
        }
        Token t = doc.token(before);
        return t.kind() == Token.Kind.POSSESSIVE || t.isWord() && TITLE_OBJECT_OPENERS.contains(t.lower());
    }

    private static final int MAX_TITLE_WORDS = 5;
    private static final Set<String> TITLE_OBJECT_OPENERS = Set.of("on", "in", "of", "from", "at", "the",
            "a", "an", "his", "her", "their", "its", "titled", "entitled", "dubbed", "named", "called");

    /** A quote opens at {@code k}, right away or after a particle, a comma or a colon. */
    private static boolean introducesQuote(Document doc, int k) {
        if (k < doc.size() && Cues.isQuoteVerbParticle(doc.token(k))) {
            k++; // "writes back, “…”"
        }
        if (k < doc.size() && (doc.token(k).isPunct(',') || doc.token(k).isPunct(':'))) {
            k++;
        }
        return k < doc.size() && doc.quoteAt(k) != null && doc.quoteAt(k).firstToken() == k;
    }

    /** A quote right at {@code k}, with no punctuation before it, that is a whole capitalised sentence. */
    private static boolean opensQuotedSentence(Document doc, int k) {
        Quote next = k < doc.size() ? doc.quoteAt(k) : null;
        return next != null && next.firstToken() == k && startsCapitalised(doc, next) && runsToSentenceEnd(doc, next);
    }

    /** Tokens [from, to) are a few words describing the speaker ("former FBI agent"), not a clause. */
    private boolean isDescriptor(Document doc, int from, int to) {
        int words = 0;
        for (int k = from; k < to; k++) {
            Token w = doc.token(k);
            if (w.isPunct('.') && k > from && doc.token(k - 1).end() == w.start() && doc.token(k - 1).isCapitalized()) {
                continue; // an initial's dot: "former George W. Bush speechwriter"
            }
            if (!w.isWord() || lexicons.isFunctionWord(w.text()) || lexicons.isAuxiliary(w.text())
                    || lexicons.isCueVerb(w.text()) || ++words > MAX_DESCRIPTOR_WORDS) {
                return false;
            }
        }
        return true;
    }

    /** The quote's last words end with a pause mark (",", "?", "!", a dash), as a quote followed by its attribution does. */
    private static boolean endsWithPause(Document doc, Quote q) {
        if (q.lastToken() - 1 <= q.firstToken()) {
            return false;
        }
        Token last = doc.token(q.lastToken() - 1);
        return last.kind() == Token.Kind.PUNCT && ",?!\u2014\u2013-\u2026".indexOf(last.text().charAt(0)) >= 0;
    }

    private static boolean runsToSentenceEnd(Document doc, Quote q) {
        int next = q.lastToken() + 1;
        if (next >= doc.size() || doc.paragraph(next) != doc.paragraph(q.lastToken())) {
            return true;
        }
        Sentence s = doc.sentenceOf(q.lastToken());
        return next >= s.to() || next == s.to() - 1 && doc.token(next).kind() == Token.Kind.PUNCT;
    }

    /** A relative pronoun after a comma opens the words between {@code from} and {@code k}, and no comma closes it yet. */
    private static boolean insideRelativeClause(Document doc, int from, int k) {
        boolean open = false;
        for (int i = from + 1; i < k; i++) {
            if (doc.token(i - 1).isPunct(',') && (doc.token(i).is("who") || doc.token(i).is("which"))) {
                open = true;
            } else if (open && doc.token(i).isPunct(',')) {
                open = false;
            }
        }
        return open;
    }

    private static boolean isParticiple(Token t) {
        return t.lower().endsWith("ing") && !t.isCapitalized();
    }

    private static boolean opensSentence(Document doc, Quote q) {
        return doc.sentenceOf(q.firstToken()).from() == q.firstToken();
    }

    private static boolean startsCapitalised(Document doc, Quote q) {
        int first = q.firstToken() + 1;
        return first <= q.lastToken() && doc.token(first).isCapitalized();
    }
}
