package io.quotegraph.statements.common;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named sets of document ids ({@value #COLLECTION}), so that "the mappings of a block", "the statements of an event"
 * and the like are read by _id rather than by a secondary-index query, which the embedded store answers with a
 * collection scan. The cost of a delivery then depends on the size of its article and of the sets it touches, not on
 * the size of the store.
 * <p>
 * A set is a <em>head</em> document (_id "{kind}:{key}", ids[]) holding its first {@value #HEAD_CAPACITY} ids, and, once
 * the head is full, {@value #OVERFLOW_PAGES} overflow pages (_id "{kind}:{key}#{page}", the page chosen by the id's
 * hash) holding the rest; the head is then marked {@code overflow: true}. Every write changes a document of at most
 * {@value #HEAD_CAPACITY} ids plus one batch, or one page (a 1/{@value #OVERFLOW_PAGES} of the rest), instead of
 * rewriting a whole set that grows with a busy speaker. An addition goes to the head while it has room (a conditional
 * upsert, so no read comes first); a full head refuses it (duplicate key) and it goes to its page, and this process
 * remembers the set as full. A set written whole by an older version is a head with more ids and no pages: it is read
 * as it is and grows into pages, so such a store needs no migration.
 * <p>
 * Without transactions a set is kept a <em>superset</em> of its members: a writer adds an id to the set it moves into
 * before writing the document, and removes it from the set it left after. Readers therefore load the documents and
 * keep those that still belong (see {@link #membersOf}); an id left behind by a crash costs a lookup, never a wrong
 * answer. An id may be in both the head and its page (added again after the head filled): readers take the union and
 * removals pull it from both.
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

    /** Ids a head holds before further ones go to the overflow pages (~3 KB of ids). */
    public static final int HEAD_CAPACITY = 64;
    /** Overflow pages of a set whose head is full. */
    public static final int OVERFLOW_PAGES = 32;
    private static final String IDS = "ids";
    private static final String OVERFLOW = "overflow";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int DUPLICATE_KEY = 11000;
    /** Remembered full heads (cleared when this large; forgetting one costs a refused write, not a wrong answer). */
    private static final int MAX_REMEMBERED_FULL = 100_000;

    /** Marks of kinds filled from existing documents ("filled:{kind}"). */
    private static final String FILLED = "filled";

    @Inject
    Mongo mongo;

    /** Heads known to be full (their sets grow in the overflow pages). */
    private final Set<String> fullHeads = ConcurrentHashMap.newKeySet();

    private MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    static String id(String kind, String key) {
        return kind + ":" + key;
    }

    /** The overflow page of a set (its head's id) where an id goes once the head is full. */
    static String pageOf(String headId, String id) {
        return headId + "#" + Math.floorMod(id.hashCode(), OVERFLOW_PAGES);
    }

    /** Adds ids to a set (idempotent); nothing happens for a null key or no ids. */
    public void add(String kind, String key, Collection<String> ids) {
        apply(new Changes().addAll(kind, key, ids));
    }

    /** Removes ids from a set (idempotent). */
    public void remove(String kind, String key, Collection<String> ids) {
        apply(new Changes().removeAll(kind, key, ids));
    }

    /**
     * Several additions and removals, applied in one round trip to the store (two when a head turns out full). The
     * writes go unordered: a {@code Changes} adds and removes different ids (a caller keeps the ids joining sets apart
     * from those leaving them, applied before and after its documents are written).
     */
    public static final class Changes {
        private final Map<String, Set<String>> added = new LinkedHashMap<>();
        private final Map<String, Set<String>> removed = new LinkedHashMap<>();

        public Changes add(String kind, String key, String id) {
            if (key != null) {
                added.computeIfAbsent(IdSets.id(kind, key), h -> new LinkedHashSet<>()).add(id);
            }
            return this;
        }

        /** Adds several ids to one set. */
        public Changes addAll(String kind, String key, Collection<String> ids) {
            if (key != null && !ids.isEmpty()) {
                added.computeIfAbsent(IdSets.id(kind, key), h -> new LinkedHashSet<>()).addAll(ids);
            }
            return this;
        }

        /** Removes several ids from one set. */
        public Changes removeAll(String kind, String key, Collection<String> ids) {
            if (key != null && !ids.isEmpty()) {
                removed.computeIfAbsent(IdSets.id(kind, key), h -> new LinkedHashSet<>()).addAll(ids);
            }
            return this;
        }

        public Changes remove(String kind, String key, String id) {
            if (key != null) {
                removed.computeIfAbsent(IdSets.id(kind, key), h -> new LinkedHashSet<>()).add(id);
            }
            return this;
        }
    }

    public void apply(Changes changes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        // the head that the write at each index offered ids to while it had room (null for the other writes)
        List<String> offeredTo = new ArrayList<>();
        changes.added.forEach((headId, ids) -> {
            if (fullHeads.contains(headId)) {
                addToPages(headId, ids, writes);
            } else {
                writes.add(new UpdateOneModel<>(new Document("_id", headId).append(IDS + "." + (HEAD_CAPACITY - 1),
                        new Document("$exists", false)), addEachToSet(ids), UPSERT));
                offeredTo.add(headId);
            }
            while (offeredTo.size() < writes.size()) {
                offeredTo.add(null);
            }
        });
        changes.removed.forEach((headId, ids) -> {
            writes.add(new UpdateOneModel<>(new Document("_id", headId), pullAll(ids)));
            pagesOf(headId, ids).forEach((pageId, onPage) ->
                    writes.add(new UpdateOneModel<>(new Document("_id", pageId), pullAll(onPage))));
        });
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection().bulkWrite(writes, UNORDERED);
        } catch (MongoBulkWriteException e) {
            List<WriteModel<Document>> toPages = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                String headId = error.getIndex() < offeredTo.size() ? offeredTo.get(error.getIndex()) : null;
                if (headId == null || error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                // the head refused: it is full. Marked first, so that readers look in the pages.
                toPages.add(new UpdateOneModel<>(new Document("_id", headId),
                        new Document("$set", new Document(OVERFLOW, true))));
                addToPages(headId, changes.added.get(headId), toPages);
                rememberFull(headId);
            }
            collection().bulkWrite(toPages, new BulkWriteOptions().ordered(true));
        }
    }

    private static void addToPages(String headId, Collection<String> ids, List<WriteModel<Document>> writes) {
        pagesOf(headId, ids).forEach((pageId, onPage) ->
                writes.add(new UpdateOneModel<>(new Document("_id", pageId), addEachToSet(onPage), UPSERT)));
    }

    private static Map<String, List<String>> pagesOf(String headId, Collection<String> ids) {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        ids.forEach(id -> pages.computeIfAbsent(pageOf(headId, id), p -> new ArrayList<>()).add(id));
        return pages;
    }

    private static Document addEachToSet(Collection<String> ids) {
        return new Document("$addToSet", new Document(IDS, new Document("$each", new ArrayList<>(ids))));
    }

    private static Document pullAll(Collection<String> ids) {
        return new Document("$pullAll", new Document(IDS, new ArrayList<>(ids)));
    }

    private void rememberFull(String headId) {
        if (fullHeads.size() >= MAX_REMEMBERED_FULL) {
            fullHeads.clear();
        }
        fullHeads.add(headId);
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
        Map<String, String> keyOfHead = new LinkedHashMap<>();
        keys.forEach(key -> {
            members.put(key, new LinkedHashSet<>());
            keyOfHead.put(id(kind, key), key);
        });
        if (keys.isEmpty()) {
            return members;
        }
        Map<String, String> keyOfPage = new LinkedHashMap<>();
        collection().find(Filters.in("_id", keyOfHead.keySet())).forEach(head -> {
            String headId = head.getString("_id");
            String key = keyOfHead.get(headId);
            members.get(key).addAll(head.getList(IDS, String.class, List.of()));
            if (head.getBoolean(OVERFLOW, false)) {
                rememberFull(headId);
                for (int page = 0; page < OVERFLOW_PAGES; page++) {
                    keyOfPage.put(headId + "#" + page, key);
                }
            }
        });
        if (!keyOfPage.isEmpty()) {
            collection().find(Filters.in("_id", keyOfPage.keySet())).forEach(page ->
                    members.get(keyOfPage.get(page.getString("_id"))).addAll(page.getList(IDS, String.class, List.of())));
        }
        return members;
    }
}
