package io.quotegraph.statements.speaker.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
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

    /**
     * Takes the leases of all these blocks in one round trip, all or nothing: when another holder has one of them, the
     * ones taken are given back and the whole set is tried again after a short wait, so a holder never waits while
     * holding a lease (no deadlock, no lease running out while waiting). Returns the owner token to release them with.
     */
    public String acquireAll(Collection<String> blockKeys) {
        List<String> keys = new ArrayList<>(new TreeSet<>(blockKeys));
        String owner = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Date until = Date.from(Instant.now().plus(LEASE));
            try {
                collection().insertMany(keys.stream().map(key -> new Document("_id", key).append("owner", owner)
                        .append("until", until)).toList(), new InsertManyOptions().ordered(false));
                return owner;
            } catch (MongoBulkWriteException e) {
                releaseAll(keys, owner);
                if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                    throw e;
                }
            }
            collection().deleteMany(Filters.and(Filters.in("_id", keys), Filters.lt("until", new Date())));
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("resolution blocks " + keys + " stayed locked for " + WAIT);
            }
            try {
                Thread.sleep(5 + ThreadLocalRandom.current().nextInt(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for blocks " + keys, e);
            }
        }
    }

    /** Gives back the leases of these blocks that this owner holds. */
    public void releaseAll(Collection<String> blockKeys, String owner) {
        collection().deleteMany(Filters.and(Filters.in("_id", new ArrayList<>(blockKeys)), Filters.eq("owner", owner)));
    }

    public void release(String blockKey, String owner) {
        collection().deleteOne(Filters.and(Filters.eq("_id", blockKey), Filters.eq("owner", owner)));
    }
}
