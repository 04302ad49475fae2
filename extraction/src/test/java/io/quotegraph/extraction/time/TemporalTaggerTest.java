package io.quotegraph.extraction.time;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.model.TimeValue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemporalTaggerTest {

    /** A Tuesday. */
    private static final LocalDate ANCHOR = LocalDate.of(2023, 9, 26);
    private final TemporalTagger tagger = new TemporalTagger();

    @Test
    void weekdayPointsBackInPastTenseAndForwardInFutureTense() {
        assertThat(value("They met on Wednesday.")).isEqualTo(TimeValue.day(LocalDate.of(2023, 9, 20)));
        assertThat(value("They will meet on Wednesday.")).isEqualTo(TimeValue.day(LocalDate.of(2023, 9, 27)));
    }

    @Test
    void monthDayWithoutYearFollowsTheTense() {
        assertThat(value("The talks were held Sept. 30.")).isEqualTo(TimeValue.day(LocalDate.of(2022, 9, 30)));
        assertThat(value("The talks will be held Sept. 30.")).isEqualTo(TimeValue.day(LocalDate.of(2023, 9, 30)));
    }

    @Test
    void reportedFutureIsReadFromTheNearestVerb() {
        assertThat(value("He said they are going to meet next week."))
                .isEqualTo(TimeValue.range(LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 8), TimeValue.Granularity.WEEK));
    }

    @Test
    void offsetsFromANarrativeTimeAreMarkedAnaphoric() {
        TemporalMatch later = only("Two days later, a truce was agreed.");
        TemporalMatch ago = only("Two days ago, a truce was agreed.");
        assertThat(later.anaphoric()).isTrue();
        assertThat(ago.anaphoric()).isFalse();
        assertThat(ago.value()).isEqualTo(TimeValue.day(LocalDate.of(2023, 9, 24)));
    }

    @Test
    void withoutAnAnchorExpressionsAreRecognisedButNotNormalised() {
        Document doc = doc("They spoke last week and will meet Oct. 5.");
        List<TemporalMatch> found = tagger.tag(doc, 0, doc.size(), null);
        assertThat(found).hasSize(2).allSatisfy(m -> assertThat(m.value()).isNull());
    }

    @Test
    void tagsEveryExpressionOnceLeftToRight() {
        Document doc = doc("From Monday to Wednesday they talked; since 2020 the deal held, and in the coming days a mission starts.");
        List<String> values = tagger.tag(doc, 0, doc.size(), ANCHOR).stream().map(m -> m.value().toString()).toList();
        assertThat(values).containsExactly("2023-09-25/2023-09-27 DAY", "2020-01-01/2023-09-26 YEAR",
                "~2023-09-27/2023-10-03 WEEK");
    }

    @Test
    void numbersThatAreNotYearsAreNotTagged() {
        Document doc = doc("They sent 2000 troops, 1999 percent more and $2020 in cash.");
        assertThat(tagger.tag(doc, 0, doc.size(), ANCHOR)).extracting(m -> doc.token(m.from()).text()).containsExactly("2000");
    }

    @Test
    void aPastThisWeekEarlyInTheWeekReachesBackOverTheWeekend() {
        // written on Tuesday about a debate that has happened: the seven days up to the anchor, not Mon-Sun ahead
        assertThat(value("This week's debate was a rout.")).isEqualTo(
                TimeValue.range(LocalDate.of(2023, 9, 20), LocalDate.of(2023, 9, 26), TimeValue.Granularity.WEEK));
        assertThat(value("This week's debate will be a rout.")).isEqualTo(
                TimeValue.range(LocalDate.of(2023, 9, 25), LocalDate.of(2023, 10, 1), TimeValue.Granularity.WEEK));
        // later in the week the calendar week has mostly passed and stays the reading
        Document doc = doc("This week's debate was a rout.");
        assertThat(tagger.tag(doc, 0, doc.size(), LocalDate.of(2023, 9, 29)).get(0).value()).isEqualTo(
                TimeValue.range(LocalDate.of(2023, 9, 25), LocalDate.of(2023, 10, 1), TimeValue.Granularity.WEEK));
    }

    @Test
    void inSoManyDaysLiesAheadUnlessThePastIsSpokenOf() {
        assertThat(value("Clinton needs a strong showing at the debate in 10 days."))
                .isEqualTo(TimeValue.approximate(LocalDate.of(2023, 10, 6), LocalDate.of(2023, 10, 6), TimeValue.Granularity.DAY));
        assertThat(value("They made progress in 10 days.")).isEqualTo(
                TimeValue.range(LocalDate.of(2023, 9, 16), ANCHOR, TimeValue.Granularity.DAY));
        // a stretch of months or years without a tense is still the stretch up to the anchor
        assertThat(value("The rate is the lowest in five years.").end()).isEqualTo(ANCHOR);
    }

    private TimeValue value(String sentence) {
        return only(sentence).value();
    }

    private TemporalMatch only(String sentence) {
        Document doc = doc(sentence);
        List<TemporalMatch> found = tagger.tag(doc, 0, doc.size(), ANCHOR);
        assertThat(found).as(sentence).hasSize(1);
        return found.get(0);
    }

    private static Document doc(String text) {
        return new Document(text, Lexicons.get());
    }
}
