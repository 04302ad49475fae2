package io.quotegraph.statements.event.service;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets of reported-event mentions: a mention's lookup keys must reach the store keys of every mention it can
 * link to, and the other way round, or linking would depend on which of the two arrived first.
 */
class ReportedEventBucketsTest {

    @Test
    void overlappingLongEventsFindEachOtherEitherWay() {
        // filed under its first ten years (2010-2019); its lookup starts a month earlier, in 2009
        Document decade = mention("a", "2010-01-10", "2025-06-30");
        Document lateLong = mention("c", "2019-03-01", "2019-09-30"); // over 92 days: filed under 2019
        assertThat(shared(ReportedEventService.lookupKeys(decade), ReportedEventService.storeKeys(lateLong)))
                .as("the earlier event finds the later one").isNotEmpty();
        assertThat(shared(ReportedEventService.lookupKeys(lateLong), ReportedEventService.storeKeys(decade)))
                .as("the later event finds the earlier one").isNotEmpty();
    }

    @Test
    void aDayFindsAnEventOfTheNextMonth() {
        Document day = mention("a", "2024-03-30", "2024-03-30");
        Document nextMonth = mention("b", "2024-04-02", "2024-04-02");
        assertThat(shared(ReportedEventService.lookupKeys(day), ReportedEventService.storeKeys(nextMonth))).isNotEmpty();
        assertThat(shared(ReportedEventService.lookupKeys(nextMonth), ReportedEventService.storeKeys(day))).isNotEmpty();
    }

    @Test
    void aCandidateIsComparedOnlyWithTheMentionsThatLookedUpItsBuckets() {
        // "b" looked up March only, "a" March and April: "m" (filed in April) can only be linked to "a"
        Map<String, Set<String>> lookedUpBy = Map.of("CONFLICT|2024-03", Set.of("a", "b"), "CONFLICT|2024-04", Set.of("a"),
                "ELECTION|2024-03", Set.of("c"));
        Map<String, List<String>> buckets = Map.of("CONFLICT|2024-03", List.of("x"), "CONFLICT|2024-04", List.of("m", "x"),
                "ELECTION|2024-03", List.of("e"));
        assertThat(ReportedEventService.pairings(lookedUpBy, buckets)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "m", Set.of("a"), "x", Set.of("a", "b"), "e", Set.of("c")));
    }

    @Test
    void aBucketNobodyFiledInGivesNoCandidates() {
        assertThat(ReportedEventService.pairings(Map.of("CONFLICT|2024-03", Set.of("a")), Map.of())).isEmpty();
    }

    private static Set<String> shared(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Document mention(String id, String start, String end) {
        return new Document("_id", id).append("type", "OFFENSIVE").append("family", "CONFLICT")
                .append("published", "2026-01-01").append("start", start).append("end", end)
                .append("dateKind", start.equals(end) ? "DATE" : "RANGE").append("granularity", "DAY");
    }
}
