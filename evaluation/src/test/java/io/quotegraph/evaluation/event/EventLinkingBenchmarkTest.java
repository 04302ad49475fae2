package io.quotegraph.evaluation.event;

import io.quotegraph.extraction.event.EventLinker;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventLinkingBenchmarkTest {

    private static List<EventLinkingBenchmark.Item> items(String... lines) throws IOException {
        return EventLinkingBenchmark.parse(new BufferedReader(new StringReader(String.join("\n", lines))));
    }

    @Test
    void scoresTheLinkersDecisionsAgainstTheLabels() throws IOException {
        List<EventLinkingBenchmark.Item> items = items(
                "# comment",
                // one meeting reported twice: linked (same type, date, place, a shared participant)
                "a#0\tmeeting\t2023-09-26\tMEETING\tPLANNED\t2023-10-02/2023-10-08 WEEK\tAliyev/PERSON;Nikol Pashinyan/PERSON\t-\tmeet next week",
                "b#0\tmeeting\t2023-09-27\tMEETING\tPLANNED\t2023-10-05\tIlham Aliyev/PERSON;Nikol Pashinyan/PERSON\tGranada\tmeet Oct. 5",
                // another meeting of the same people, a week later: a false link (dates within the week's tolerance)
                "c#0\tother-meeting\t2023-09-27\tMEETING\tPLANNED\t2023-10-09\tPashinyan/PERSON\t-\tmeet again",
                // a debate the linker misses: the participants differ (a missed link)
                "d#0\tdebate\t2016-01-18\tDEBATE\tHAPPENED\t2016-01-17\tClinton/PERSON\t-\ta debate Sunday",
                "e#0\tdebate\t2016-01-19\tDEBATE\tHAPPENED\t2016-01-17\tMartin O'Malley/PERSON\t-\tthe debate");
        EventLinkingBenchmark.Report r = new EventLinkingBenchmark().run(items);
        assertThat(r.mentions()).isEqualTo(5);
        assertThat(r.events()).isEqualTo(3);
        // gold pairs: a-b, d-e; direct links: a-b (0.5 + 1 + 1 = 2.5), a-c (0.5 + 0.5 a day past the week + 1 = 2.0);
        // b-c are four days apart, more than a day's tolerance: never
        assertThat(r.positivePairs()).isEqualTo(2);
        assertThat(r.direct().predicted()).isEqualTo(2);
        assertThat(r.direct().truePositives()).isEqualTo(1);
        assertThat(r.direct().precision()).isEqualTo(0.5);
        assertThat(r.direct().recall()).isEqualTo(0.5);
        assertThat(r.direct().f1()).isEqualTo(0.5);
        // the events formed: {a, b} {c} {d} {e}: c links to a but cannot join b's group (b-c never), 1 pair, right
        assertThat(r.grouped().pairwisePrecision()).isCloseTo(1.0, within(1e-9));
        assertThat(r.grouped().pairwiseRecall()).isEqualTo(0.5);
        assertThat(r.errors()).extracting(EventLinkingBenchmark.Error::falseLink).containsExactly(false);
        assertThat(r.errors().get(0).reason()).contains("disjoint participants -1");
        // same type, different event: a-c, b-c, and the three meeting/debate pairs are not of one type
        assertThat(r.sameTypeNegativePairs()).isEqualTo(2);
    }

    @Test
    void perfectLinkingScoresOne() throws IOException {
        EventLinkingBenchmark.Report r = new EventLinkingBenchmark().run(items(
                "a#0\tceasefire\t2023-09-26\tCEASEFIRE\tHAPPENED\t-\t-\tNagorno-Karabakh\tthe ceasefire",
                "b#3\tceasefire\t2023-09-27\tCEASEFIRE\tHAPPENED\t~2023-09-19/2023-09-25 WEEK\t-\tNagorno-Karabakh\ta cease-fire",
                "b#5\tagreement\t2023-09-27\tAGREEMENT\tHAPPENED\t2020-01-01/2020-12-31 YEAR\tRussia/COUNTRY\t-\ta 2020 agreement"));
        assertThat(r.direct().f1()).isEqualTo(1.0);
        assertThat(r.grouped().b3F1()).isEqualTo(1.0);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void personsAreKeyedByTheirLastName() {
        assertThat(EventLinkingBenchmark.key("Hillary Clinton", io.quotegraph.model.EntityType.PERSON)).isEqualTo("clinton");
        assertThat(EventLinkingBenchmark.key("Republican Party", io.quotegraph.model.EntityType.ORGANIZATION))
                .isEqualTo("republican party");
    }

    @Test
    void theCommittedSetHasEnoughPairsOfBothKinds() {
        List<EventLinkingBenchmark.Item> items = EventLinkingBenchmark.readLabels();
        EventLinkingBenchmark.Report r = new EventLinkingBenchmark().run(items);
        assertThat(r.positivePairs()).isGreaterThanOrEqualTo(60);
        assertThat(r.sameTypeNegativePairs()).isGreaterThanOrEqualTo(60);
        assertThat(items).extracting(i -> i.mention().id()).doesNotHaveDuplicates();
        // ids and short evidence only: no article text is copied
        assertThat(items).allSatisfy(i -> assertThat(i.evidence()).hasSizeLessThanOrEqualTo(60));
        assertThat(EventLinker.LINK_THRESHOLD).isEqualTo(1.5);
    }

    @Test
    void aShortLineIsRejectedWithItsNumber() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> items("# header", "a#0\tx\t2023-01-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }
}
