package io.quotegraph.statements;

import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Mongo;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A set's writes stay small however large it grows: a head of {@link IdSets#HEAD_CAPACITY} ids, then overflow pages;
 * readers see the same members as from one whole document, and a set written whole by an older version keeps working.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class IdSetPagesTest {

    @Inject
    Mongo mongo;
    @Inject
    IdSets sets;

    private static List<String> ids(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + "|" + i).toList();
    }

    /** The documents of a set: its head and its overflow pages. */
    private List<Document> documentsOf(String kind, String key) {
        String head = kind + ":" + key;
        return mongo.collection(IdSets.COLLECTION)
                .find(Filters.regex("_id", "^" + Pattern.quote(head) + "(#\\d+)?$")).into(new ArrayList<>());
    }

    @Test
    void aGrowingSetFillsItsHeadThenPagesAndReadsTheSameMembers() {
        String speaker = "pages-" + Articles.unique();
        List<String> all = ids(speaker, 0, 3 * IdSets.HEAD_CAPACITY);
        // one id per change, as deliveries add them, and a few at once
        all.subList(0, 2 * IdSets.HEAD_CAPACITY).forEach(id -> sets.apply(new IdSets.Changes()
                .add(IdSets.SPEAKER_MAPPINGS, speaker, id)));
        sets.add(IdSets.SPEAKER_MAPPINGS, speaker, all.subList(2 * IdSets.HEAD_CAPACITY, all.size()));
        sets.add(IdSets.SPEAKER_MAPPINGS, speaker, all.subList(0, 5)); // again: changes nothing a reader sees

        assertThat(sets.membersOf(IdSets.SPEAKER_MAPPINGS, speaker)).containsExactlyInAnyOrderElementsOf(all);
        List<Document> documents = documentsOf(IdSets.SPEAKER_MAPPINGS, speaker);
        Document head = documents.stream().filter(d -> !d.getString("_id").contains("#")).findFirst().orElseThrow();
        assertThat(head.getList("ids", String.class)).containsExactlyElementsOf(all.subList(0, IdSets.HEAD_CAPACITY));
        assertThat(head.getBoolean("overflow")).isTrue();
        assertThat(documents).hasSizeGreaterThan(IdSets.OVERFLOW_PAGES / 2);
        assertThat(documents).allSatisfy(d -> assertThat(d.getList("ids", String.class)).hasSizeLessThanOrEqualTo(IdSets.HEAD_CAPACITY));

        // removals reach the head and the pages, ids added twice included
        List<String> gone = List.of(all.get(1), all.get(IdSets.HEAD_CAPACITY + 3), all.get(all.size() - 1));
        sets.remove(IdSets.SPEAKER_MAPPINGS, speaker, gone);
        sets.apply(new IdSets.Changes().remove(IdSets.SPEAKER_MAPPINGS, speaker, all.get(2)));
        List<String> left = new ArrayList<>(all);
        left.removeAll(gone);
        left.remove(all.get(2));
        assertThat(sets.membersOf(IdSets.SPEAKER_MAPPINGS, speaker)).containsExactlyInAnyOrderElementsOf(left);
        assertThat(documentsOf(IdSets.SPEAKER_MAPPINGS, speaker)).noneSatisfy(d ->
                assertThat(d.getList("ids", String.class)).containsAnyElementsOf(gone));

        // a head with room again does not hide the pages; other sets read in the same call are unaffected
        String small = "small-" + Articles.unique();
        sets.add(IdSets.SPEAKER_MAPPINGS, small, List.of("x", "y"));
        Map<String, Set<String>> both = sets.membersOf(IdSets.SPEAKER_MAPPINGS, List.of(speaker, small, "never-" + small));
        assertThat(both.get(speaker)).containsExactlyInAnyOrderElementsOf(left);
        assertThat(both.get(small)).containsExactly("x", "y");
        assertThat(both.get("never-" + small)).isEmpty();
        assertThat(documentsOf(IdSets.SPEAKER_MAPPINGS, small)).hasSize(1);
    }

    @Test
    void aSetWrittenWholeByAnOlderVersionIsReadAsItIsAndGrowsIntoPages() {
        String event = "whole-" + Articles.unique();
        List<String> old = ids(event, 0, 3 * IdSets.HEAD_CAPACITY);
        mongo.collection(IdSets.COLLECTION).insertOne(new Document("_id", IdSets.EVENT_STATEMENTS + ":" + event)
                .append("ids", old));
        assertThat(sets.membersOf(IdSets.EVENT_STATEMENTS, event)).containsExactlyElementsOf(old);

        // a new member goes to a page: the large whole document is not written again
        sets.apply(new IdSets.Changes().add(IdSets.EVENT_STATEMENTS, event, event + "|new"));
        Document head = mongo.collection(IdSets.COLLECTION).find(Filters.eq("_id", IdSets.EVENT_STATEMENTS + ":" + event)).first();
        assertThat(head.getList("ids", String.class)).containsExactlyElementsOf(old);
        List<String> now = new ArrayList<>(old);
        now.add(event + "|new");
        assertThat(sets.membersOf(IdSets.EVENT_STATEMENTS, event)).containsExactlyInAnyOrderElementsOf(now);

        sets.remove(IdSets.EVENT_STATEMENTS, event, List.of(old.get(0), event + "|new"));
        assertThat(sets.membersOf(IdSets.EVENT_STATEMENTS, event)).containsExactlyInAnyOrderElementsOf(old.subList(1, old.size()));
    }
}
