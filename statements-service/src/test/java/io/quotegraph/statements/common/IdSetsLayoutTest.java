package io.quotegraph.statements.common;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.MongoTestResource;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The member-document layout of {@link IdSets}, and sets stored whole by a version before it. */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class IdSetsLayoutTest {

    @Inject
    Mongo mongo;
    @Inject
    IdSets sets;

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    /** An IdSets as it is right after a start, before {@link IdSets#migrateWholeSets} ran. */
    private IdSets beforeMigration() {
        IdSets fresh = new IdSets();
        fresh.mongo = mongo;
        return fresh;
    }

    @Test
    void eachMemberIsADocumentOfItsOwnAndSetsSharingAPrefixStayApart() {
        String key = unique();
        sets.add(IdSets.BLOCK_MAPPINGS, key, List.of("a|S1", "b|S1"));
        sets.add(IdSets.BLOCK_MAPPINGS, key + "|x", List.of("c|S1"));
        sets.add(IdSets.BLOCK_MAPPINGS, key + "x", List.of("d|S1"));
        sets.add(IdSets.BLOCK_MAPPINGS, key, List.of("a|S1"));

        assertThat(mongo.collection(IdSets.MEMBERS).find(Filters.eq("_id", "block:" + key + "|a|S1")).first())
                .isEqualTo(new Document("_id", "block:" + key + "|a|S1").append("set", "block:" + key).append("id", "a|S1"));
        Map<String, Set<String>> members = sets.membersOf(IdSets.BLOCK_MAPPINGS, List.of(key, key + "|x", key + "x", "none"));
        assertThat(members.get(key)).containsExactlyInAnyOrder("a|S1", "b|S1");
        assertThat(members.get(key + "|x")).containsExactly("c|S1");
        assertThat(members.get(key + "x")).containsExactly("d|S1");
        assertThat(members.get("none")).isEmpty();

        sets.apply(new IdSets.Changes().remove(IdSets.BLOCK_MAPPINGS, key, "a|S1").remove(IdSets.BLOCK_MAPPINGS, key, "zzz"));
        assertThat(sets.membersOf(IdSets.BLOCK_MAPPINGS, key)).containsExactly("b|S1");
    }

    @Test
    void wholeSetsAreReadUntilMovedAndMovedOnceEvenAfterACrashHalfWay() {
        String speaker = unique();
        String article = unique();
        mongo.collection(IdSets.COLLECTION).insertMany(List.of(
                new Document("_id", "speaker:" + speaker).append("ids", List.of("a1|S1", "a2|S1")),
                new Document("_id", "article:" + article).append("ids", List.of(article + "|S1"))));
        // a member added by the new layout before the move (a delivery racing the start)
        sets.add(IdSets.SPEAKER_MAPPINGS, speaker, List.of("a3|S1"));

        IdSets starting = beforeMigration();
        assertThat(starting.membersOf(IdSets.SPEAKER_MAPPINGS, speaker)).containsExactlyInAnyOrder("a1|S1", "a2|S1", "a3|S1");
        assertThat(starting.membersOf(IdSets.ARTICLE_MAPPINGS, article)).containsExactly(article + "|S1");

        // a crash after the members of the speaker's set were written, before the whole set was deleted
        starting.add(IdSets.SPEAKER_MAPPINGS, speaker, List.of("a1|S1", "a2|S1"));
        starting.migrateWholeSets();
        starting.migrateWholeSets();

        assertThat(mongo.collection(IdSets.COLLECTION).countDocuments(
                Filters.in("_id", List.of("speaker:" + speaker, "article:" + article)))).isZero();
        assertThat(starting.membersOf(IdSets.SPEAKER_MAPPINGS, speaker)).containsExactlyInAnyOrder("a1|S1", "a2|S1", "a3|S1");
        assertThat(sets.membersOf(IdSets.ARTICLE_MAPPINGS, article)).containsExactly(article + "|S1");
        assertThat(mongo.collection(IdSets.MEMBERS).countDocuments(Filters.eq("set", "speaker:" + speaker))).isEqualTo(3);
    }

    @Test
    void theFilledMarksStayWhereTheyAre() {
        sets.markFilled("test-kind");
        beforeMigration().migrateWholeSets();
        assertThat(sets.isFilled("test-kind")).isTrue();
    }
}
