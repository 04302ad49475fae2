package io.quotegraph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Role;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance: the two seed articles against the careful reader's expectations in seeds/expected.json. */
class SeedArticlesTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();
    private static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SeedArticlesTest.class.getResourceAsStream("/seeds/expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void everyExpectedStatementIsFound(int index) throws IOException {
        JsonNode article = expected.get("articles").get(index);
        String text = read(article.get("file").asText());
        Extraction x = EXTRACTOR.extract(text, Instant.parse(article.get("publishedAt").asText()));
        SpanAssertions.assertSpansMatch(text, x);

        for (JsonNode want : article.get("statements")) {
            String contains = want.get("contains").asText();
            Optional<ExtractedStatement> found = x.statements().stream()
                    .filter(s -> s.content().text().contains(contains))
                    .filter(s -> s.kind() == StatementKind.valueOf(want.get("kind").asText().toUpperCase(Locale.ROOT)))
                    .filter(s -> s.cue() != null && s.cue().text().equals(want.get("cue").asText()))
                    .filter(s -> want.get("speaker").asText().equals(speakerName(x, s)))
                    .filter(s -> !want.has("mention") || s.speakerMention() != null
                            && s.speakerMention().text().equalsIgnoreCase(want.get("mention").asText()))
                    .findFirst();
            assertThat(found).as("expected %s in %s%n%s", want, article.get("file").asText(), Dump.of(x)).isPresent();
        }
        for (JsonNode not : article.path("notStatements")) {
            String fragment = not.get("contains").asText();
            assertThat(x.statements()).noneMatch(s -> s.content().text().contains(fragment));
        }
    }

    @Test
    void millerIsOneSpeakerWithAliasesAndRoleInArticle000() throws IOException {
        Extraction x = extract(0);
        ArticleSpeaker miller = x.speakers().stream().filter(s -> s.name().equals("Matthew Miller")).findFirst().orElseThrow();
        assertThat(miller.aliases()).contains("Miller", "Matthew Miller");
        assertThat(miller.roles()).contains(new Role("spokesman", "U.S. Department of State"));
    }

    @Test
    void briefingOccasionsAreDated() throws IOException {
        Extraction first = extract(0);
        ExtractedStatement opening = first.statements().get(0);
        assertThat(opening.occasion()).isNotNull();
        assertThat(opening.occasion().type()).isEqualTo("PRESS_BRIEFING");
        assertThat(opening.occasion().date()).isEqualTo(LocalDate.of(2023, 9, 25));

        Extraction second = extract(1);
        List<ExtractedStatement> miller = second.statements().stream()
                .filter(s -> "Matthew Miller".equals(speakerName(second, s))).toList();
        assertThat(miller).hasSizeGreaterThanOrEqualTo(7);
        assertThat(miller).allSatisfy(s -> {
            assertThat(s.occasion()).isNotNull();
            assertThat(s.occasion().type()).isEqualTo("PRESS_BRIEFING");
            assertThat(s.occasion().date()).isEqualTo(LocalDate.of(2023, 9, 27));
        });
        assertThat(second.statements()).filteredOn(s -> !"Matthew Miller".equals(speakerName(second, s)))
                .allSatisfy(s -> assertThat(s.occasion()).isNull());
    }

    private static Extraction extract(int index) throws IOException {
        JsonNode article = expected.get("articles").get(index);
        return EXTRACTOR.extract(read(article.get("file").asText()), Instant.parse(article.get("publishedAt").asText()));
    }

    static String speakerName(Extraction x, ExtractedStatement s) {
        return x.speakers().stream().filter(sp -> sp.key().equals(s.speakerKey())).map(ArticleSpeaker::name).findFirst().orElse(null);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = SeedArticlesTest.class.getResourceAsStream("/seeds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
