package io.quotegraph.statements.event.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    public List<Document> findAll(Collection<String> ids) {
        List<Document> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    public void save(Document mention) {
        mentions().replaceOne(Filters.eq("_id", mention.getString("_id")), mention, new ReplaceOptions().upsert(true));
    }

    public void delete(String id) {
        mentions().deleteOne(Filters.eq("_id", id));
    }

    public void setEvent(String mentionId, String eventId) {
        mentions().updateOne(Filters.eq("_id", mentionId), Updates.set("eventId", eventId));
    }

    /** The mention ids in these buckets. */
    public List<String> bucketMembers(Collection<String> bucketKeys) {
        List<String> ids = new ArrayList<>();
        for (String key : bucketKeys) {
            Document bucket = buckets().find(Filters.eq("_id", key)).first();
            if (bucket != null) {
                ids.addAll(bucket.getList("mentionIds", String.class, List.of()));
            }
        }
        return ids;
    }

    public void addToBuckets(String mentionId, Collection<String> bucketKeys) {
        for (String key : bucketKeys) {
            buckets().updateOne(Filters.eq("_id", key), Updates.addToSet("mentionIds", mentionId), new UpdateOptions().upsert(true));
        }
    }

    public void removeFromBuckets(String mentionId, Collection<String> bucketKeys) {
        for (String key : bucketKeys) {
            buckets().updateOne(Filters.eq("_id", key), Updates.pull("mentionIds", mentionId));
        }
    }

    /** Sets the events a statement talks about (statements are addressed by their _id only). */
    public void setStatementEvents(String statementId, List<String> eventIds) {
        mongo.collection(Mongo.STATEMENTS).updateOne(Filters.eq("_id", statementId), Updates.set("aboutEventIds", eventIds));
    }

    public Optional<Document> findStatement(String statementId) {
        return Optional.ofNullable(mongo.collection(Mongo.STATEMENTS).find(Filters.eq("_id", statementId)).first());
    }
}
