package io.quotegraph.statements.event.service;

import io.quotegraph.extraction.event.EventLinker;
import io.quotegraph.extraction.event.EventTypes;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets of reported-event mentions: a mention's lookup keys must reach the store keys of every mention it can
 * link to, and the other way round, or linking would depend on which of the two arrived first; and the pairs the
 * refined keys find that the linker links must be exactly those their periods (the month or year buckets of a type
 * family the keys refine) found, so that the grouping does not change.
 */
class ReportedEventBucketsTest {

    private static final List<String> TYPES = List.of("MEETING", "NEGOTIATION", "ELECTION");
    private static final List<String> PLACES = List.of("place-1", "place-2", "name:Geneva");
    private static final List<String> PARTICIPANTS = List.of("speaker-1", "speaker-2", "name:Armenia", "name:Azerbaijan");

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
    void aDayFindsAnEventOfTheNextMonthAtTheSamePlace() {
        Document day = mention("a", "2024-03-30", "2024-03-30").append("locationKey", "place-1");
        Document nextMonth = mention("b", "2024-04-02", "2024-04-02").append("locationKey", "place-1");
        assertThat(shared(ReportedEventService.lookupKeys(day), ReportedEventService.storeKeys(nextMonth))).isNotEmpty();
        assertThat(shared(ReportedEventService.lookupKeys(nextMonth), ReportedEventService.storeKeys(day))).isNotEmpty();
    }

    @Test
    void aMonthOfOneFamilyIsSplitByPlaceParticipantAndDay() {
        Document inGeneva = mention("a", "2024-03-05", "2024-03-05").append("locationKey", "place-1");
        Document elsewhereSameDay = mention("b", "2024-03-05", "2024-03-05").append("locationKey", "place-2");
        Document elsewhereOtherDay = mention("c", "2024-03-12", "2024-03-12").append("locationKey", "place-2");
        assertThat(shared(ReportedEventService.lookupKeys(inGeneva), ReportedEventService.storeKeys(elsewhereOtherDay)))
                .as("another place and day of the month is not looked up").isEmpty();
        assertThat(shared(ReportedEventService.lookupKeys(inGeneva), ReportedEventService.storeKeys(elsewhereSameDay)))
                .as("the same type on the same day is").isNotEmpty();
    }

    @Test
    void aMentionThatCanLinkToNothingIsFiledNowhere() {
        // undated, no place, no participant: type and dates alone never reach the threshold
        Document vague = new Document("_id", "v").append("type", "ELECTION").append("family", "ELECTION")
                .append("published", "2024-01-15").append("participantKeys", List.of());
        assertThat(ReportedEventService.storeKeys(vague)).isEmpty();
        assertThat(ReportedEventService.lookupKeys(vague)).isEmpty();
    }

    /**
     * Over random mentions (undated, planned, coarse, precise, long, with and without places and participants): of the
     * pairs the linker links, the keys find exactly those the periods found, from either side.
     */
    @Test
    void theKeysFindExactlyTheLinkedPairsThePeriodsFound() {
        Random random = new Random(20261207);
        EventLinker linker = new EventLinker();
        List<Document> mentions = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            mentions.add(randomMention(random, i));
        }
        int linked = 0;
        int linkedOnlyByTheirDates = 0;
        for (Document a : mentions) {
            for (Document b : mentions) {
                if (a == b || !linker.decide(ReportedEventService.mention(a), ReportedEventService.mention(b)).linked()) {
                    continue;
                }
                linked++;
                if (a.getString("locationKey") == null && a.getList("participantKeys", String.class).isEmpty()) {
                    linkedOnlyByTheirDates++;
                }
                boolean periodsShared = !shared(ReportedEventService.lookupPeriods(a).keySet(),
                        ReportedEventService.storePeriods(b).keySet()).isEmpty();
                boolean keysShared = !shared(ReportedEventService.lookupKeys(a), ReportedEventService.storeKeys(b)).isEmpty();
                assertThat(keysShared).as("%s looking up %s", a.toJson(), b.toJson()).isEqualTo(periodsShared);
            }
        }
        // the sample must exercise what it checks
        assertThat(linked).isGreaterThan(500);
        assertThat(linkedOnlyByTheirDates).isGreaterThan(20);
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

    private static Document randomMention(Random random, int index) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        LocalDate published = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(120));
        Document mention = new Document("_id", "m" + index).append("type", type)
                .append("family", EventTypes.get().root(type))
                .append("status", random.nextInt(4) == 0 ? "PLANNED" : "HAPPENED")
                .append("published", published.toString())
                .append("locationKey", random.nextInt(3) == 0 ? PLACES.get(random.nextInt(PLACES.size())) : null);
        List<String> participants = new ArrayList<>();
        for (int p = random.nextInt(3) == 0 ? random.nextInt(3) : 0; p > 0; p--) {
            participants.add(PARTICIPANTS.get(random.nextInt(PARTICIPANTS.size())));
        }
        mention.append("participantKeys", participants);
        LocalDate start = published.minusDays(20).plusDays(random.nextInt(40));
        switch (random.nextInt(7)) {
            case 0 -> { } // undated: the month before publication, or the two after it when planned
            case 1, 2 -> date(mention, start, start, "DATE", "DAY");
            case 3 -> date(mention, start, start.plusDays(6), "RANGE", "WEEK");
            case 4 -> date(mention, start, start.plusDays(random.nextInt(2) == 0 ? random.nextInt(40)
                    : 60 + random.nextInt(random.nextInt(8) == 0 ? 5000 : 400)), "RANGE", "DAY");
            case 5 -> date(mention, start.withDayOfMonth(1), start.withDayOfMonth(start.lengthOfMonth()), "RANGE", "MONTH");
            default -> date(mention, start.withDayOfYear(1), start.withDayOfYear(start.lengthOfYear()), "RANGE", "YEAR");
        }
        return mention;
    }

    private static void date(Document mention, LocalDate start, LocalDate end, String kind, String granularity) {
        mention.append("start", start.toString()).append("end", end.toString()).append("dateKind", kind)
                .append("granularity", granularity);
    }

    private static Set<String> shared(Collection<String> a, Collection<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Document mention(String id, String start, String end) {
        return new Document("_id", id).append("type", "OFFENSIVE").append("family", "CONFLICT")
                .append("published", "2026-01-01").append("start", start).append("end", end)
                .append("dateKind", start.equals(end) ? "DATE" : "RANGE").append("granularity", "DAY")
                .append("participantKeys", List.of());
    }
}
