package io.quotegraph.statements.speaker.repository;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leases on resolution blocks ({@value #COLLECTION}: _id block key, owner, until), so that two deliveries (on any
 * instance) never re-cluster the same block at once. No transactions needed: taking a lease is one insert on a
 * unique _id; a lease whose holder died expires.
 */
@ApplicationScoped
public class ResolutionLockRepository {

    public static final String COLLECTION = "resolution_locks";
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Mongo mongo;

    private MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    /** Takes the block's lease, waiting for another holder; returns the owner token to release it with. */
    public String acquire(String blockKey) {
        String owner = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                collection().insertOne(new Document("_id", blockKey).append("owner", owner)
                        .append("until", Date.from(Instant.now().plus(LEASE))));
                return owner;
            } catch (MongoException e) {
                if (!Mongo.isDuplicateKey(e)) {
                    throw e;
                }
            }
            collection().deleteOne(Filters.and(Filters.eq("_id", blockKey), Filters.lt("until", new Date())));
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("resolution block '" + blockKey + "' stayed locked for " + WAIT);
            }
            try {
                Thread.sleep(5 + ThreadLocalRandom.current().nextInt(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for block '" + blockKey + "'", e);
            }
        }
    }

    public void release(String blockKey, String owner) {
        collection().deleteOne(Filters.and(Filters.eq("_id", blockKey), Filters.eq("owner", owner)));
    }
}
