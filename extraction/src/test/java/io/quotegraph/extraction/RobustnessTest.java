package io.quotegraph.extraction;

import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile and degenerate input: no exceptions, valid spans, and time linear in the input. */
class RobustnessTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();
    private static final Instant PUBLISHED = Instant.parse("2024-05-15T12:00:00Z");
    private static final int ONE_MB = 1 << 20;
    /** A hang guard, not a speed target (the eval command measures throughput): generous for busy machines (one unit
     * takes ~11-14 s of CPU, so 30 s failed once at load 25). */
    private static final Duration BUDGET = Duration.ofSeconds(120);

    private static Extraction extract(String text) {
        Extraction x = EXTRACTOR.extract(text, PUBLISHED);
        SpanAssertions.assertSpansMatch(text, x);
        return x;
    }

    @Test
    void emptyAndBlankText() {
        assertThat(extract("").statements()).isEmpty();
        assertThat(extract(" \n\n\t ").statements()).isEmpty();
        assertThat(EXTRACTOR.extract(null, null).statements()).isEmpty();
        assertThat(extract("x").extractorVersion()).isEqualTo(StatementExtractor.VERSION);
    }

    @Test
    void textWithoutQuotesOrCues() {
        Extraction x = extract("The river rose overnight. Roads were closed in three districts.\nSchools will reopen next week.");
        assertThat(x.statements()).isEmpty();
        assertThat(x.speakers()).isEmpty();
    }

    @Test
    void onlyQuoteMarks() {
        for (String marks : new String[] {"\"", "\"\"", "“”‘’'\"", "\" \" \" \"\n\" “ ” ‘", ",\" said", "said: \"", "' ' '", "”“”“"}) {
            extract(marks);
        }
    }

    @Test
    void unbalancedMarksDoNotSwallowTheArticle() {
        Extraction x = extract("“We will win, the candidate said at the rally.\nTurnout was high, officials said.\n\"Counting continues,\" an observer said.");
        assertThat(x.statements()).anySatisfy(s -> assertThat(s.content().text()).isEqualTo("Turnout was high"));
        assertThat(x.statements()).anySatisfy(s -> assertThat(s.content().text()).isEqualTo("\"Counting continues,\""));
    }

    @Test
    void oneMegabyteOfNews() {
        String paragraph = "\"We will keep working with our partners,\" Foreign Minister Anna Berg told reporters on Monday. "
                + "She said the talks had \"reached a critical stage\" and warned of delays. According to officials, "
                + "the U.S. delegation arrives Oct. 5 in the capital.\n";
        String text = repeat(paragraph);
        Extraction x = assertTimeoutPreemptively(BUDGET, () -> extract(text));
        assertThat(x.statements()).hasSizeGreaterThan(1000);
        assertThat(x.speakers()).isNotEmpty();
    }

    @Test
    void oneMegabyteOfDegenerateInput() {
        String[] units = {"\"", "\" ", "'a ", "said ", "a said, ", "The A B C D E said ", "x", "“", "Mr. ", ", ", "] ", "( ", "said: “"};
        for (String unit : units) {
            String text = repeat(unit);
            assertTimeoutPreemptively(BUDGET, () -> extract(text), "unit '" + unit + "'");
        }
    }

    @Test
    void oneMegabyteOfRandomText() {
        Random random = new Random(42);
        String alphabet = "abcdefgh ABCDEF.,:;\"“”‘’'()[]\n-—said told ";
        StringBuilder sb = new StringBuilder(ONE_MB);
        while (sb.length() < ONE_MB) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertTimeoutPreemptively(BUDGET, () -> extract(sb.toString()));
    }

    @Test
    void oneInstanceServesConcurrentArticles() throws Exception {
        String[] articles = {
                "\"We will keep working,\" Foreign Minister Anna Berg told reporters on Monday.\nShe said the talks had stalled.",
                "Norway said it would send more aid.\n\"It is urgent,\" it said.",
                "A ministry spokesman said Friday the border would stay closed.\nJonas Weber told journalists that talks would continue."};
        List<Extraction> expected = new ArrayList<>();
        for (String a : articles) {
            expected.add(EXTRACTOR.extract(a, PUBLISHED));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i % articles.length;
                results.add(pool.submit(() -> EXTRACTOR.extract(articles[k], PUBLISHED).equals(expected.get(k))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String repeat(String unit) {
        return unit.repeat(ONE_MB / unit.length() + 1);
    }
}
