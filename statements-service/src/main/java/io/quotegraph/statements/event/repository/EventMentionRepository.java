package io.quotegraph.statements.event.repository;

import com.mongodb.client.MongoCollection;
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
import java.util.Optional;

/**
 * The events articles report, one document per article event ({@value #MENTIONS}: _id "{articleId}#{index}", articleId,
 * index, type, family, status, start, end, granularity, approximate, participantIds, participantNames, locationId,
 * locationName, evidence, statementIds, eventId), and the blocking buckets that find the candidates to link a new one
 * to ({@value #BUCKETS}: _id "{family}|{yyyy-MM}" or "{family}|{yyyy}", mentionIds). Every read is by _id: the
 * embedded store scans the whole collection for anything else.
 */
@ApplicationScoped
public class EventMentionRepository {

    public static final String MENTIONS = "event_mentions";
    public static final String BUCKETS = "event_buckets";
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

    /** How many event mentions the article had at its last delivery. */
    public int countOfArticle(String articleId) {
        Document d = mentions().find(Filters.eq("_id", ARTICLE_PREFIX + articleId)).first();
        return d == null ? 0 : d.getInteger("count", 0);
    }

    public void setCountOfArticle(String articleId, int count) {
        mentions().replaceOne(Filters.eq("_id", ARTICLE_PREFIX + articleId),
                new Document("_id", ARTICLE_PREFIX + articleId).append("count", count), new ReplaceOptions().upsert(true));
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(mentions().find(Filters.eq("_id", id)).first());
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

    /** Writes these mentions (by their _id) in one round trip. */
    public void saveAll(Collection<Document> mentions) {
        if (!mentions.isEmpty()) {
            mentions().bulkWrite(mentions.stream().<WriteModel<Document>>map(m -> new ReplaceOneModel<>(
                    Filters.eq("_id", m.getString("_id")), m, new ReplaceOptions().upsert(true))).toList());
        }
    }

    public void deleteAll(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mentions().deleteMany(Filters.in("_id", new ArrayList<>(ids)));
        }
    }

    /** Points these mentions (mention id → event id) at their events, in one round trip. */
    public void setEvents(Map<String, String> eventByMention) {
        if (!eventByMention.isEmpty()) {
            mentions().bulkWrite(eventByMention.entrySet().stream().<WriteModel<Document>>map(e -> new UpdateOneModel<>(
                    Filters.eq("_id", e.getKey()), Updates.set("eventId", e.getValue()))).toList());
        }
    }

    /** The mention ids in these buckets, bucket by bucket in the order of {@code bucketKeys} (one read). */
    public List<String> bucketMembers(Collection<String> bucketKeys) {
        if (bucketKeys.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, List<String>> byKey = new HashMap<>();
        buckets().find(Filters.in("_id", new ArrayList<>(new LinkedHashSet<>(bucketKeys))))
                .forEach(b -> byKey.put(b.getString("_id"), b.getList("mentionIds", String.class, List.of())));
        List<String> ids = new ArrayList<>();
        for (String key : bucketKeys) {
            ids.addAll(byKey.getOrDefault(key, List.of()));
        }
        return ids;
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
