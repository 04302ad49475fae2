package io.quotegraph.statements.delivery.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One document per delivered article ({@value Mongo#DELIVERIES}): _id = articleId, hash (of the last fully applied
 * payload; absent while a delivery is in progress), statements, the article's metadata, statementSlots (no statement
 * of the article has an index at or above it, so its statements are read by _id), and pendingSpeakerIds /
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

    /** The deliveries of these articles, by article id (articles never delivered are left out): one read. */
    public Map<String, Document> findAll(Collection<String> articleIds) {
        Map<String, Document> found = new HashMap<>();
        if (!articleIds.isEmpty()) {
            collection().find(Filters.in("_id", new ArrayList<>(articleIds)))
                    .forEach(d -> found.put(d.getString("_id"), d));
        }
        return found;
    }

    /**
     * How many statement ids "{articleId}:{index}" of the article may exist: statementSlots, or for a delivery recorded
     * before that field existed, its statement count.
     */
    public static int statementSlots(Document delivery) {
        if (delivery == null) {
            return 0;
        }
        Number slots = delivery.get("statementSlots", Number.class);
        Number count = delivery.get("statements", Number.class);
        return Math.max(slots == null ? 0 : slots.intValue(), count == null ? 0 : count.intValue());
    }

    public int statementSlots(String articleId) {
        return statementSlots(find(articleId).orElse(null));
    }

    /** The statement slots of these articles (articles never delivered have none and are left out). */
    public Map<String, Integer> statementSlots(Collection<String> articleIds) {
        Map<String, Integer> slots = new HashMap<>();
        if (!articleIds.isEmpty()) {
            collection().find(Filters.in("_id", new ArrayList<>(articleIds)))
                    .forEach(d -> slots.put(d.getString("_id"), statementSlots(d)));
        }
        return slots;
    }

    /**
     * How many statements an article has (its last completed delivery's count; 0 before the first completes) and how
     * many statement ids may exist (see {@link #statementSlots(Document)}).
     */
    public record Extent(int statements, int slots) {
    }

    /** The extents of these articles, by id (articles never delivered are left out): one read by _id. */
    public Map<String, Extent> extents(Collection<String> articleIds) {
        Map<String, Extent> extents = new HashMap<>();
        if (!articleIds.isEmpty()) {
            collection().find(Filters.in("_id", new ArrayList<>(articleIds)))
                    .projection(Projections.include("statementSlots", "statements"))
                    .forEach(d -> {
                        Number count = d.get("statements", Number.class);
                        extents.put(d.getString("_id"), new Extent(count == null ? 0 : count.intValue(), statementSlots(d)));
                    });
        }
        return extents;
    }

    /**
     * Every delivery's _id and statement slots, newest (or oldest) publication first, then by article id: the order of
     * the statement list (index deliveries_order, created with the statements' indexes).
     */
    public Iterable<Document> inPublicationOrder(boolean oldestFirst) {
        return collection().find()
                .sort(oldestFirst ? Sorts.orderBy(Sorts.ascending("publishedAt"), Sorts.ascending("_id"))
                        : Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("_id")))
                .projection(Projections.include("statementSlots", "statements"));
    }

    /** A delivery about to write: its article, its new statement count, what it must recompute at the end. */
    public record Start(String articleId, int statements, Collection<String> speakerIds, Collection<String> eventIds) {
    }

    /**
     * Marks deliveries as started, in one bulk write: each forgets its applied hash, remembers what must be recomputed
     * at the end, and raises statementSlots to the new statement count before any statement is written.
     */
    public void startAll(List<Start> starts) {
        if (starts.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(starts.size());
        for (Start start : starts) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", start.articleId()), Updates.combine(
                    Updates.unset("hash"),
                    Updates.max("statementSlots", start.statements()),
                    Updates.addEachToSet("pendingSpeakerIds", new ArrayList<>(start.speakerIds())),
                    Updates.addEachToSet("pendingEventIds", new ArrayList<>(start.eventIds()))),
                    new UpdateOptions().upsert(true)));
        }
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Adds to what started deliveries must still recompute (see {@link #startAll}). */
    public void addPending(Collection<String> articleIds, Collection<String> speakerIds, Collection<String> eventIds) {
        collection().updateMany(Filters.in("_id", new ArrayList<>(articleIds)), Updates.combine(
                Updates.addEachToSet("pendingSpeakerIds", new ArrayList<>(speakerIds)),
                Updates.addEachToSet("pendingEventIds", new ArrayList<>(eventIds))));
    }

    /** An applied payload: its hash, its statement count and the article's metadata. */
    public record Completion(String articleId, String hash, int statements, Document fields) {
    }

    /**
     * Records these applied payloads (their statements are then all there are): the last write of a delivery. One
     * bulk write; unordered, since each document is written once and on its own.
     */
    public void completeAll(List<Completion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(completions.size());
        for (Completion completion : completions) {
            Document set = new Document(completion.fields()).append("hash", completion.hash())
                    .append("statements", completion.statements()).append("statementSlots", completion.statements());
            writes.add(new UpdateOneModel<>(Filters.eq("_id", completion.articleId()), Updates.combine(
                    new Document("$set", set), Updates.unset("pendingSpeakerIds"), Updates.unset("pendingEventIds"))));
        }
        collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
}
