package io.quotegraph.statements.common;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The two forms of a {@link Criteria}: the filter document sent to MongoDB, and the test of documents read by _id. */
class CriteriaTest {

    private static final Document STATEMENT = new Document("_id", "a:0").append("articleId", "a").append("kind", "DIRECT")
            .append("aboutIds", List.of("e1", "e2")).append("tokens", List.of("troops", "will", "move"))
            .append("publishedAt", new Date(1_000_000)).append("statementCount", 3L)
            .append("roles", List.of(new Document("title", "Foreign Minister"), new Document("title", "MP")));

    @Test
    void filterDocumentHasFieldConditionsAtTheTopAndAlternativesUnderAnd() {
        Criteria criteria = new Criteria().in("articleId", List.of("a", "b")).eq("kind", "DIRECT")
                .in("speakerId", List.of()).between("publishedAt", null, new Date(5))
                .anyOf(new Criteria().gt("statementCount", 0), new Criteria().gt("mentionCount", 0))
                .between("publishedAt", new Date(1), null);
        assertThat(criteria.filter().toJson()).isEqualTo(new Document("articleId", new Document("$in", List.of("a", "b")))
                .append("kind", "DIRECT").append("publishedAt", new Document("$lte", new Date(5)))
                .append("$and", List.of(
                        new Document("$or", List.of(new Document("statementCount", new Document("$gt", 0)),
                                new Document("mentionCount", new Document("$gt", 0)))),
                        new Document("publishedAt", new Document("$gte", new Date(1))))).toJson());
        assertThat(new Criteria().in("x", List.of("only")).filter()).isEqualTo(new Document("x", "only"));
        assertThat(new Criteria().in("x", null).isEmpty()).isTrue();
    }

    @Test
    void arraysMatchByElementAndMissingFieldsMatchOnlyNe() {
        assertThat(new Criteria().in("aboutIds", List.of("e2", "e9")).test(STATEMENT)).isTrue();
        assertThat(new Criteria().in("aboutIds", List.of("e9")).test(STATEMENT)).isFalse();
        assertThat(new Criteria().eq("kind", "DIRECT").in("articleId", List.of("a")).test(STATEMENT)).isTrue();
        assertThat(new Criteria().eq("kind", "INDIRECT").test(STATEMENT)).isFalse();
        assertThat(new Criteria().in("speakerId", List.of("s1", "s2")).test(STATEMENT)).isFalse();
        assertThat(new Criteria().ne("speaker", false).test(STATEMENT)).isTrue();
        assertThat(new Criteria().ne("speaker", false).test(new Document("speaker", false))).isFalse();
        assertThat(new Criteria().ne("aboutIds", "e1").test(STATEMENT)).isFalse();
        assertThat(new Criteria().all("tokens", List.of("move", "troops")).test(STATEMENT)).isTrue();
        assertThat(new Criteria().all("tokens", List.of("move", "ships")).test(STATEMENT)).isFalse();
    }

    @Test
    void comparisonsHoldOnlyBetweenValuesOfOneKind() {
        assertThat(new Criteria().between("publishedAt", new Date(1_000_000), new Date(1_000_000)).test(STATEMENT)).isTrue();
        assertThat(new Criteria().between("publishedAt", new Date(1_000_001), null).test(STATEMENT)).isFalse();
        assertThat(new Criteria().between("publishedAt", null, new Date(999_999)).test(STATEMENT)).isFalse();
        // a string bound never meets a date, nor does a missing field meet any bound
        assertThat(new Criteria().between("publishedAt", null, "2030-01-01").test(STATEMENT)).isFalse();
        assertThat(new Criteria().between("date", null, "2030-01-01").test(STATEMENT)).isFalse();
        assertThat(new Criteria().gt("statementCount", 0).test(STATEMENT)).isTrue();
        assertThat(new Criteria().gt("statementCount", 3).test(STATEMENT)).isFalse();
        assertThat(new Criteria().gt("mentionCount", 0).test(STATEMENT)).isFalse();
        assertThat(new Criteria().anyOf(new Criteria().gt("mentionCount", 0), new Criteria().gt("statementCount", 0))
                .test(STATEMENT)).isTrue();
        assertThat(new Criteria().gte("date", "2024-01-01").test(new Document("date", "2024-01-01"))).isTrue();
    }

    @Test
    void regexLooksIntoSubDocumentsOfArrays() {
        Pattern minister = Pattern.compile("(^|[^a-z0-9])" + Pattern.quote("minis"), Pattern.CASE_INSENSITIVE);
        assertThat(new Criteria().regex("roles.title", minister).test(STATEMENT)).isTrue();
        assertThat(new Criteria().regex("roles.title", Pattern.compile("^Prime")).test(STATEMENT)).isFalse();
        assertThat(new Criteria().regex("roles.title", minister).filter())
                .isEqualTo(new Document("roles.title", new Document("$regex", minister.pattern()).append("$options", "i")));
    }
}
