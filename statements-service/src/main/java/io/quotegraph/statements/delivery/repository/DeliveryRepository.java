package io.quotegraph.statements.delivery.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;

/**
 * One document per delivered article ({@value Mongo#DELIVERIES}): _id = articleId, hash (of the last fully applied
 * payload; absent while a delivery is in progress), statements, the article's metadata, and pendingSpeakerIds /
 * pendingEventIds: what an interrupted delivery still has to recompute.
 */
@ApplicationScoped
public class DeliveryRepository {

    @Inject
    Mongo mongo;

    public MongoCollection<Document> collection() {
        return mongo.collection(Mongo.DELIVERIES);
    }

    public Optional<Document> find(String articleId) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", articleId)).first());
    }

    /** Marks a delivery as started: forgets the applied hash and remembers what must be recomputed at the end. */
    public void start(String articleId, Collection<String> speakerIds, Collection<String> eventIds) {
        collection().updateOne(Filters.eq("_id", articleId), Updates.combine(
                        Updates.unset("hash"),
                        Updates.addEachToSet("pendingSpeakerIds", new ArrayList<>(speakerIds)),
                        Updates.addEachToSet("pendingEventIds", new ArrayList<>(eventIds))),
                new UpdateOptions().upsert(true));
    }

    /** Records the applied payload: the last write of a delivery. */
    public void complete(String articleId, String hash, Document fields) {
        Document set = new Document(fields).append("hash", hash);
        collection().updateOne(Filters.eq("_id", articleId), Updates.combine(
                new Document("$set", set), Updates.unset("pendingSpeakerIds"), Updates.unset("pendingEventIds")));
    }
}
