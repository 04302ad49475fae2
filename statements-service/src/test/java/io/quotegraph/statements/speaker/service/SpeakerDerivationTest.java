package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.Gazetteer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging the partial derivations of a speaker's pages gives what deriving from all its mappings gives, for random
 * mappings drawn from small pools so that names, spellings, roles, days and publication times tie often.
 */
class SpeakerDerivationTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final String[] NAMES = {"Antony Blinken", "Blinken", "Tony Blinken", "Ilham Aliyev", "Aliyev",
            "United States", "U.S.", "America", "State Department", "U.S. Department of State", "Rosa Vale", "Vale",
            "Acme Corp", "the Ministry"};
    private static final String[] ALIASES = {"Blinken", " blinken ", "the secretary", "Secretary Blinken", "US",
            "Vale", "VALE", "the president", "", "  "};
    private static final String[] TYPES = {"PERSON", "ORGANIZATION", "COUNTRY", "LOCATION", null};
    private static final String[] TITLES = {"Secretary of State", "secretary", "President", "president", "spokesman",
            "Spokeswoman", "spokesperson", "Administrator", null};
    private static final String[] ORGANIZATIONS = {null, "State Department", "U.S. Department of State", "Azerbaijan",
            "USAID", "Acme Corp"};
    private static final Instant[] TIMES = {Instant.parse("2021-01-25T23:30:00Z"), Instant.parse("2021-01-26T00:10:00Z"),
            Instant.parse("2021-01-26T09:00:00Z"), Instant.parse("2023-06-01T12:00:00Z"),
            Instant.parse("2025-01-21T08:00:00Z"), null};

    @Test
    void mergingThePagesOfRandomMappingsGivesTheWholeDerivation() {
        for (int seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            Document speaker = speaker(random);
            List<Document> mappings = mappings(random, 1 + random.nextInt(seed % 10 == 0 ? 120 : 12));
            Document whole = SpeakerDerivation.derive(speaker, mappings, GAZETTEER);
            List<Document> pages = new ArrayList<>(SpeakerDerivation.partials(mappings).values().stream()
                    .map(SpeakerDerivationTest::stored).toList());
            java.util.Collections.shuffle(pages, random);
            assertThat(SpeakerDerivation.merge(speaker, pages, GAZETTEER)).as("seed %d: %s", seed, mappings)
                    .isEqualTo(whole);
        }
    }

    @Test
    void aSpeakerWithoutMappingsKeepsItsNameAndTypeAndIsNotListed() {
        Document speaker = new Document("_id", "s").append("name", "Rosa Vale").append("type", "PERSON");
        Document merged = SpeakerDerivation.merge(speaker, List.of(SpeakerDerivation.partial(List.of())), GAZETTEER);
        assertThat(merged).isEqualTo(SpeakerDerivation.derive(speaker, List.of(), GAZETTEER));
        assertThat(merged.getString("name")).isEqualTo("Rosa Vale");
        assertThat(merged.getBoolean("listed")).isFalse();
    }

    @Test
    void theFirstSpellingOfAnAliasInPublicationOrderIsKeptWhicheverPageItIsOn() {
        Document speaker = new Document("_id", "s");
        List<Document> mappings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            mappings.add(mapping("a" + i, "S1", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * (40 - i)),
                    "Rosa Vale", "PERSON", false, List.of(i % 2 == 0 ? "the Mayor" : "THE MAYOR"), List.of()));
        }
        mappings.sort(PUBLICATION);
        Map<Integer, Document> pages = SpeakerDerivation.partials(mappings);
        assertThat(pages).hasSizeGreaterThan(1);
        Document merged = SpeakerDerivation.merge(speaker, pages.values().stream().map(SpeakerDerivationTest::stored).toList(), GAZETTEER);
        // a39 was published first: its spelling wins, though most pages spell it otherwise first
        assertThat(merged.getList("aliases", String.class)).containsExactly("Rosa Vale", "THE MAYOR");
        assertThat(merged).isEqualTo(SpeakerDerivation.derive(speaker, mappings, GAZETTEER));
    }

    private static final Comparator<Document> PUBLICATION = Comparator
            .comparing((Document m) -> m.getDate("publishedAt"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(m -> m.getString("articleId")).thenComparing(m -> m.getString("speakerKey"));

    private static Document speaker(Random random) {
        Document speaker = new Document("_id", "speaker-" + random.nextInt(1000))
                .append("name", pick(random, NAMES)).append("type", pick(random, TYPES));
        if (random.nextInt(5) == 0) {
            speaker.append("curatedName", pick(random, NAMES));
        }
        if (random.nextInt(4) == 0) {
            speaker.append("curatedAliases", List.of(pick(random, ALIASES), pick(random, NAMES)));
        }
        if (random.nextInt(4) == 0) {
            speaker.append("suppressedAliases", List.of(pick(random, ALIASES)));
        }
        if (random.nextInt(8) == 0) {
            speaker.append("anonymous", true);
        }
        if (random.nextInt(8) == 0) {
            speaker.append("mergedInto", "other");
        }
        return speaker;
    }

    /** Mappings in publication order, as the repository reads them; few articles and times, so that they tie. */
    private static List<Document> mappings(Random random, int count) {
        List<Document> mappings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> aliases = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                aliases.add(pick(random, ALIASES));
            }
            List<Document> roles = new ArrayList<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                roles.add(new Document("title", pick(random, TITLES)).append("organization", pick(random, ORGANIZATIONS)));
            }
            mappings.add(mapping("article-" + random.nextInt(count + 3), "S" + i, pick(random, TIMES), pick(random, NAMES),
                    pick(random, TYPES), random.nextInt(3) == 0, aliases, roles).append("statementCount", random.nextInt(4)));
        }
        mappings.sort(PUBLICATION);
        return mappings;
    }

    private static Document mapping(String articleId, String speakerKey, Instant publishedAt, String name, String type,
                                    boolean mention, List<String> aliases, List<Document> roles) {
        return new Document("_id", articleId + "|" + speakerKey).append("articleId", articleId).append("speakerKey", speakerKey)
                .append("publishedAt", publishedAt == null ? null : Date.from(publishedAt)).append("name", name)
                .append("type", type).append("mention", mention).append("aliases", aliases).append("roles", roles);
    }

    /** A partial derivation as the store gives it back. */
    private static Document stored(Document partial) {
        BsonDocument bson = new RawBsonDocument(partial, new DocumentCodec());
        return new DocumentCodec().decode(bson.asBsonReader(), DecoderContext.builder().build());
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
