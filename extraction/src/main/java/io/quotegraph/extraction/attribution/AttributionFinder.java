package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.quote.Quote;
import io.quotegraph.extraction.speaker.MentionParser;
import io.quotegraph.extraction.speaker.SpeakerPhraseFinder;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.time.OccasionFinder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the attribution rules in priority order: direct quotes first (they claim their cues), then reported
 * speech on the remaining cue verbs, then cue nouns, then "Name: …" labels, then unattributed sentence-opening quotes as
 * continuation candidates. A content span found twice is kept once, from the earlier rule.
 */
public final class AttributionFinder {

    private final DirectQuoteAttributor direct;
    private final ReportedSpeechAttributor reported;
    private final CueNounAttributor nouns;
    private final LabelAttributor labels;
    private final AskedAttributor asked;
    private final DescribedAsAttributor describedAs;
    private final SelfDescribedAttributor selfDescribed;

    public AttributionFinder(Lexicons lexicons, OccasionFinder occasions) {
        Cues cues = new Cues(lexicons);
        SpeakerPhraseFinder phrases = new SpeakerPhraseFinder(lexicons);
        MentionParser mentions = new MentionParser(lexicons);
        this.direct = new DirectQuoteAttributor(lexicons, cues, phrases, mentions);
        this.reported = new ReportedSpeechAttributor(lexicons, cues, phrases, mentions, new Adverbials(lexicons, occasions, phrases));
        this.nouns = new CueNounAttributor(lexicons, phrases, mentions);
        this.labels = new LabelAttributor(mentions);
        this.asked = new AskedAttributor(phrases, mentions);
        this.describedAs = new DescribedAsAttributor(mentions);
        this.selfDescribed = new SelfDescribedAttributor(phrases, mentions);
    }

    /** @return the attributions in reading order of their anchors */
    public List<Attribution> find(Document doc) {
        boolean[] usedCue = new boolean[doc.size()];
        boolean[] usedQuote = new boolean[doc.quotes().size()];
        List<Attribution> found = new ArrayList<>();
        direct.attribute(doc, usedCue, usedQuote, found);
        reported.attribute(doc, usedCue, found);
        asked.attribute(doc, usedCue, found);
        describedAs.attribute(doc, usedCue, found);
        selfDescribed.attribute(doc, usedCue, found);
        nouns.attribute(doc, found);
        labels.attribute(doc, found);
        markQuotesInside(doc, found, usedQuote);
        direct.continuations(doc, usedQuote, found);

        Set<Long> seen = new HashSet<>();
        List<Attribution> unique = new ArrayList<>();
        for (Attribution a : found) {
            if (seen.add(((long) a.contentStart() << 32) | a.contentEnd())) {
                unique.add(a);
            }
        }
        unique.sort(Comparator.comparingInt(Attribution::anchor));
        return unique;
    }

    /** A quote inside reported content is part of that statement, not a continuation of another. */
    private static void markQuotesInside(Document doc, List<Attribution> found, boolean[] usedQuote) {
        List<Quote> quotes = doc.quotes();
        for (Attribution a : found) {
            int lo = 0;
            int hi = quotes.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (quotes.get(mid).start() < a.contentStart()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i = lo; i < quotes.size() && quotes.get(i).start() < a.contentEnd(); i++) {
                if (quotes.get(i).end() <= a.contentEnd()) {
                    usedQuote[i] = true;
                }
            }
        }
    }
}
