package io.quotegraph.extraction.event;

import io.quotegraph.model.EventStatus;
import io.quotegraph.model.TimeValue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The pair decisions and the grouping of {@link EventLinker}. */
class EventLinkerTest {

    private static final LocalDate PUBLISHED = LocalDate.parse("2023-09-27");
    private final EventLinker linker = new EventLinker();

    private static EventLinker.Mention mention(String id, String type, String date, List<String> parties, String place) {
        return new EventLinker.Mention(id, type, EventStatus.HAPPENED, PUBLISHED, date == null ? null : TimeValue.parse(date),
                parties, place);
    }

    @Test
    void sameTypeDatePlaceAndPartyLink() {
        EventLinker.Decision d = linker.decide(mention("a#0", "MEETING", "2023-10-05", List.of("aliyev"), "granada"),
                mention("b#0", "MEETING", "2023-10-02/2023-10-08 WEEK", List.of("aliyev", "pashinyan"), null));
        assertThat(d.score()).isEqualTo(2.5);
        assertThat(d.linked()).isTrue();
        assertThat(d.reason()).contains("same type +0.5", "dates overlap +1", "shared participant +1");
    }

    @Test
    void disjointParticipantsOutweighTheSameDay() {
        EventLinker.Decision d = linker.decide(mention("a#0", "DEBATE", "2016-01-17", List.of("clinton"), null),
                mention("b#0", "DEBATE", "2016-01-11/2016-01-17 WEEK", List.of("republican party"), null));
        assertThat(d.score()).isEqualTo(0.5);
        assertThat(d.linked()).isFalse();
        assertThat(d.reason()).contains("disjoint participants -1");
    }

    @Test
    void incompatibleTypesDatesOrPlacesNeverLink() {
        assertThat(linker.decide(mention("a#0", "MEETING", "2023-10-05", List.of(), null),
                mention("b#0", "CEASEFIRE", "2023-10-05", List.of(), null)).score()).isEqualTo(Double.NEGATIVE_INFINITY);
        EventLinker.Decision farApart = linker.decide(mention("a#0", "DEBATE", "2016-09-26", List.of(), null),
                mention("b#0", "DEBATE", "2016-10-09", List.of(), null));
        assertThat(farApart.linked()).isFalse();
        assertThat(farApart.reason()).contains("13 days apart");
        assertThat(linker.decide(mention("a#0", "ELECTION", "2016-06-07", List.of(), "washington"),
                mention("b#0", "ELECTION", "2016-06-07", List.of(), "south dakota")).reason()).contains("differ");
    }

    @Test
    void anUndatedMentionLiesAroundItsPublication() {
        EventLinker.Mention planned = new EventLinker.Mention("a#0", "MONITORING_MISSION", EventStatus.PROPOSED, PUBLISHED,
                null, List.of(), "karabakh");
        assertThat(EventLinker.blockingDate(planned)).isEqualTo(TimeValue.approximate(PUBLISHED, PUBLISHED.plusDays(62),
                TimeValue.Granularity.MONTH));
        // undated: no date points, but the same type and place still link
        assertThat(linker.decide(planned, mention("b#0", "MONITORING_MISSION", null, List.of(), "karabakh")).score())
                .isEqualTo(1.5);
    }

    @Test
    void groupsAreConnectedAndNamedAfterTheirSmallestId() {
        // c links to a and to b, a and b do not link to each other directly (disjoint participants): one group
        assertThat(linker.decide(mention("a#0", "MEETING", "2023-10-05", List.of("x"), null),
                mention("b#0", "MEETING", "2023-10-05", List.of("y"), null)).linked()).isFalse();
        Map<String, String> groups = linker.groups(List.of(
                mention("c#0", "MEETING", "2023-10-05", List.of(), "granada"),
                mention("b#0", "MEETING", "2023-10-05", List.of("y"), null),
                mention("a#0", "MEETING", "2023-10-05", List.of("x"), null),
                mention("d#0", "MEETING", "2023-12-01", List.of(), "granada")));
        assertThat(groups).containsEntry("a#0", "a#0").containsEntry("b#0", "a#0").containsEntry("c#0", "a#0")
                .containsEntry("d#0", "d#0");
    }

    @Test
    void aYearDateIsNoEvidenceAndDoesNotChainTwoDebates() {
        EventLinker.Mention year = mention("a#0", "DEBATE", "2016-01-01/2016-12-31 YEAR", List.of("trump"), null);
        EventLinker.Mention february = mention("b#0", "DEBATE", "2016-02-06", List.of("trump"), null);
        EventLinker.Mention september = mention("c#0", "DEBATE", "2016-09-26", List.of("trump"), null);
        assertThat(linker.decide(year, february).reason()).contains("coarse dates 0");
        assertThat(linker.decide(year, february).score()).isEqualTo(1.5);
        assertThat(linker.decide(year, september).linked()).isTrue();
        // single-link would make one event of all three; the February and September debates are incompatible
        Map<String, String> groups = linker.groups(List.of(september, year, february));
        assertThat(groups.get("b#0")).isNotEqualTo(groups.get("c#0"));
        assertThat(groups.get("a#0")).isEqualTo("a#0");
    }

