package io.quotegraph.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 on the whole system: the nine events of seeds/expected.json come out of GraphQL with their type, date (exact
 * or approximate), participants, place, status and articles; the offensive, the ceasefire, the meeting and the
 * monitoring mission are one event each over both sample articles; statements link to the events they talk about.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsEndToEndTest {

    private static final String EVENTS = """
            { events(first: 100) { totalCount edges { node { id type date endDate dateApproximate granularity status
              locationName participantNames participants { name } articles { id } evidence { articleId text } } } } }""";

    @TempDir
    static Path data;

    private SampleSystem system;
    private JsonNode expected;
    /** Article id by the expected.json article number ("000", "003"). */
    private final Map<String, String> articleIds = new LinkedHashMap<>();

    @BeforeAll
    void startSystemAndIngestSamples() {
        system = SampleSystem.start(data, "https://example.org/e2e-events/");
        expected = system.expected();
        system.articleIdByFile().forEach((file, id) -> articleIds.put(file.substring(0, 3), id));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theNineExpectedEventsWithTheirDatesParticipantsPlacesAndArticles() {
        JsonNode events = query(EVENTS).path("events").path("edges");
        for (JsonNode want : expected.path("events")) {
            String type = want.path("type").asText();
            Set<String> wantArticles = new TreeSet<>();
            want.path("articles").forEach(a -> wantArticles.add(articleIds.get(a.asText())));
            List<JsonNode> candidates = new ArrayList<>();
            for (JsonNode edge : events) {
                JsonNode e = edge.path("node");
                if (e.path("type").asText().equals(type) && articlesOf(e).equals(wantArticles) && dateMatches(e, want)) {
                    candidates.add(e);
                }
            }
            assertThat(candidates).as("%s %s over %s in %s", type, want.path("evidence").asText(), wantArticles, events)
                    .hasSize(1);
            JsonNode got = candidates.get(0);
            List<String> names = new ArrayList<>();
            got.path("participants").forEach(p -> names.add(p.path("name").asText()));
            got.path("participantNames").forEach(p -> names.add(p.asText()));
            for (JsonNode participant : want.path("participants")) {
                assertThat(names).as("%s participants", type).contains(participant.asText());
            }
            if (want.has("location")) {
                assertThat(got.path("locationName").asText()).as("%s place", type).isEqualTo(want.path("location").asText());
            }
            if (want.has("status")) {
                assertThat(got.path("status").asText()).as("%s status", type)
                        .isEqualTo(want.path("status").asText().toUpperCase(Locale.ROOT));
            }
        }
    }

    @Test
    void statementsLinkToTheMeetingTheyTalkAboutAndToTheBriefingTheyWereMadeAt() {
        JsonNode statements = query("{ statements(first: 100) { edges { node { content { text } occasion { type date } "
                + "aboutEvents { type date endDate articles { id } } } } } }").path("statements").path("edges");
        JsonNode announcing = null;
        for (JsonNode edge : statements) {
            if (edge.path("node").path("content").path("text").asText().contains("going to meet next week")) {
                announcing = edge.path("node");
            }
        }
        assertThat(announcing).isNotNull();
        assertThat(announcing.path("occasion").path("type").asText()).isEqualTo("PRESS_BRIEFING");
        assertThat(announcing.path("occasion").path("date").asText()).isEqualTo("2023-09-25");
        JsonNode meeting = null;
        for (JsonNode e : announcing.path("aboutEvents")) {
            if (e.path("type").asText().equals("MEETING")) {
                meeting = e;
            }
        }
        assertThat(meeting).isNotNull();
        assertThat(meeting.path("date").asText()).isEqualTo("2023-10-05");
        assertThat(meeting.path("articles")).hasSize(2);
    }

    @Test
    void eventsByTypeStatusPlaceAndDate() {
        JsonNode meetings = query("{ events(type: \"MEETING\", location: \"Granada\", from: \"2023-10-01\", to: \"2023-10-31\") "
                + "{ edges { node { date status } } } }").path("events").path("edges");
        assertThat(meetings).hasSize(1);
        assertThat(meetings.get(0).path("node").path("status").asText()).isEqualTo("PLANNED");
        JsonNode proposed = query("{ events(status: \"PROPOSED\", type: \"MONITORING_MISSION\") { totalCount } }").path("events");
        assertThat(proposed.path("totalCount").asInt()).isEqualTo(1);
    }

    private static Set<String> articlesOf(JsonNode event) {
        Set<String> ids = new TreeSet<>();
        event.path("articles").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    /** "date": the event's (first) date, or its year for a year; "dateApprox": a day within the event's dates. */
    private static boolean dateMatches(JsonNode event, JsonNode want) {
        if (want.has("date")) {
            String date = want.path("date").asText();
            return date.length() == 4 ? event.path("date").asText().startsWith(date + "-") && "YEAR".equals(event.path("granularity").asText())
                    : event.path("date").asText().equals(date);
        }
        if (want.has("dateApprox")) {
            LocalDate day = LocalDate.parse(want.path("dateApprox").asText());
            LocalDate start = LocalDate.parse(event.path("date").asText());
            LocalDate end = event.path("endDate").isNull() || event.path("endDate").isMissingNode()
                    ? start : LocalDate.parse(event.path("endDate").asText());
            return !day.isBefore(start) && !day.isAfter(end);
        }
        return true;
    }

    private JsonNode query(String document) {
        return system.graphql(document, Map.of());
    }
}
