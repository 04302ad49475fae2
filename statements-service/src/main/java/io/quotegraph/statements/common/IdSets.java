package io.quotegraph.statements.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named sets of document ids ({@value #COLLECTION}: _id "{kind}:{key}", ids[]), so that "the mappings of a block",
 * "the statements of an event" and the like are read by _id rather than by a secondary-index query, which the embedded
 * store answers with a collection scan. The cost of a delivery then depends on the size of its article and of the
 * sets it touches, not on the size of the store.
 * <p>
 * Without transactions a set is kept a <em>superset</em> of its members: a writer adds an id to the set it moves into
 * before writing the document, and removes it from the set it left after. Readers therefore load the documents and
 * keep those that still belong (see {@link #membersOf}); an id left behind by a crash costs a lookup, never a wrong
 * answer.
 */
@ApplicationScoped
public class IdSets {

    public static final String COLLECTION = "id_sets";

    /** Mapping ids ("{articleId}|{speakerKey}") of an article. */
    public static final String ARTICLE_MAPPINGS = "article";
    /** Mapping ids of a resolution block. */
    public static final String BLOCK_MAPPINGS = "block";
    /** Mapping ids linked to a canonical speaker. */
    public static final String SPEAKER_MAPPINGS = "speaker";
    /** Statement ids made at an event. */
    public static final String EVENT_STATEMENTS = "event";
    /** Event ids a speaker or entity takes part in (the occasions of their statements, the events articles report). */
    public static final String PARTICIPANT_EVENTS = "participant";
    /** Event ids whose articleIds hold an article (events its statements were made at, events it reports). */
    public static final String ARTICLE_EVENTS = "articleEvents";

    /** Marks of kinds filled from existing documents ("filled:{kind}"). */
    private static final String FILLED = "filled";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    static String id(String kind, String key) {
        return kind + ":" + key;
    }

    /** Adds ids to a set (idempotent); nothing happens for a null key or no ids. */
    public void add(String kind, String key, Collection<String> ids) {
        if (key != null && !ids.isEmpty()) {
            collection().updateOne(Filters.eq("_id", id(kind, key)), Updates.addEachToSet("ids", new ArrayList<>(ids)),
                    new UpdateOptions().upsert(true));
        }
    }

    /** Removes ids from a set (idempotent). */
    public void remove(String kind, String key, Collection<String> ids) {
        if (key != null && !ids.isEmpty()) {
            collection().updateOne(Filters.eq("_id", id(kind, key)), Updates.pullAll("ids", new ArrayList<>(ids)));
        }
    }

    /** Several additions and removals, applied in order in one round trip to the store. */
    public static final class Changes {
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        public Changes add(String kind, String key, String id) {
            if (key != null) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", IdSets.id(kind, key)), Updates.addToSet("ids", id),
                        new UpdateOptions().upsert(true)));
            }
            return this;
        }

        /** Adds several ids to one set: one operation, not one per id. */
        public Changes addAll(String kind, String key, Collection<String> ids) {
            if (key != null && !ids.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", IdSets.id(kind, key)),
                        Updates.addEachToSet("ids", new ArrayList<>(ids)), new UpdateOptions().upsert(true)));
            }
            return this;
        }

        /** Removes several ids from one set: one operation, not one per id. */
        public Changes removeAll(String kind, String key, Collection<String> ids) {
            if (key != null && !ids.isEmpty()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", IdSets.id(kind, key)),
                        Updates.pullAll("ids", new ArrayList<>(ids))));
            }
            return this;
        }

        public Changes remove(String kind, String key, String id) {
            if (key != null) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", IdSets.id(kind, key)), Updates.pull("ids", id)));
            }
            return this;
        }
    }

    public void apply(Changes changes) {
        if (!changes.writes.isEmpty()) {
            collection().bulkWrite(changes.writes);
        }
    }

    /** Whether the sets of this kind were filled from the documents they index (see {@link #markFilled}). */
    public boolean isFilled(String kind) {
        return collection().find(Filters.eq("_id", id(FILLED, kind))).first() != null;
    }

    /**
     * Records that the sets of a kind added after documents were stored have been filled from those documents, so that
     * a store written by an older version is filled once (deliveries keep the sets from then on).
     */
    public void markFilled(String kind) {
        collection().updateOne(Filters.eq("_id", id(FILLED, kind)), Updates.set("ids", List.of()),
                new UpdateOptions().upsert(true));
    }

    /** The ids in a set (possibly some that no longer belong: see the class comment). */
    public Set<String> membersOf(String kind, String key) {
        return membersOf(kind, List.of(key)).get(key);
    }

    /** The ids in each of these sets, by key (an empty set for a key never added to). */
    public Map<String, Set<String>> membersOf(String kind, Collection<String> keys) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        keys.forEach(key -> members.put(key, new LinkedHashSet<>()));
        if (!keys.isEmpty()) {
            String prefix = id(kind, "");
            collection().find(Filters.in("_id", keys.stream().map(key -> id(kind, key)).toList())).forEach(set ->
                    members.get(set.getString("_id").substring(prefix.length()))
                            .addAll(set.getList("ids", String.class, List.of())));
        }
        return members;
    }
}
