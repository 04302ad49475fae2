package io.quotegraph.statements.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;
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
 * Named sets of document ids, so that "the mappings of a block", "the statements of an event" and the like are read by
 * _id rather than by a secondary-index query, which the embedded store answers with a collection scan. The cost of a
 * delivery then depends on the size of its article and of the sets it touches, not on the size of the store.
 * <p>
 * Each member is a small document of its own ({@value #MEMBERS}: _id "{kind}:{key}|{id}", set "{kind}:{key}", id), and
 * a set is read by the prefix of its members' _ids (an _id range, which MongoDB and the embedded store answer from the
 * _id index). Adding or removing a member writes only that member: sets used to be one document each (ids[] in
 * {@value #COLLECTION}), and the few large ones — a popular surname's block, a prolific speaker — were rewritten whole
 * on every delivery touching them ($addToSet/$pull are O(set size) in the embedded store, and it saves every changed
 * page whole). Sets still stored that way are moved to member documents once ({@link #migrateWholeSets}), and read as
 * well until then.
 * <p>
 * Without transactions a set is kept a <em>superset</em> of its members: a writer adds an id to the set it moves into
 * before writing the document, and removes it from the set it left after. Readers therefore load the documents and
 * keep those that still belong (see {@link #membersOf}); an id left behind by a crash costs a lookup, never a wrong
 * answer.
 */
@ApplicationScoped
public class IdSets {

    /** Sets stored whole, one document per set (before 2026-12-05); now only the "filled" marks. */
    public static final String COLLECTION = "id_sets";
    /** One document per member of a set. */
    public static final String MEMBERS = "id_set_members";

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

    /** Ends a set's name in its members' _ids; the next character bounds the set's _id range. */
    private static final char MEMBER_SEPARATOR = '|';
    private static final char AFTER_SEPARATOR = MEMBER_SEPARATOR + 1;

    /** Sets read in one query (one _id range each). */
    private static final int SETS_PER_READ = 64;
    private static final int MIGRATION_BATCH = 500;

    private static final Logger LOG = Logger.getLogger(IdSets.class);

    @Inject
    Mongo mongo;

    /** False once no set is stored whole any more (see {@link #migrateWholeSets}); until then reads look there too. */
    private volatile boolean wholeSetsMayRemain = true;

    private MongoCollection<Document> wholeSets() {
        return mongo.collection(COLLECTION);
    }

    private MongoCollection<Document> members() {
        return mongo.collection(MEMBERS);
    }

    static String id(String kind, String key) {
        return kind + ":" + key;
    }

    static String memberId(String set, String id) {
        return set + MEMBER_SEPARATOR + id;
    }

    /** Adds ids to a set (idempotent); nothing happens for a null key or no ids. */
    public void add(String kind, String key, Collection<String> ids) {
        apply(new Changes().addAll(kind, key, ids));
    }

    /** Removes ids from a set (idempotent). */
    public void remove(String kind, String key, Collection<String> ids) {
        apply(new Changes().removeAll(kind, key, ids));
    }

    /** Several additions and removals, applied in order in one round trip to the store. */
    public static final class Changes {
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        public Changes add(String kind, String key, String id) {
            if (key != null) {
                String set = IdSets.id(kind, key);
                Document member = new Document("_id", memberId(set, id)).append("set", set).append("id", id);
                // a replace, not an insert: adding a member twice is no error (redeliveries, retries)
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", member.getString("_id")), member,
                        new ReplaceOptions().upsert(true)));
            }
            return this;
        }

        public Changes addAll(String kind, String key, Collection<String> ids) {
            ids.forEach(id -> add(kind, key, id));
            return this;
        }

        public Changes removeAll(String kind, String key, Collection<String> ids) {
            ids.forEach(id -> remove(kind, key, id));
            return this;
        }

        public Changes remove(String kind, String key, String id) {
            if (key != null) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", memberId(IdSets.id(kind, key), id))));
            }
            return this;
        }
    }

    public void apply(Changes changes) {
        if (!changes.writes.isEmpty()) {
            members().bulkWrite(changes.writes);
        }
    }

    /** Whether the sets of this kind were filled from the documents they index (see {@link #markFilled}). */
    public boolean isFilled(String kind) {
        return wholeSets().find(Filters.eq("_id", id(FILLED, kind))).first() != null;
    }

    /**
     * Records that the sets of a kind added after documents were stored have been filled from those documents, so that
     * a store written by an older version is filled once (deliveries keep the sets from then on).
     */
    public void markFilled(String kind) {
        wholeSets().updateOne(Filters.eq("_id", id(FILLED, kind)), Updates.set("ids", List.of()),
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
        if (keys.isEmpty()) {
            return members;
        }
        Map<String, Set<String>> bySet = new LinkedHashMap<>();
        members.forEach((key, ids) -> bySet.put(id(kind, key), ids));
        // whole sets first: the migration writes a set's members before it deletes the whole set
        if (wholeSetsMayRemain) {
            wholeSets().find(Filters.in("_id", bySet.keySet())).forEach(set ->
                    bySet.get(set.getString("_id")).addAll(set.getList("ids", String.class, List.of())));
        }
        List<String> sets = new ArrayList<>(bySet.keySet());
        for (int from = 0; from < sets.size(); from += SETS_PER_READ) {
            List<Bson> ranges = sets.subList(from, Math.min(sets.size(), from + SETS_PER_READ)).stream()
                    .map(IdSets::membersRange).toList();
            members().find(Filters.or(ranges)).forEach(member -> {
                // the range of set "a" also holds the members of a set named "a|…": keep each with its own set
                Set<String> ids = bySet.get(member.getString("set"));
                if (ids != null) {
                    ids.add(member.getString("id"));
                }
            });
        }
        return members;
    }

    /**
     * The _ids of a set's members: those starting with "{set}|". One condition document ({@code Filters.and} renders
     * {@code $and}, which the embedded store does not answer from the _id index).
     */
    private static Bson membersRange(String set) {
        return new Document("_id", new Document("$gte", set + MEMBER_SEPARATOR).append("$lt", set + AFTER_SEPARATOR));
    }

    /**
     * Moves every set still stored whole into member documents, once per start (idempotent; runs before the first
     * delivery). A set's members are written before the whole set is deleted, so a crash in between only repeats work.
     */
    public void migrateWholeSets() {
        int moved = 0;
        Changes changes = new Changes();
        List<String> done = new ArrayList<>();
        for (Document set : wholeSets().find(Filters.not(Filters.regex("_id", "^" + FILLED + ":")))) {
            String name = set.getString("_id");
            int separator = name.indexOf(':');
            set.getList("ids", String.class, List.of()).forEach(id ->
                    changes.add(name.substring(0, separator), name.substring(separator + 1), id));
            done.add(name);
            if (changes.writes.size() >= MIGRATION_BATCH) {
                moved += finishMigrating(changes, done);
            }
        }
        moved += finishMigrating(changes, done);
        wholeSetsMayRemain = false;
        if (moved > 0) {
            LOG.infof("moved %d id sets to one document per member (%s)", moved, MEMBERS);
        }
    }

    private int finishMigrating(Changes changes, List<String> sets) {
        int count = sets.size();
        apply(changes);
        if (!sets.isEmpty()) {
            wholeSets().deleteMany(Filters.in("_id", new ArrayList<>(sets)));
        }
        changes.writes.clear();
        sets.clear();
        return count;
    }
}
