package io.quotegraph.extraction;

import io.quotegraph.extraction.attribution.Attribution;
import io.quotegraph.extraction.attribution.AttributionFinder;
import io.quotegraph.extraction.entity.EntityMentionFinder;
import io.quotegraph.extraction.event.EventDetector;
import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.speaker.AntecedentFinder;
import io.quotegraph.extraction.speaker.Mention;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.speaker.SpeakerResolver;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.time.OccasionFinder;
import io.quotegraph.extraction.time.OccasionInheritance;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Occasion;
import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the statements in an article's text and the speakers they are attributed to.
 * Thread-safe: one instance serves every article. The pipeline: analyse the text ({@link Document}: tokens,
 * quotes, sentences, boilerplate), find attributions, resolve their speakers across the article, read each
 * statement's occasion and share it among the same speaker's statements, find the entities each statement names and
 * the events the article reports.
 */
public final class StatementExtractor {

    /** Changes whenever the rules change, so that stored results can be told apart and re-extracted. */
    public static final String VERSION = "3.22";

    /** A quote continues the previous statement only if it follows in the same or the next paragraph. */
    private static final int MAX_CONTINUATION_PARAGRAPHS = 1;
    /** A quotation of at most this many words alone in its paragraph is a subhead. */
    private static final int MAX_SUBHEAD_WORDS = 5;

    private final Lexicons lexicons;
    private final OccasionFinder occasions;
    private final AttributionFinder attributions;
    private final OccasionInheritance inheritance = new OccasionInheritance();
    private final AntecedentFinder antecedents;
    private final EntityMentionFinder entityMentions = new EntityMentionFinder();
    private final EventDetector events;

    /** The version of the running engine (unlike {@link #VERSION}, never inlined into a caller compiled against another). */
    public String version() {
        return VERSION;
    }

    public StatementExtractor() {
        this.lexicons = Lexicons.get();
        this.occasions = new OccasionFinder(lexicons);
        this.attributions = new AttributionFinder(lexicons, occasions);
        this.antecedents = new AntecedentFinder(new MentionParser(lexicons), new SpeakerPhraseFinder(lexicons));
        this.events = new EventDetector(lexicons);
    }

