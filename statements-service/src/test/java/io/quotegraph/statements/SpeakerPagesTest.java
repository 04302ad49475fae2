package io.quotegraph.statements;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.curation.service.CurationService;
import io.quotegraph.statements.speaker.repository.SpeakerPageRepository;
import io.quotegraph.statements.speaker.service.SpeakerService;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A speaker's derived fields come from the pages its mappings are summarised in (issue 10): they must be those a
 * derivation from all its mappings gives, after deliveries, merges and splits, and a store written before the pages
 * must be filled once.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SpeakerPagesTest {

    @Inject
    Mongo mongo;
    @Inject
    SpeakerService speakers;
    @Inject
    CurationService curation;

    @Test
    void aSpeakerWrittenBeforePagesIsDerivedWholeOnceAndLosesItsArticleListThen() {
        String name = "Hall of " + Articles.name();
        List<String> articleIds = new ArrayList<>();
        String speakerId = deliver(name, "hall", articleIds);
        // as a version before the pages left it: no pages, not marked, its articles listed on it
        mongo.collection(SpeakerPageRepository.COLLECTION).deleteMany(Filters.eq("speakerId", speakerId));
        speakerDocuments().updateOne(Filters.eq("_id", speakerId),
                Updates.combine(Updates.unset("paged"), Updates.set("articleIds", List.copyOf(articleIds))));

        deliver(name, "hall", articleIds);

        Document filled = speakerDocuments().find(Filters.eq("_id", speakerId)).first();
        assertThat(filled).doesNotContainKey("articleIds").containsEntry("paged", true);
        assertThat(mongo.collection(SpeakerPageRepository.COLLECTION).countDocuments(Filters.eq("speakerId", speakerId)))
                .as("its pages are written").isPositive();
        assertThat(speakers.get(speakerId).statementCount()).isEqualTo(2);

        // a paged speaker's writes no longer carry the migration: a stray list is left alone
        speakerDocuments().updateOne(Filters.eq("_id", speakerId), Updates.set("articleIds", List.of("stray")));
        deliver(name, "hall", articleIds);
        assertThat(speakerDocuments().find(Filters.eq("_id", speakerId)).first().getList("articleIds", String.class))
                .containsExactly("stray");
        assertThat(speakers.get(speakerId).statementCount()).isEqualTo(3);
        assertDerivedFromPagesAsFromAllMappings(speakerId);
    }

    @Test
    void mergedAndSplitSpeakersAreDerivedFromTheirPagesAsFromAllTheirMappings() {
        String hall = "Hall of " + Articles.name();
        String lodge = "Lodge of " + Articles.name();
        List<String> hallArticles = new ArrayList<>();
        List<String> lodgeArticles = new ArrayList<>();
        String target = null;
        String source = null;
        for (int i = 0; i < 3; i++) {
            target = deliver(hall, "merge-hall", hallArticles);
        }
        for (int i = 0; i < 2; i++) {
            source = deliver(lodge, "merge-lodge", lodgeArticles);
        }
        assertThat(source).isNotEqualTo(target);

        SpeakerView merged = curation.merge(target, List.of(source), "curator");
        assertThat(merged.statementCount()).isEqualTo(5);
        assertThat(merged.aliases()).contains(hall, lodge);
        assertDerivedFromPagesAsFromAllMappings(target);
        // the merged-away speaker's pages were left by its mappings too
        speakers.refresh(List.of(source));
        assertThat(speakerDocuments().find(Filters.eq("_id", source)).first().get("statementCount", Number.class).longValue())
                .isZero();

        List<SpeakerView> split = curation.split(target, lodgeArticles, lodge, "curator");
        assertThat(split.get(0).statementCount()).isEqualTo(3);
        assertThat(split.get(1).statementCount()).isEqualTo(2);
        assertThat(speakers.get(target).aliases()).doesNotContain(lodge);
        assertDerivedFromPagesAsFromAllMappings(target);
        assertDerivedFromPagesAsFromAllMappings(split.get(1).id());
    }

    /** Derives the speaker again from all its mappings (its pages forgotten): nothing it shows may change. */
    private void assertDerivedFromPagesAsFromAllMappings(String speakerId) {
        SpeakerView fromPages = speakers.get(speakerId);
        Document stored = speakerDocuments().find(Filters.eq("_id", speakerId)).first();
        speakerDocuments().updateOne(Filters.eq("_id", speakerId), Updates.unset("paged"));
        speakers.refresh(List.of(speakerId));
        assertThat(speakers.get(speakerId)).isEqualTo(fromPages);
        Document whole = speakerDocuments().find(Filters.eq("_id", speakerId)).first();
        for (String field : List.of("aliasKeys", "searchTokens", "orgKeys", "speaker", "listed", "nameKey")) {
            assertThat(whole.get(field)).as(field).isEqualTo(stored.get(field));
        }
    }

    private String deliver(String name, String prefix, List<String> articleIds) {
        Articles article = Articles.article(prefix).publishedAt("2024-06-%02dT10:00:00Z".formatted(1 + articleIds.size()))
                .speaker("S1", name, "ORGANIZATION", List.of(), "spokesperson", null)
                .statement("DIRECT", "We have nothing to add on day " + articleIds.size(), name, "said", "S1");
        article.deliver().statusCode(200);
        articleIds.add(article.articleId);
        return speakers.list(null, null, List.of(), null, false, List.of(article.articleId), 0, 10).items().get(0).id();
    }

    private com.mongodb.client.MongoCollection<Document> speakerDocuments() {
        return mongo.collection(Mongo.SPEAKERS);
    }
}
