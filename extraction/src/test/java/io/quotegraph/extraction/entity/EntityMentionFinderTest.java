package io.quotegraph.extraction.entity;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EntityMentionFinderTest {

    private static ExtractedStatement statement(String text, String content, String speakerKey) {
        int start = text.indexOf(content);
        return new ExtractedStatement(StatementKind.INDIRECT, Span.of(text, start, start + content.length()), null, null,
                speakerKey, 0.7, null);
    }

    @Test
    void gazetteerNamesAreFoundCanonicalWithTheirOffsets() {
        String text = "He said the U.S. supports a mission in Karabakh and in Nagorno-Karabakh, for all of us.";
        ExtractedStatement s = statement(text, "the U.S. supports a mission in Karabakh and in Nagorno-Karabakh, for all of us", null);
        List<EntityMention> about = new EntityMentionFinder().attach(List.of(s), List.of()).get(0).about();
        assertThat(about).extracting(EntityMention::name).containsExactly("United States", "Nagorno-Karabakh");
        assertThat(about).extracting(EntityMention::type).containsExactly(EntityType.COUNTRY, EntityType.LOCATION);
        EntityMention us = about.get(0);
        assertThat(text.substring(us.span().start(), us.span().end())).isEqualTo("U.S.").isEqualTo(us.span().text());
        // "us" (the pronoun) is not the US: names match as written
        assertThat(about).noneMatch(m -> m.span().text().equals("us"));
    }

    @Test
    void theArticlesOwnSpeakersAreLinkedByKeyButNotToTheirOwnStatements() {
        String text = "Miller said he welcomed the talks between President Aliyev and Pashinyan. Aliyev said Miller was right.";
        List<ArticleSpeaker> speakers = List.of(
                new ArticleSpeaker("S1", "Matthew Miller", EntityType.PERSON, List.of("Miller", "Matthew Miller"), List.of()),
                new ArticleSpeaker("S2", "Ilham Aliyev", EntityType.PERSON, List.of("Aliyev", "President Aliyev"), List.of()));
        ExtractedStatement first = statement(text, "he welcomed the talks between President Aliyev and Pashinyan", "S1");
        ExtractedStatement second = statement(text, "Miller was right", "S2");
        List<ExtractedStatement> result = new EntityMentionFinder().attach(List.of(first, second), speakers);
        assertThat(result.get(0).about()).hasSize(2);
        assertThat(result.get(0).about().get(0)).satisfies(m -> {
            assertThat(m.speakerKey()).isEqualTo("S2");
            assertThat(m.span().text()).isEqualTo("President Aliyev"); // the longest name wins
            assertThat(m.name()).isEqualTo("Ilham Aliyev");
        });
        // not a speaker here: the gazetteer's only Pashinyan
        assertThat(result.get(0).about().get(1)).satisfies(m -> {
            assertThat(m.speakerKey()).isNull();
            assertThat(m.span().text()).isEqualTo("Pashinyan");
            assertThat(m.name()).isEqualTo("Nikol Pashinyan");
        });
        assertThat(result.get(1).about()).extracting(EntityMention::speakerKey).containsExactly("S1");
    }

    @Test
    void theSampleArticlesStatementsAreAboutKarabakhAndTheParties() throws IOException {
        Extraction x = new StatementExtractor().extract(read("/seeds/003_e7eb26b20c05329b.txt"), Instant.parse("2023-09-27T18:00:00Z"));
        List<String> named = x.statements().stream().flatMap(s -> s.about().stream()).map(EntityMention::name).distinct().toList();
        assertThat(named).contains("Nagorno-Karabakh", "Azerbaijan", "Antony Blinken", "Ilham Aliyev");
        for (ExtractedStatement s : x.statements()) {
            for (EntityMention m : s.about()) {
                assertThat(m.span().start()).isGreaterThanOrEqualTo(s.content().start());
                assertThat(m.span().end()).isLessThanOrEqualTo(s.content().end());
            }
        }
    }

    @Test
    void peopleNamedByTitleOrRoleAreResolvedWithinTheArticle() {
        String text = "“The secretary (Antony Blinken) pushed the president (Ilham Aliyev) for it,” he said. "
                + "He said it was the same thing the secretary stressed to President Aliyev and Prime Minister Nikol Pashinyan.";
        int first = text.indexOf("The secretary");
        int second = text.indexOf("it was the same");
        List<ExtractedStatement> statements = List.of(
                new ExtractedStatement(StatementKind.DIRECT, Span.of(text, first, text.indexOf(",”")), null, null, null, 0.9, null),
                new ExtractedStatement(StatementKind.INDIRECT, Span.of(text, second, text.length() - 1), null, null, null, 0.7, null));
        List<ExtractedStatement> result = new EntityMentionFinder().attach(text, statements, List.of());
        assertThat(result.get(0).about()).extracting(EntityMention::name).containsExactly("Antony Blinken", "Ilham Aliyev");
        assertThat(result.get(0).about()).extracting(EntityMention::type).containsOnly(EntityType.PERSON);
        assertThat(result.get(0).about()).extracting(m -> m.span().text()).containsExactly("The secretary", "the president");
        assertThat(result.get(1).about()).extracting(m -> m.span().text())
                .containsExactly("the secretary", "President Aliyev", "Prime Minister Nikol Pashinyan");
        assertThat(result.get(1).about()).extracting(EntityMention::name)
                .containsExactly("Antony Blinken", "Ilham Aliyev", "Nikol Pashinyan");
        assertThat(result.get(1).about()).extracting(EntityMention::role)
                .containsExactly("secretary", "President", "Prime Minister");
        for (ExtractedStatement s : result) {
            for (EntityMention m : s.about()) {
                assertThat(text.substring(m.span().start(), m.span().end())).isEqualTo(m.span().text());
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EntityMentionFinderTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