    /**
     * @param text        the article's cleaned text; every offset in the result refers to it
     * @param publishedAt the article's publication time, against which relative dates are normalised; may be null
     */
    public Extraction extract(String text, Instant publishedAt) {
        if (text == null || text.isBlank()) {
            return new Extraction(VERSION, List.of(), List.of());
        }
        LocalDate published = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        Document doc = new Document(text, lexicons);

        SpeakerResolver resolver = new SpeakerResolver();
        List<Attribution> found = attributions.find(doc);
        Nesting nesting = new Nesting(doc, found);
        List<Attribution> kept = new ArrayList<>();
        Attribution previous = null;
        int previousIndex = -1;
        int participleIndex = -1;
        for (Attribution a : found) {
            if (a.isContinuation() && participleIndex >= 0 && continues(doc, previous, a)
                    && sameParagraph(doc, kept.get(participleIndex), a)) {
                // "“…,” he said, adding that … . “…”": the quote after goes on with the participle's report
                kept.set(participleIndex, kept.get(participleIndex).quotedOnTo(a.contentEnd()));
                continue;
            }
            if (a.isContinuation() && !continues(doc, previous, a)) {
                continue;
            }
            if (a.isContinuation() && (sameParagraph(doc, previous, a) || opensNextParagraph(doc, previous, a))
                    && shortInterruption(previous, a)) {
                // "“…,” she said. “…”", "“…,” she said.¶“…”": one statement interrupted by its attribution, as a
                // reader takes it
                previous = previous.kind() == StatementKind.INDIRECT ? previous.quotedOnTo(a.contentEnd())
                        : previous.extendedTo(a.contentEnd());
                kept.set(previousIndex, previous);
                continue;
            }
            if (a.unnamed()) {
                resolver.unnamed();
                kept.add(a);
                continue;
            }
            boolean nested = nesting.isNested(a);
            resolver.resolve(a.speaker(), nested, antecedent(doc, a));
            kept.add(a);
            boolean aside = withinAttribution(previous, a) || isIntention(doc, a);
            if (!nested && !aside) {
                previous = a;
                previousIndex = kept.size() - 1;
                participleIndex = -1;
            } else if (aside && continuesTurn(doc, a)) {
                participleIndex = kept.size() - 1;
            }
        }
        SpeakerResolver.Result speakers = resolver.finish();

        List<ExtractedStatement> statements = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            statements.add(statement(doc, kept.get(i), speakers.keys().get(i), published));
        }
        statements.sort(Comparator.comparingInt((ExtractedStatement s) -> s.content().start())
                .thenComparingInt(s -> s.content().end()));
        EntityMentionFinder.ArticleNames names = entityMentions.names(text, speakers.speakers(), published);
        List<ExtractedStatement> withEntities = entityMentions.attach(names, inheritance.apply(statements));
        EventDetector.Result reported = events.detect(doc, published, withEntities, names);
        return new Extraction(VERSION, reported.statements(), speakers.speakers(), reported.events(),
                names.in(0, text.length()));
    }

    /**
     * For "he"/"she", the person named last before the mention: the fallback when no speaker so far fits.
     * For "who"/"which", the phrase it follows.
     */
    private Mention antecedent(Document doc, Attribution a) {
        Mention m = a.speaker();
        if (m != null && m.form() == Mention.Form.RELATIVE) {
            return antecedents.relativeAntecedent(doc, doc.tokenAt(m.span().start()));
        }
        if (m == null || m.form() != Mention.Form.PRONOUN || m.type() != EntityType.PERSON) {
            return null;
        }
        return antecedents.nearestPerson(doc, doc.tokenAt(m.span().start()));
    }

    /**
     * A report in the words that attribute a quote ("“…,” said X, who wrote about it in his book. “…”", "…, asking
     * for anonymity") is an aside: the quote after it still continues the quote before.
     */
    private static boolean withinAttribution(Attribution previous, Attribution a) {
        return previous != null && previous.kind() == StatementKind.DIRECT && a.kind() != StatementKind.DIRECT
                && a.sentence().equals(previous.sentence()) && a.contentStart() >= previous.contentEnd();
    }

    /**
     * An intention ("she plans to cast her first ballot …") describes its subject and is no turn of speech: a quote after
     * it still goes on with the quote before ("“…,” said Sara Walker. … she plans to … . “…”").
     */
    private boolean isIntention(Document doc, Attribution a) {
        int cue = a.cueFrom();
        return cue >= 0 && cue + 1 < doc.size() && doc.token(cue + 1).is("to")
                && (lexicons.isIntentionVerb(doc.token(cue).text()) || lexicons.isIntentionAdjective(doc.token(cue).text()));
    }

    /**
     * A report by a participle that goes on with the speaker's turn to the end of the attribution's sentence
     * ("“…,” he said, adding that he had fought for the bill.", "…, explaining why …"):
     * a quote right after it in the paragraph is the rest of that report, not of the quote before the attribution.
     * Not a relative clause ("said Ann Hale, who wrote about it in her memoir."), whose quote after stays the first's.
     */
    /**
     * Participles that add to what the speaker just said, rather than gloss the occasion ("asking for anonymity",
     * "speaking on condition of anonymity") or name what the quote is about ("referring to Cruz").
     */
    private static final Set<String> TURN_PARTICIPLES = Set.of("adding", "explaining", "noting");

    private static boolean continuesTurn(Document doc, Attribution a) {
        if (a.kind() != StatementKind.INDIRECT || a.cueFrom() < 1 || !TURN_PARTICIPLES.contains(doc.token(a.cueFrom()).lower())) {
            return false;
        }
        int last = doc.tokenAt(a.contentEnd() - 1);
        return last + 2 >= a.sentence().to();
    }

    private static boolean continues(Document doc, Attribution previous, Attribution continuation) {
        if (previous == null || previous.contentEnd() > continuation.contentStart()) {
            return false;
        }
        int paragraphs = doc.paragraph(doc.tokenAt(continuation.contentStart())) - doc.paragraph(previous.sentence().from());
        boolean whole = wholeParagraph(doc, continuation);
        if (whole && doc.quoteAt(doc.tokenAt(continuation.contentStart())).words() <= MAX_SUBHEAD_WORDS) {
            return false; // "‘A tough decision.’" alone on its line: a subhead quoting the article, not a continuation
        }
        if (isAttributedQuote(doc, previous)) {
            return paragraphs <= MAX_CONTINUATION_PARAGRAPHS;
        }
        if (previous.kind() == StatementKind.INDIRECT && paragraphs == 0 && quotationFollowsReport(doc, previous, continuation)) {
            return true;
        }
        if (previous.kind() == StatementKind.MIXED && paragraphs == 0) {
            return true; // "… called it “a lesson” on Friday. “We have no sense …”": her quotation goes on
        }
        // "X said the pier would reopen.¶“We will rebuild it …”": a paragraph that is only a quotation, right after
        // a paragraph attributing a report, goes on with the same speaker's words
        return paragraphs == 1 && whole;
    }

    /**
     * A direct quote, or a mixed statement ending in a quote that its cue follows ("Teachers are “very, very
     * pro-Bernie,” he said."): the speaker's turn, which a quote after it may go on with.
     */
    private static boolean isAttributedQuote(Document doc, Attribution a) {
        if (a.kind() == StatementKind.DIRECT) {
            return true;
        }
        int last = doc.tokenAt(a.contentEnd() - 1);
        return a.kind() == StatementKind.MIXED && a.cueFrom() > last && doc.quoteAt(last) != null;
    }

    /**
     * "Roloson supports Democrat Hillary Clinton in the presidential race. "I'm a college graduate, …"": a person's
     * report whose clause runs on to its sentence's end, with the quotation opening the next sentence, is followed by
     * that person's own words. Not after a further clause ("… backing independence for Kosovo, and railed about …"),
     * nor a report whose source is no person (a tweet's words are the tweet's, not a continuation).
     */
    private static boolean quotationFollowsReport(Document doc, Attribution report, Attribution quotation) {
        Mention speaker = report.speaker();
        if (speaker == null || speaker.type() != EntityType.PERSON
                || (speaker.form() != Mention.Form.NAME && speaker.form() != Mention.Form.PRONOUN)) {
            return false;
        }
        int next = doc.tokenAt(quotation.contentStart());
        if (report.sentence().to() != next) {
            return false;
        }
        for (int i = doc.tokenAt(report.contentEnd() - 1) + 1; i < next; i++) {
            if (doc.token(i).isPunct(',')) {
                return false;
            }
        }
        return true;
    }

    /** The continuation's quotation is all its paragraph holds (a final period outside the marks aside). */
    private static boolean wholeParagraph(Document doc, Attribution continuation) {
        int first = doc.tokenAt(continuation.contentStart());
        int last = doc.tokenAt(continuation.contentEnd() - 1);
        boolean opens = first == 0 || doc.paragraph(first - 1) != doc.paragraph(first);
        int next = last + 1;
        if (next < doc.size() && doc.paragraph(next) == doc.paragraph(last) && doc.token(next).isPunct('.')) {
            next++;
        }
        return opens && (next >= doc.size() || doc.paragraph(next) != doc.paragraph(last));
    }

    /**
     * The words between the two quotes are no longer than the quotes together: a statement's content is mostly what
     * was said, so a long interruption ("…,” said X, who … and … . “…”) leaves the two quotes as two statements.
     */
    private static boolean shortInterruption(Attribution previous, Attribution continuation) {
        int quoted = previous.contentEnd() - previous.contentStart() + continuation.contentEnd() - continuation.contentStart();
        return continuation.contentStart() - previous.contentEnd() <= quoted;
    }

    /**
     * The continuation opens the paragraph right after the one where the previous quote ends, and the quote's
     * attribution closed that paragraph: "“…,” Clinton said.¶“And that’s why …”". (After a report, "X said the pier
     * would reopen.¶“We have the money …”", the quote stays a statement of its own.)
     */
    private static boolean opensNextParagraph(Document doc, Attribution previous, Attribution continuation) {
        int next = doc.tokenAt(continuation.contentStart());
        int previousEnd = doc.tokenAt(Math.max(previous.contentStart(), previous.contentEnd() - 1));
        return isAttributedQuote(doc, previous) && next > 0 && doc.paragraph(next - 1) != doc.paragraph(next)
                && doc.paragraph(next - 1) == doc.paragraph(previousEnd) && previous.sentence().to() == next;
    }

    /** The continuation follows the previous statement's content within its paragraph. */
    private static boolean sameParagraph(Document doc, Attribution previous, Attribution continuation) {
        int previousEnd = doc.tokenAt(Math.max(previous.contentStart(), previous.contentEnd() - 1));
        int next = doc.tokenAt(continuation.contentStart());
        return doc.paragraph(previousEnd) == doc.paragraph(next);
    }

    private ExtractedStatement statement(Document doc, Attribution a, String speakerKey, LocalDate published) {
        String text = doc.text();
        Span content = Span.of(text, a.contentStart(), a.contentEnd());
        Span cue = a.cueFrom() < 0 ? null : doc.span(a.cueFrom(), a.cueTo() - 1);
        Span mention = a.speaker() == null ? null : a.speaker().span();
        Occasion occasion = a.isContinuation() ? null
                : occasions.find(doc, a.contextFrom(), a.contextTo(), a.contentStart(), a.contentEnd(), published);
        return new ExtractedStatement(a.kind(), content, cue, mention, speakerKey, confidence(a, speakerKey), occasion);
    }

    /**
     * A statement with no source in the text (the question of "Asked whether …, he said") is kept for the record of what was
     * said or held, but ranks below every attributed one (with the missing speaker key: 0.3 for a report).
     */
    private static final double UNNAMED_SOURCE_PENALTY = 0.1;

    /** Direct quotes with a named speaker are the most reliable; pronouns, roles and continuations less so. */
    private static double confidence(Attribution a, String speakerKey) {
        double c = switch (a.kind()) {
            case DIRECT -> 0.9;
            case MIXED -> 0.8;
            case INDIRECT -> 0.7;
        };
        if (a.isContinuation()) {
            c = 0.6;
        } else if (a.unnamed()) {
            c -= UNNAMED_SOURCE_PENALTY;
        } else if (a.speaker().form() == Mention.Form.GROUP) {
            c -= 0.2;
        } else if (a.speaker().form() != Mention.Form.NAME) {
            c -= 0.1;
        }
        if (speakerKey == null) {
            c -= 0.3;
        }
        return Math.max(0.05, Math.min(0.99, c));
    }
}
