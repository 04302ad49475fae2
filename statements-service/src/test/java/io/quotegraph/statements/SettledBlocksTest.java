package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.extraction.entity.ResolutionMention;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.curation.service.CurationService;
import io.quotegraph.statements.entity.service.GazetteerService;
import io.quotegraph.statements.speaker.service.ClusterResolution;
import io.quotegraph.statements.speaker.service.SpeakerService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block of other entities than people ("United States") gains one identical mapping with every article naming it;
 * resolving a delivery must not read them all (issue 10), nor resolve differently from re-clustering the block whole.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SettledBlocksTest {

    private static final int ARTICLES = 30;

    @Inject
    SpeakerService speakerService;
    @Inject
    ClusterResolution clusters;
    @Inject
    GazetteerService gazetteer;
    @Inject
    CurationService curation;
    @Inject
    MongoTraffic traffic;

    @Test
    void resolvingTheThirtiethArticleNamingAnOrganisationReadsNoMoreMappingsThanTheSecond() {
        String name = "Union of " + Articles.name();
        List<MongoTraffic.Bytes> mappingTraffic = new ArrayList<>();
        List<String> speakerIds = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String articleId = Articles.article("hub").articleId;
            mappingTraffic.add(traffic.measure(Mongo.ARTICLE_SPEAKERS,
                    () -> speakerIds.add(resolveMention(articleId, name))));
        }
        MongoTraffic.Bytes second = mappingTraffic.get(1);
        MongoTraffic.Bytes last = mappingTraffic.get(ARTICLES - 1);
        assertThat(second.written()).as("the mapping is written").isPositive();
        // re-clustering the block whole read every earlier mapping: ~500 bytes more per article
        assertThat(last.read()).as("bytes read from the mappings, by article: %s", mappingTraffic)
                .isLessThanOrEqualTo(second.read() + 64);
        assertThat(last.written()).as("bytes written to the mappings, by article: %s", mappingTraffic)
                .isLessThanOrEqualTo(second.written() + 64);

        assertThat(speakerIds).as("one speaker for every article").containsOnly(speakerIds.get(0));
        ClusterResolution.Outcome whole = clusters.resolveBlocks(gazetteer.clusterer(), List.of(blockKey(name)));
        assertThat(whole.speakerIds()).as("re-clustering the block whole moves nothing").isEmpty();
        assertThat(whole.assignments()).hasSize(ARTICLES).allSatisfy((mapping, id) -> assertThat(id).isEqualTo(speakerIds.get(0)));
    }

    @Test
    void aCuratorsSplitIsFollowedByTheNextArticleAsByAWholeReclustering() {
        String name = "Council of " + Articles.name();
        List<String> articleIds = new ArrayList<>();
        String speakerId = null;
        for (int i = 0; i < 4; i++) {
            articleIds.add(Articles.article("split-hub").articleId);
            speakerId = resolveMention(articleIds.get(i), name);
        }
        // three of the four pinned to a new speaker: the block's unpinned mappings follow the majority of its pins
        String newId = curation.split(speakerId, articleIds.subList(1, 4), null, "curator").get(1).id();

        String next = resolveMention(Articles.article("split-hub").articleId, name);

        assertThat(next).isEqualTo(newId);
        ClusterResolution.Outcome whole = clusters.resolveBlocks(gazetteer.clusterer(), List.of(blockKey(name)));
        assertThat(whole.speakerIds()).as("re-clustering the block whole moves nothing").isEmpty();
    }

    /** Resolves one article whose statements name this organisation; returns the speaker it was resolved to. */
    private String resolveMention(String articleId, String name) {
        ArticleSpeaker mentioned = new ArticleSpeaker("E:1", name, EntityType.ORGANIZATION, List.of(), List.of());
        SpeakerService.Resolution resolution = speakerService.resolveArticles(List.of(new SpeakerService.ArticleNames(
                articleId, Instant.parse("2024-05-01T08:00:00Z"), List.of(), List.of(), List.of(mentioned), Map.of())));
        return resolution.speakerIds().get(articleId).get("E:1");
    }

    private String blockKey(String name) {
        return gazetteer.clusterer().blockKey(new ResolutionMention("any", name, EntityType.ORGANIZATION, List.of(), false));
    }
}