    @Test
    void aGroupNeverHoldsTwoPlacesWhateverTheOrder() {
        EventLinker.Mention washington = mention("a#0", "ELECTION", "2016-06-07", List.of(), "washington");
        EventLinker.Mention southDakota = mention("b#0", "ELECTION", "2016-06-07", List.of(), "south dakota");
        EventLinker.Mention unplaced = mention("c#0", "ELECTION", "2016-06-07", List.of(), null);
        assertThat(linker.decide(unplaced, washington).linked()).isTrue();
        assertThat(linker.decide(unplaced, southDakota).linked()).isTrue();
        Map<String, String> expected = linker.groups(List.of(washington, southDakota, unplaced));
        assertThat(expected.get("a#0")).isNotEqualTo(expected.get("b#0"));
        // the same groups from every order of the input
        for (List<EventLinker.Mention> order : List.of(List.of(unplaced, southDakota, washington),
                List.of(southDakota, unplaced, washington), List.of(washington, unplaced, southDakota))) {
            assertThat(linker.groups(order)).isEqualTo(expected);
        }
    }

    @Test
    void averageLinkJoinsAMentionThatFitsTheGroupAsAWhole() {
        // d links to a; b and c are the same meeting with a, and d agrees with them too: one group of four
        Map<String, String> groups = linker.groups(List.of(
                mention("a#0", "MEETING", "2023-10-05", List.of("aliyev"), "granada"),
                mention("b#0", "MEETING", "2023-10-05", List.of("aliyev"), null),
                mention("c#0", "MEETING", "2023-10-02/2023-10-08 WEEK", List.of("aliyev"), null),
                mention("d#0", "MEETING", "2023-10-01/2023-10-31 MONTH", List.of("aliyev"), "granada")));
        assertThat(groups.values()).containsOnly("a#0");
    }

    @Test
    void groupsAreAverageLinkAsTheClassCommentDefinesIt() {
        Random random = new Random(20261207);
        for (int trial = 0; trial < 300; trial++) {
            List<EventLinker.Mention> mentions = new ArrayList<>();
            int n = 2 + random.nextInt(45);
            for (int i = 0; i < n; i++) {
                mentions.add(randomMention(random, "m" + random.nextInt(1000) + "#" + i));
            }
            Map<String, String> expected = averageLinkByDefinition(mentions);
            Collections.shuffle(mentions, random);
            assertThat(linker.groups(mentions)).as("trial %d", trial).isEqualTo(expected);
        }
    }

    /**
     * The grouping the class comment describes, computed the slow way: every round recomputes every mean from the
     * pair scores of the groups' members.
     */
    private Map<String, String> averageLinkByDefinition(List<EventLinker.Mention> mentions) {
        List<List<EventLinker.Mention>> groups = new ArrayList<>();
        mentions.stream().sorted(Comparator.comparing(EventLinker.Mention::id))
                .forEach(m -> groups.add(new ArrayList<>(List.of(m))));
        while (true) {
            int bestX = -1;
            int bestY = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int x = 0; x < groups.size(); x++) {
                for (int y = x + 1; y < groups.size(); y++) {
                    double total = 0;
                    boolean anyLinked = false;
                    for (EventLinker.Mention a : groups.get(x)) {
                        for (EventLinker.Mention b : groups.get(y)) {
                            double score = linker.score(a, b);
                            total += score;
                            anyLinked |= score >= EventLinker.LINK_THRESHOLD;
                        }
                    }
                    double mean = total / (groups.get(x).size() * groups.get(y).size());
                    if (anyLinked && mean >= EventLinker.MERGE_THRESHOLD && mean > best) {
                        best = mean;
                        bestX = x;
                        bestY = y;
                    }
                }
            }
            if (bestX < 0) {
                break;
            }
            // the merged group keeps bestX's place: its smallest id is still smaller than every later group's
            groups.get(bestX).addAll(groups.remove(bestY));
        }
        Map<String, String> groupOf = new HashMap<>();
        for (List<EventLinker.Mention> group : groups) {
            String name = group.stream().map(EventLinker.Mention::id).min(Comparator.naturalOrder()).orElseThrow();
            group.forEach(m -> groupOf.put(m.id(), name));
        }
        return groupOf;
    }

    /** Mentions from a small space of types, dates, places and participants, so that many pairs link. */
    private static EventLinker.Mention randomMention(Random random, String id) {
        String type = List.of("MEETING", "MEETING", "DEBATE", "MISSION", "MONITORING_MISSION").get(random.nextInt(5));
        LocalDate day = LocalDate.parse("2016-01-01").plusDays(random.nextInt(70));
        TimeValue date = switch (random.nextInt(6)) {
            case 0, 1 -> TimeValue.day(day);
            case 2 -> TimeValue.range(day, day.plusDays(6), TimeValue.Granularity.WEEK);
            case 3 -> TimeValue.range(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()),
                    TimeValue.Granularity.MONTH);
            case 4 -> TimeValue.range(LocalDate.parse("2016-01-01"), LocalDate.parse("2016-12-31"),
                    TimeValue.Granularity.YEAR);
            default -> null;
        };
        List<String> parties = new ArrayList<>();
        for (String party : List.of("trump", "cruz", "clinton")) {
            if (random.nextInt(3) == 0) {
                parties.add(party);
            }
        }
        String place = List.of("", "", "iowa", "ohio").get(random.nextInt(4));
        EventStatus status = random.nextInt(4) == 0 ? EventStatus.PLANNED : EventStatus.HAPPENED;
        return new EventLinker.Mention(id, type, status, day.plusDays(random.nextInt(20)), date, parties,
                place.isEmpty() ? null : place);
    }
}
