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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Named sets of document ids ({@value #COLLECTION}), so that "the mappings of a block", "the statements of an event"
 * and the like are read by _id rather than by a secondary-index query, which the embedded store answers with a
 * collection scan. The cost of a delivery then depends on the size of its article and of the sets it touches, not on
 * the size of the store.
 * <p>
 * A set is a <em>head</em> document (_id "{kind}:{key}", ids[]) holding its first ids, and, once the head is full
 * ({@value #HEAD_CAPACITY} ids), {@value #OVERFLOW_PAGES} overflow pages (_id "{kind}:{key}#{page}", the page chosen by
 * the id's hash) holding the rest; the head is then marked {@code overflow: true}. A write therefore changes a head of
 * about {@value #HEAD_CAPACITY} ids or one page (1/{@value #OVERFLOW_PAGES} of the rest) instead of rewriting a whole
 * set that grows with a busy speaker. Writes are by _id only (a condition on the head's size would make the embedded
 * store scan the collection), so the writer decides from what this process knows of the head's size: what it last
 * read, plus what it added since. A head this process has neither read nor filled takes additions until it has taken
 * {@value #HEAD_CAPACITY} (so a head read by nobody can grow past the capacity by that much per restart). A set written
 * whole by an older version is a head with more ids and no pages: read as it is, it counts as full, and it grows into
 * pages; such a store needs no migration.
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
    /** Quotation ids of a speaker (the quotations founded with that speaker id). */
    public static final String SPEAKER_QUOTATIONS = "speakerQuotations";

    /** Ids a head holds before further ones go to the overflow pages (~3 KB of ids). */
    public static final int HEAD_CAPACITY = 64;
    /** Overflow pages of a set whose head is full. */
    public static final int OVERFLOW_PAGES = 32;
    private static final Set<Integer> ALL_PAGES =
            Collections.unmodifiableSortedSet(new TreeSet<>(IntStream.range(0, OVERFLOW_PAGES).boxed().toList()));
    private static final String IDS = "ids";
    private static final String OVERFLOW = "overflow";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** Heads whose size this process tracks (cleared when this many: forgetting one costs a head a bit larger). */
    private static final int MAX_TRACKED_HEADS = 100_000;

    /** Marks of kinds filled from existing documents ("filled:{kind}"). */
    private static final String FILLED = "filled";

    @Inject
    Mongo mongo;

    /** Ids a head holds as far as this process knows (read, plus added since), by head id. */
    private final Map<String, Integer> headSizes = new ConcurrentHashMap<>();
    /** Heads known to be marked {@code overflow} (read so, or marked by this process). */
    private final Set<String> markedHeads = ConcurrentHashMap.newKeySet();

    private MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    static String id(String kind, String key) {
        return kind + ":" + key;
    }

    /** The overflow page of a set (its head's id) where an id goes once the head is full. */
    static String pageOf(String headId, String id) {
        return headId + "#" + pageNumber(id);
    }

    /** The overflow page (0 to {@value #OVERFLOW_PAGES} - 1) an id goes to once its set's head is full. */
    public static int pageNumber(String id) {
        return Math.floorMod(id.hashCode(), OVERFLOW_PAGES);
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
        List<String> marking = new ArrayList<>();
        changes.added.forEach((headId, ids) -> {
            if (headSizes.getOrDefault(headId, 0) < HEAD_CAPACITY) {
                writes.add(new UpdateOneModel<>(new Document("_id", headId), addEachToSet(ids), UPSERT));
                track(headId, headSizes.getOrDefault(headId, 0) + ids.size());
            } else {
                if (markedHeads.add(headId)) {
                    marking.add(headId);
                    // before the pages are written, so that readers look there
                    writes.add(new UpdateOneModel<>(new Document("_id", headId),
                            new Document("$set", new Document(OVERFLOW, true)), UPSERT));
                }
                addToPages(headId, ids, writes);
            }
        });
        changes.removed.forEach((headId, ids) -> {
            writes.add(new UpdateOneModel<>(new Document("_id", headId), pullAll(ids)));
            pagesOf(headId, ids).forEach((pageId, onPage) ->
                    writes.add(new UpdateOneModel<>(new Document("_id", pageId), pullAll(onPage))));
        });
        if (!writes.isEmpty()) {
            try {
                collection().bulkWrite(writes);
            } catch (RuntimeException e) {
                // a mark may not be stored: the next write to these sets marks them again
                markedHeads.removeAll(marking);
                throw e;
            }
        }
    }

    private void track(String headId, int size) {
        if (headSizes.size() >= MAX_TRACKED_HEADS) {
            headSizes.clear();
            markedHeads.clear();
        }
        headSizes.put(headId, size);
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
        Map<String, Set<Integer>> everyPage = new LinkedHashMap<>();
        keys.forEach(key -> everyPage.put(key, ALL_PAGES));
        return membersOnPages(kind, everyPage);
    }

    /**
     * The ids in these sets that fall on the given page numbers ({@link #pageNumber}), by key: each head read once, and
     * only the overflow pages asked for, so the cost is a head and those pages rather than the whole set.
     */
    public Map<String, Set<String>> membersOnPages(String kind, Map<String, Set<Integer>> pagesByKey) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        Map<String, String> keyOfHead = new LinkedHashMap<>();
        pagesByKey.keySet().forEach(key -> {
            members.put(key, new LinkedHashSet<>());
            keyOfHead.put(id(kind, key), key);
        });
        if (keyOfHead.isEmpty()) {
            return members;
        }
        Map<String, String> keyOfPage = new LinkedHashMap<>();
        collection().find(Filters.in("_id", keyOfHead.keySet())).forEach(head -> {
            String headId = head.getString("_id");
            String key = keyOfHead.get(headId);
            Set<Integer> pages = pagesByKey.get(key);
            List<String> ids = head.getList(IDS, String.class, List.of());
            ids.stream().filter(id -> pages.contains(pageNumber(id))).forEach(members.get(key)::add);
            track(headId, ids.size());
            if (head.getBoolean(OVERFLOW, false)) {
                markedHeads.add(headId);
                pages.forEach(page -> keyOfPage.put(headId + "#" + page, key));
            }
        });
        if (!keyOfPage.isEmpty()) {
            collection().find(Filters.in("_id", keyOfPage.keySet())).forEach(page ->
                    members.get(keyOfPage.get(page.getString("_id"))).addAll(page.getList(IDS, String.class, List.of())));
        }
        return members;
    }
}
