package io.quotegraph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.extraction.entity.Gazetteer;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EntityType;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
        // the careful reader's list is complete: a statement beyond it is a false one (a reporter's request once was)
        assertThat(x.statements()).as("no statement beyond the expected ones in %s%n%s", article.get("file").asText(),
                Dump.of(x)).hasSize(article.get("statements").size());
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

    /**
     * The people, organisations and places named anywhere in the two articles (speakers included) are exactly the
     * expected entities plus the expected speakers: same canonical names, same types (expected.json's LOCATION covers
     * countries), and the names the texts use for each are, once normalised, exactly its expected canonical name and
     * aliases. Each expected role is stated by the article or is the gazetteer's office on the article's date.
     */
    @Test
    void theEntitiesNamedAnywhereInTheArticlesAreExactlyTheExpectedOnes() throws IOException {
        Gazetteer gazetteer = Gazetteer.bundled();
        Map<String, EntityType> types = new TreeMap<>();
        Map<String, Set<String>> nameKeys = new TreeMap<>();
        Map<String, Set<String>> roles = new TreeMap<>();
        for (int i = 0; i < 2; i++) {
            Extraction x = extract(i);
            LocalDate date = LocalDate.ofInstant(Instant.parse(expected.get("articles").get(i).get("publishedAt").asText()), ZoneOffset.UTC);
            for (ArticleSpeaker speaker : x.speakers()) {
                types.merge(speaker.name(), speaker.type(), (a, b) -> a);
                speaker.aliases().forEach(a -> nameKeys.computeIfAbsent(speaker.name(), k -> new TreeSet<>()).add(key(a, speaker.type())));
                speaker.roles().forEach(r -> roles.computeIfAbsent(speaker.name(), k -> new TreeSet<>()).add(roleKey(r.title(), r.organization(), gazetteer)));
            }
            for (EntityMention m : x.entities()) {
                String name = m.speakerKey() == null ? m.name()
                        : x.speakers().stream().filter(sp -> sp.key().equals(m.speakerKey())).findFirst().orElseThrow().name();
                types.merge(name, m.type(), (a, b) -> a);
                String surface = m.span().text();
                // the title a person is named with is their role, not part of their name
                if (m.role() != null && surface.startsWith(m.role() + " ")) {
                    surface = surface.substring(m.role().length() + 1);
                }
                nameKeys.computeIfAbsent(name, k -> new TreeSet<>()).add(key(surface, m.type()));
                nameKeys.get(name).add(key(m.name(), m.type()));
                gazetteer.officesOf(name, date).forEach(o -> roles.computeIfAbsent(name, k -> new TreeSet<>())
                        .add(roleKey(o.title(), o.organization(), gazetteer)));
            }
        }
        Set<String> wantNames = new TreeSet<>();
        expected.get("entities").forEach(e -> wantNames.add(e.get("canonical").asText()));
        expected.get("articles").forEach(a -> a.get("statements").forEach(st -> wantNames.add(st.get("speaker").asText())));
        assertThat(types.keySet()).containsExactlyInAnyOrderElementsOf(wantNames);
        for (JsonNode e : expected.get("entities")) {
            String canonical = e.get("canonical").asText();
            EntityType type = types.get(canonical);
            assertThat(type == EntityType.COUNTRY ? EntityType.LOCATION : type).as(canonical)
                    .isEqualTo(EntityType.valueOf(e.get("type").asText()));
            Set<String> wantKeys = new TreeSet<>();
            wantKeys.add(key(canonical, type));
            e.path("aliases").forEach(a -> wantKeys.add(key(a.asText(), type)));
            assertThat(nameKeys.get(canonical)).as(canonical).containsExactlyInAnyOrderElementsOf(wantKeys);
            for (JsonNode role : e.path("roles")) {
                assertThat(roles.get(canonical)).as(canonical + " " + role)
                        .contains(roleKey(role.get("title").asText(), role.get("organization").asText(), gazetteer));
            }
        }
    }

    private static String key(String name, EntityType type) {
        return EntityNames.nameKey(name, type);
    }

    /** A role as compared: the noun it is named by ("spokesman" = "Spokesperson") at the canonical organisation. */
    private static String roleKey(String title, String organization, Gazetteer gazetteer) {
        return new Gazetteer.Office(title, organization, null, null).roleNoun() + "@"
                + (organization == null ? "" : gazetteer.organizationKey(organization));
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
