package io.quotegraph.extraction.event;

import io.quotegraph.model.EventStatus;
import io.quotegraph.model.TimeValue;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
}
