package io.quotegraph.statements.event.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The events articles report, one document per article event ({@value #MENTIONS}: _id "{articleId}#{index}", articleId,
 * index, type, family, status, start, end, dateKind, granularity, participantRefs, participantKeys, participantIds,
 * participantNames, locationRef, locationKey, locationId, locationName, evidence, statementIds, eventId; the refs are
 * the article-local keys the ids are resolved from, so that the ids follow relinks), and the blocking buckets that find the candidates to link a new one
 * to ({@value #BUCKETS}: _id "{family}|{yyyy-MM}" or "{family}|{yyyy}" refined by a place, a participant or a type and
 * day, mentionIds; and the version of those keys, {@value #BUCKET_KEYS_VERSION_ID}). Every read on the delivery path is
 * by _id: the embedded store scans the whole collection for anything else.
 */
@ApplicationScoped
public class EventMentionRepository {

    public static final String MENTIONS = "event_mentions";
    public static final String BUCKETS = "event_buckets";
    /** The bucket document that records which keys the buckets are filed under (version). */
    static final String BUCKET_KEYS_VERSION_ID = "bucket-keys";
    /** Mentions refiled per round trip when the buckets are refilled. */
    private static final int REFILL_CHUNK = 500;
    /** Per article, how many event mentions it has ("article:{articleId}", count). */
    private static final String ARTICLE_PREFIX = "article:";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> mentions() {
        return mongo.collection(MENTIONS);
    }

    private MongoCollection<Document> buckets() {
        return mongo.collection(BUCKETS);
    }

    public static String mentionId(String articleId, int index) {
        return articleId + "#" + index;
    }

    /** The ids of the mentions articles may have, from their counts (see {@link #countsOfArticles}). */
    public static List<String> mentionIds(Map<String, Integer> countsByArticle) {
        List<String> ids = new ArrayList<>();
        countsByArticle.forEach((articleId, count) -> {
            for (int i = 0; i < count; i++) {
                ids.add(mentionId(articleId, i));
            }
        });
        return ids;
    }

    /**
     * How many event mentions each of these articles may have (missing: none), in one read. The count is raised
     * before an article's mentions are written and lowered only after the ones beyond the new count are deleted, so
     * that every stored mention of the article is below it.
     */
    public Map<String, Integer> countsOfArticles(Collection<String> articleIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (!articleIds.isEmpty()) {
            mentions().find(Filters.in("_id", articleIds.stream().map(id -> ARTICLE_PREFIX + id).toList()))
                    .forEach(d -> counts.put(d.getString("_id").substring(ARTICLE_PREFIX.length()), d.getInteger("count", 0)));
        }
        return counts;
    }

    /** The document that records an article's mention count (written with {@link #write}). */
    public static Document countDocument(String articleId, int count) {
        return new Document("_id", ARTICLE_PREFIX + articleId).append("count", count);
    }

    /** The stored mentions with these ids, in the order of {@code ids} (one read, by _id). */
    public List<Document> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, Document> byId = new HashMap<>();
        mentions().find(Filters.in("_id", new ArrayList<>(new LinkedHashSet<>(ids))))
                .forEach(d -> byId.put(d.getString("_id"), d));
        List<Document> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Document d = byId.get(id);
            if (d != null) {
                found.add(d);
            }
        }
        return found;
    }

    /**
     * In one ordered round trip: deletes these mentions, then writes these documents whole (mentions, count documents;
     * by _id) and points other mentions at their events (mention id → event id). Deleting first keeps the
     * count-document contract when a write fails part-way (see {@link #countsOfArticles}): a lowered count is never
     * stored while mentions beyond it remain.
     */
    public void write(Collection<Document> replaced, Map<String, String> eventByMention, Collection<String> deleted) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        if (!deleted.isEmpty()) {
            writes.add(new DeleteManyModel<>(Filters.in("_id", new ArrayList<>(deleted))));
        }
        replaced.forEach(d -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", d.getString("_id")), d,
                new ReplaceOptions().upsert(true))));
        eventByMention.forEach((mentionId, eventId) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", mentionId),
                Updates.set("eventId", eventId))));
        if (!writes.isEmpty()) {
            mentions().bulkWrite(writes);
        }
    }

    /** The mention ids filed in each of these buckets, by bucket key (buckets never written are left out; one read). */
    public Map<String, List<String>> bucketsByKey(Collection<String> bucketKeys) {
        Map<String, List<String>> byKey = new HashMap<>();
        if (!bucketKeys.isEmpty()) {
            buckets().find(Filters.in("_id", new ArrayList<>(new LinkedHashSet<>(bucketKeys))))
                    .forEach(b -> byKey.put(b.getString("_id"), b.getList("mentionIds", String.class, List.of())));
        }
        return byKey;
    }

    /** Bucket changes, applied in order in one round trip ({@link #apply}). */
    public static final class BucketChanges {
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        public BucketChanges add(String mentionId, Collection<String> bucketKeys) {
            for (String key : bucketKeys) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", key), Updates.addToSet("mentionIds", mentionId),
                        new UpdateOptions().upsert(true)));
            }
            return this;
        }

        public BucketChanges remove(String mentionId, Collection<String> bucketKeys) {
            for (String key : bucketKeys) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", key), Updates.pull("mentionIds", mentionId)));
            }
            return this;
        }
    }

    public void apply(BucketChanges changes) {
        if (!changes.writes.isEmpty()) {
            buckets().bulkWrite(changes.writes);
        }
    }

    /** The version of the keys the stored buckets are filed under (0 when none was recorded: written before versions). */
    public int bucketKeysVersion() {
        Document marker = buckets().find(Filters.eq("_id", BUCKET_KEYS_VERSION_ID)).first();
        return marker == null ? 0 : marker.getInteger("version", 0);
    }

    /**
     * Files every stored mention under the keys {@code keysOf} gives, deletes the buckets of the keys that are not
     * {@code current}, and records {@code version}: a one-off scan of both collections when the keys change.
     * Idempotent, and safe beside deliveries filing under the current keys (entries are only added), so that two
     * instances may run it at once; the version is recorded last, so that an interrupted refill is run again.
     */
    public void refillBuckets(int version, Function<Document, Set<String>> keysOf, Predicate<String> current) {
        BucketChanges changes = new BucketChanges();
        int pending = 0;
        for (Document mention : mentions().find()) {
            if (mention.getString("_id").startsWith(ARTICLE_PREFIX)) {
                continue;
            }
            changes.add(mention.getString("_id"), keysOf.apply(mention));
            if (++pending == REFILL_CHUNK) {
                apply(changes);
                changes = new BucketChanges();
                pending = 0;
            }
        }
        apply(changes);
        List<String> stale = new ArrayList<>();
        for (Document bucket : buckets().find().projection(new Document("_id", 1))) {
            String id = bucket.getString("_id");
            if (!current.test(id) && !id.equals(BUCKET_KEYS_VERSION_ID)) {
                stale.add(id);
            }
        }
        for (int from = 0; from < stale.size(); from += REFILL_CHUNK) {
            buckets().deleteMany(Filters.in("_id", stale.subList(from, Math.min(stale.size(), from + REFILL_CHUNK))));
        }
        buckets().replaceOne(Filters.eq("_id", BUCKET_KEYS_VERSION_ID),
                new Document("_id", BUCKET_KEYS_VERSION_ID).append("version", version), new ReplaceOptions().upsert(true));
    }

    /** Sets the events statements talk about (statement id → event ids; statements are addressed by _id only). */
    public void setStatementEvents(Map<String, List<String>> eventIdsByStatement) {
        if (!eventIdsByStatement.isEmpty()) {
            mongo.collection(Mongo.STATEMENTS).bulkWrite(eventIdsByStatement.entrySet().stream()
                    .<WriteModel<Document>>map(e -> new UpdateOneModel<>(Filters.eq("_id", e.getKey()),
                            Updates.set("aboutEventIds", e.getValue()))).toList());
        }
    }

    /** The statements with these ids (unknown ones left out), in one read. */
    public List<Document> findStatements(Collection<String> statementIds) {
        return mongo.collection(Mongo.STATEMENTS).find(Filters.in("_id", new ArrayList<>(statementIds)))
                .into(new ArrayList<>());
    }
}
