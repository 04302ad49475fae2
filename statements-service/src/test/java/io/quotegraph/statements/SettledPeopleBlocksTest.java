package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.extraction.entity.ResolutionMention;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.curation.service.CurationService;
import io.quotegraph.statements.entity.service.GazetteerService;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.service.ClusterResolution;
import io.quotegraph.statements.speaker.service.SpeakerService;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block of people ("p:trump") gains mappings with every article naming the person, and its clusters depend on how
 * many mentions each full name has (a bare surname joins the dominant one): resolving a delivery must not read the
 * whole block (issue 10), and must link exactly as re-clustering the block whole would.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class SettledPeopleBlocksTest {

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
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    MongoTraffic traffic;

    /** A name an article gives a speaker, with the organisation of its role (null: none). */
    private record Named(String name, String organization) {
    }

    @Test
    void resolvingTheThirtiethArticleNamingAPersonReadsNoMoreMappingsThanTheFifth() {
        String surname = Articles.name();
        Named full = new Named("Donald " + surname, null);
        Named bare = new Named(surname, null);
        List<MongoTraffic.Bytes> mappingTraffic = new ArrayList<>();
        List<Map<String, String>> ids = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            // another full name once, so that the bare surname depends on counts: Donald's from the third article on
            List<Named> names = i == 0 ? List.of(full, bare, new Named("Eric " + surname, null)) : List.of(full, bare);
            mappingTraffic.add(traffic.measure(Mongo.ARTICLE_SPEAKERS, () -> ids.add(resolve(List.of(names)).get(0))));
        }
        MongoTraffic.Bytes fifth = mappingTraffic.get(4);
        MongoTraffic.Bytes last = mappingTraffic.get(ARTICLES - 1);
        // re-clustering the block whole read every earlier mapping: two whole mappings more per article
        assertThat(last.read()).as("bytes read from the mappings, by article: %s", mappingTraffic)
                .isLessThanOrEqualTo(fifth.read() + 64);
        assertThat(last.written()).as("bytes written to the mappings, by article: %s", mappingTraffic)
                .isLessThanOrEqualTo(fifth.written() + 64);

        // from the third article on, the bare surname is Donald's (3 of his 4 mentions); his cluster then took the
        // smaller id of the two its mappings had (the bare surnames' one or his), as any re-clustering does
        String donald = ids.get(2).get("S1");
        assertThat(ids.subList(2, ARTICLES)).allSatisfy(a -> assertThat(a).containsEntry("S1", donald).containsEntry("S2", donald));
        assertThat(ids.get(0).get("S3")).isNotEqualTo(donald);
        assertWholeReclusteringMovesNothing(blockKey(surname));
        assertThat(speakerOf(blockKey(surname), surname)).as("every bare surname, the first two included").hasSize(ARTICLES)
                .containsOnly(donald);
        assertThat(speakerOf(blockKey(surname), full.name())).hasSize(ARTICLES).containsOnly(donald);
    }

    @Test
    void aBatchThatMakesAnotherFullNameDominantMovesTheBareSurnamesAsAWholeReclustering() {
        String surname = Articles.name();
        Named donald = new Named("Donald " + surname, null);
        Named eric = new Named("Eric " + surname, null);
        Named bare = new Named(surname, null);
        List<Map<String, String>> early = resolve(List.of(List.of(donald, bare), List.of(donald, bare), List.of(donald, bare),
                List.of(eric)));
        assertWholeReclusteringMovesNothing(blockKey(surname));
        String donaldId = early.get(0).get("S1");
        assertThat(speakerOf(blockKey(surname), surname)).as("3 of 4 mentions: Donald's").containsOnly(donaldId);

        // 11 of 14 mentions are now Eric's: every bare surname, the earlier ones too, is his
        List<List<Named>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(List.of(eric, bare));
        }
        List<Map<String, String>> late = resolve(batch);

        // (the cluster that now holds most of Donald's former mappings keeps his id, as in any re-clustering)
        String ericId = late.get(0).get("S1");
        assertThat(late).allSatisfy(a -> assertThat(a).containsEntry("S1", ericId).containsEntry("S2", ericId));
        assertThat(speakerOf(blockKey(surname), eric.name())).containsOnly(ericId);
        assertThat(speakerOf(blockKey(surname), surname)).containsOnly(ericId);
        assertThat(speakerOf(blockKey(surname), donald.name())).hasSize(3).doesNotContain(ericId);
        assertWholeReclusteringMovesNothing(blockKey(surname));
    }

    @Test
    void aNewFullNameThatChangesOnlyTheBareSurnamesEvidenceRelinksThemAsAWholeReclustering() {
        String surname = Articles.name();
        Named bare = new Named(surname, "Acme Holdings");
        resolve(List.of(List.of(new Named("Donald " + surname, "Acme Holdings"), bare)));
        resolve(List.of(List.of(bare)));
        assertThat(evidenceOf(blockKey(surname), surname)).allSatisfy(e -> assertThat(e).doesNotContain("conflict"));

        // the bare surnames stay Donald's (the new full name's organisation conflicts), but their evidence says more
        resolve(List.of(List.of(new Named("Eric " + surname, "Globex Industries"))));

        assertThat(evidenceOf(blockKey(surname), surname)).hasSize(2)
                .allSatisfy(e -> assertThat(e).contains("the other full names conflict"));
        assertWholeReclusteringMovesNothing(blockKey(surname));
    }

    @Test
    void aCuratorsSplitIsFollowedByTheNextArticleAsByAWholeReclustering() {
        String surname = Articles.name();
        List<Named> names = List.of(new Named("Donald " + surname, "Acme Holdings"), new Named(surname, null));
        List<String> articleIds = new ArrayList<>();
        String speakerId = null;
        for (int i = 0; i < 4; i++) {
            String articleId = Articles.article("split-person").articleId;
            articleIds.add(articleId);
            speakerId = resolve(List.of(articleId), List.of(names)).get(0).get("S1");
        }
        // three of the four articles pinned to a new speaker: the cluster follows the majority of its pins
        String newId = curation.split(speakerId, articleIds.subList(1, 4), null, "curator").get(1).id();

        Map<String, String> next = resolve(List.of(names)).get(0);

        assertThat(next).containsEntry("S1", newId).containsEntry("S2", newId);
        assertWholeReclusteringMovesNothing(blockKey(surname));
    }

    @Test
    void randomBatchesOfOnePeopleBlockResolveAsAWholeReclustering() {
        String surname = Articles.name();
        List<Named> pool = new ArrayList<>();
        for (String organization : Arrays.asList(null, "Acme Holdings", "Globex Industries")) {
            pool.add(new Named("Donald " + surname, organization));
            pool.add(new Named("Eric " + surname, organization));
            pool.add(new Named(surname, organization));
        }
        // full names named more often than the rest, so that dominance comes and goes
        pool.add(new Named("Donald " + surname, null));
        pool.add(new Named("Donald " + surname, null));
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int unread = 0;
        for (int batch = 0; batch < 15; batch++) {
            List<List<Named>> articles = new ArrayList<>();
            for (int a = 1 + random.nextInt(4); a > 0; a--) {
                List<Named> names = new ArrayList<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    names.add(pool.get(random.nextInt(pool.size())));
                }
                articles.add(names);
            }
            MongoTraffic.Bytes bytes = traffic.measure(Mongo.ARTICLE_SPEAKERS, () -> resolve(articles));
            unread += bytes.read() == 0 ? 1 : 0;
            assertWholeReclusteringMovesNothing(blockKey(surname), "seed " + seed + ", batch " + batch + ": " + articles);
        }
        assertThat(unread).as("batches resolved without reading the block (seed %s)", seed).isPositive();
    }

    /** Resolves one batch of new articles, each naming these speakers ("S1", "S2", ... in order); their speaker ids. */
    private List<Map<String, String>> resolve(List<List<Named>> articles) {
        List<String> articleIds = new ArrayList<>();
        articles.forEach(a -> articleIds.add(Articles.article("people").articleId));
        return resolve(articleIds, articles);
    }

    private List<Map<String, String>> resolve(List<String> articleIds, List<List<Named>> articles) {
        Map<String, List<Document>> stored = speakerService.mappingsOfArticles(articleIds);
        List<SpeakerService.ArticleNames> batch = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            List<ArticleSpeaker> speakers = new ArrayList<>();
            for (Named named : articles.get(i)) {
                speakers.add(new ArticleSpeaker("S" + (speakers.size() + 1), named.name(), EntityType.PERSON, List.of(),
                        named.organization() == null ? List.of() : List.of(new Role("chairman", named.organization()))));
            }
            batch.add(new SpeakerService.ArticleNames(articleIds.get(i), Instant.parse("2024-05-01T08:00:00Z"),
                    stored.getOrDefault(articleIds.get(i), List.of()), speakers, List.of(), Map.of()));
        }
        SpeakerService.Resolution resolution = speakerService.resolveArticles(batch);
        return articleIds.stream().map(id -> resolution.speakerIds().get(id)).toList();
    }

    private void assertWholeReclusteringMovesNothing(String blockKey) {
        assertWholeReclusteringMovesNothing(blockKey, blockKey);
    }

    /** The block's links (speaker, score, evidence, basis) are those a whole re-clustering writes. */
    private void assertWholeReclusteringMovesNothing(String blockKey, String description) {
        Map<String, List<Object>> before = links(blockKey);
        ClusterResolution.Outcome whole = clusters.resolveBlocks(gazetteer.clusterer(), List.of(blockKey));
        assertThat(links(blockKey)).as("links after re-clustering the block whole (%s)", description).isEqualTo(before);
        assertThat(whole.speakerIds()).as(description).isEmpty();
    }

    private Map<String, List<Object>> links(String blockKey) {
        Map<String, List<Object>> links = new TreeMap<>();
        for (Document m : articleSpeakers.findByBlock(blockKey)) {
            links.put(m.getString("_id"), Arrays.asList(m.getString("speakerId"), m.getDouble("score"),
                    m.getString("evidence"), m.getString("basis")));
        }
        return links;
    }

    /** The speakers of the block's mappings named exactly so. */
    private List<String> speakerOf(String blockKey, String name) {
        return articleSpeakers.findByBlock(blockKey).stream().filter(m -> name.equals(m.getString("name")))
                .map(m -> m.getString("speakerId")).toList();
    }

    private List<String> evidenceOf(String blockKey, String name) {
        return articleSpeakers.findByBlock(blockKey).stream().filter(m -> name.equals(m.getString("name")))
                .map(m -> m.getString("evidence")).toList();
    }

    private String blockKey(String surname) {
        return gazetteer.clusterer().blockKey(new ResolutionMention("any", "Donald " + surname, EntityType.PERSON, List.of(), false));
    }
}
