package io.quotegraph.extraction.event;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EventStatus;
import io.quotegraph.model.ExtractedEvent;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.TimeValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events of the sample articles (seeds/expected.json "events") and the phenomena behind them. */
class EventDetectorTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();
    private static final Extraction BRIEFING = EXTRACTOR.extract(seed("000_22d92712b785dfc5.txt"), Instant.parse("2023-09-26T09:00:00Z"));
    private static final Extraction FOLLOW_UP = EXTRACTOR.extract(seed("003_e7eb26b20c05329b.txt"), Instant.parse("2023-09-27T18:00:00Z"));

    @Test
    void adjectivalPartyAndTheArticlesPlace() {
        ExtractedEvent offensive = only(BRIEFING, "MILITARY_OPERATION");
        assertThat(names(offensive.participants())).containsExactly("Azerbaijan");
        assertThat(offensive.location().name()).isEqualTo("Nagorno-Karabakh");
        assertThat(offensive.status()).isEqualTo(EventStatus.HAPPENED);
        assertThat(offensive.evidence().get(0).text()).isEqualTo("the latest Azerbaijani offensive");
    }

    @Test
    void frontedDateAndASpeakerMadeActorByAPronoun() {
        ExtractedEvent operation = only(FOLLOW_UP, "MILITARY_OPERATION");
        assertThat(names(operation.participants())).containsExactly("Azerbaijan");
        assertThat(operation.date()).isEqualTo(TimeValue.range(LocalDate.of(2023, 9, 18), LocalDate.of(2023, 9, 24), TimeValue.Granularity.WEEK));
        assertThat(operation.location().name()).isEqualTo("Nagorno-Karabakh");
    }

    @Test
    void anaphoricOffsetCountsFromTheNarrativesLastTime() {
        ExtractedEvent ceasefire = only(FOLLOW_UP, "CEASEFIRE");
        assertThat(ceasefire.date().kind()).isEqualTo(TimeValue.Kind.APPROXIMATE);
        assertThat(ceasefire.date().overlaps(TimeValue.day(LocalDate.of(2023, 9, 20)))).isTrue();
        assertThat(ceasefire.evidence()).hasSize(2);
        assertThat(only(BRIEFING, "CEASEFIRE").status()).isEqualTo(EventStatus.HAPPENED);
    }

    @Test
    void plannedMeetingDatedFromTheDayItWasAnnounced() {
        // "going to meet next week", said at the briefing of Monday 2023-09-25 (published Tuesday)
        ExtractedEvent announced = only(BRIEFING, "MEETING");
        assertThat(announced.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(announced.date()).isEqualTo(TimeValue.range(LocalDate.of(2023, 10, 2), LocalDate.of(2023, 10, 8), TimeValue.Granularity.WEEK));
        // 000 names him only as "President Aliyev": the gazetteer's only Aliyev gives the full name
        assertThat(names(announced.participants())).containsExactly("Ilham Aliyev", "Nikol Pashinyan");
        assertThat(announced.evidence()).hasSize(2); // "they meet" refers back to it

        ExtractedEvent scheduled = only(FOLLOW_UP, "MEETING");
        assertThat(scheduled.date()).isEqualTo(TimeValue.day(LocalDate.of(2023, 10, 5)));
        assertThat(scheduled.location().name()).isEqualTo("Granada");
        assertThat(names(scheduled.participants())).containsExactly("Ilham Aliyev", "Nikol Pashinyan");
    }

    @Test
    void visitAndCallWithUntitledAndRoleNamedPeople() {
        ExtractedEvent visit = only(FOLLOW_UP, "VISIT");
        assertThat(names(visit.participants())).containsExactlyInAnyOrder("Samantha Power", "Yuri Kim");
        assertThat(visit.location().name()).isEqualTo("Armenia");

        ExtractedEvent call = only(FOLLOW_UP, "PHONE_CALL");
        assertThat(names(call.participants())).containsExactly("Antony Blinken", "Ilham Aliyev");
        assertThat(call.date()).isEqualTo(TimeValue.day(LocalDate.of(2023, 9, 26)));
    }

    @Test
    void agreementOfTheYearItsNounPhraseGivesKeepsItsOwnParties() {
        ExtractedEvent agreement = FOLLOW_UP.events().stream()
                .filter(e -> e.type().equals("AGREEMENT") && e.date() != null && e.date().granularity() == TimeValue.Granularity.YEAR)
                .findFirst().orElseThrow();
        assertThat(agreement.date().start()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(names(agreement.participants())).containsExactlyInAnyOrder("Azerbaijan", "Russia", "Armenia");
        assertThat(agreement.status()).isEqualTo(EventStatus.HAPPENED);
        // "to discuss signing a peace treaty" is another, proposed agreement, not dated by the meeting's "Oct. 5"
        assertThat(FOLLOW_UP.events()).filteredOn(e -> e.type().equals("AGREEMENT") && e.status() == EventStatus.PROPOSED)
                .singleElement().satisfies(e -> assertThat(e.date()).isNull());
    }

    @Test
    void mentionsOfTheMissionMergeIntoTheSpecificTypeAndAreProposed() {
        ExtractedEvent mission = only(FOLLOW_UP, "MONITORING_MISSION");
        assertThat(mission.evidence()).extracting(s -> s.text()).contains("an international observer mission", "that mission");
        assertThat(mission.status()).isEqualTo(EventStatus.PROPOSED);
        assertThat(mission.location().name()).isEqualTo("Nagorno-Karabakh");
        assertThat(only(BRIEFING, "MONITORING_MISSION").evidence()).extracting(s -> s.text()).contains("an international mission");
        assertThat(BRIEFING.events()).noneMatch(e -> e.type().equals("MISSION"));
    }

    @Test
    void statementsLinkToTheEventsTheyTalkAboutButNotToTheirOccasion() {
        int mission = FOLLOW_UP.events().indexOf(only(FOLLOW_UP, "MONITORING_MISSION"));
        ExtractedStatement lead = FOLLOW_UP.statements().get(0);
        assertThat(lead.aboutEvents()).containsExactly(mission);
        assertThat(FOLLOW_UP.events()).noneMatch(e -> e.type().equals("PRESS_BRIEFING"));
        int call = FOLLOW_UP.events().indexOf(only(FOLLOW_UP, "PHONE_CALL"));
        assertThat(FOLLOW_UP.statements()).filteredOn(s -> s.aboutEvents().contains(call))
                .singleElement().satisfies(s -> assertThat(s.content().text()).contains("his conversation with President Aliyev"));
    }

    @Test
    void wordsThatAreNotEventsHereAreNotTriggers() {
        Extraction x = EXTRACTOR.extract("Critics called the remarks offensive remarks. The primary reason is money. "
                + "She said the mission statement was clear.", Instant.parse("2023-09-26T09:00:00Z"));
        assertThat(x.events()).isEmpty();
    }

    @Test
    void aPlaceModifyingTheEventNounIsItsPlace() {
        Extraction x = EXTRACTOR.extract("Sanders won the Washington caucuses on Saturday.", Instant.parse("2016-03-28T12:00:00Z"));
        assertThat(only(x, "ELECTION").location().name()).isEqualTo("Washington");
        // a country before the noun stays a party, not a place
        ExtractedEvent deal = only(EXTRACTOR.extract("The Iran nuclear agreement was signed on Tuesday.",
                Instant.parse("2016-03-28T12:00:00Z")), "AGREEMENT");
        assertThat(deal.location()).isNull();
        assertThat(names(deal.participants())).containsExactly("Iran");
    }

    private static ExtractedEvent only(Extraction x, String type) {
        List<ExtractedEvent> found = x.events().stream().filter(e -> e.type().equals(type)).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    private static List<String> names(List<EntityMention> mentions) {
        return mentions.stream().map(EntityMention::name).toList();
    }

    private static String seed(String file) {
        try (InputStream in = EventDetectorTest.class.getResourceAsStream("/seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
