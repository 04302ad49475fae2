package io.quotegraph.statements.event.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Criteria;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.common.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events ({@value Mongo#EVENTS}): _id (derived from key), key (unique: type|date|participant for a statement's
 * occasion, REPORTED|smallest mention id for an event articles report), type, title, date, endDate, dateApproximate,
 * status, participantIds, articleIds, statementCount; reported events also kind, granularity, participantNames,
 * locationId, locationName, mentionIds, statementIds, evidence, mentionCount. Dates are ISO strings.
 */
@ApplicationScoped
public class EventRepository {

    public static final String KEY_INDEX = "events_key";
    /** Newest first, then by title. */
    private static final Bson ORDER = Sorts.orderBy(Sorts.descending("date"), Sorts.ascending("title"), Sorts.ascending("_id"));

    @Inject
    Mongo mongo;

    public MongoCollection<Document> collection() {
        return mongo.collection(Mongo.EVENTS);
    }

    public void ensureIndexes() {
        MongoCollection<Document> c = collection();
        c.createIndex(Indexes.ascending("key"), new IndexOptions().name(KEY_INDEX).unique(true));
        c.createIndex(Indexes.descending("date"), new IndexOptions().name("events_date"));
        c.createIndex(Indexes.ascending("participantIds"), new IndexOptions().name("events_participants"));
        c.createIndex(Indexes.ascending("articleIds"), new IndexOptions().name("events_articles"));
    }

    /**
     * Creates these events unless they exist (their fields are then left alone), in one round trip; safe against a
     * concurrent creation.
     */
    public void insertAllIfAbsent(Collection<Document> newEvents) {
        if (newEvents.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document event : newEvents) {
            Document fields = new Document(event);
            Object id = fields.remove("_id");
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields),
                    new UpdateOptions().upsert(true)));
        }
        for (int attempt = 0; ; attempt++) {
            try {
                // unordered: an upsert that loses a race to a concurrent creation does not stop the others
                collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
                return;
            } catch (MongoBulkWriteException e) {
                // the losers' retry finds the winners' documents and leaves them alone
                boolean onlyRaces = e.getWriteErrors().stream()
                        .allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
                if (!onlyRaces || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public Optional<Document> findById(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first());
    }

    public List<Document> findByIds(Collection<String> ids) {
        return ids.isEmpty() ? new ArrayList<>() : collection().find(Filters.in("_id", new ArrayList<>(ids))).into(new ArrayList<>());
    }

    /** Applies an update to each of these events, by id. */
    public void setAll(Map<String, Bson> updatesById) {
        if (!updatesById.isEmpty()) {
            collection().bulkWrite(updatesById.entrySet().stream().<WriteModel<Document>>map(e ->
                    new UpdateOneModel<>(Filters.eq("_id", e.getKey()), e.getValue())).toList());
        }
    }

    /** Writes these events whole (an event derived from reported mentions is recomputed as a whole), in one round trip. */
    public void replaceAll(Collection<Document> replaced) {
        if (!replaced.isEmpty()) {
            collection().bulkWrite(replaced.stream().<WriteModel<Document>>map(event -> new ReplaceOneModel<>(
                    Filters.eq("_id", event.getString("_id")), event, new ReplaceOptions().upsert(true))).toList());
        }
    }

    public void deleteAll(Collection<String> ids) {
        if (!ids.isEmpty()) {
            collection().deleteMany(Filters.in("_id", new ArrayList<>(ids)));
        }
    }

    public <T> Page<T> page(Bson filter, int offset, int limit, Function<Document, T> toView) {
        return Pages.find(collection(), filter, ORDER, offset, limit, toView);
    }

    /** As {@link #page}, for candidates named by id (see {@link Pages#findById}). */
    public <T> Page<T> pageById(Collection<String> ids, Criteria criteria, int offset, int limit, Function<Document, T> toView) {
        return Pages.findById(collection(), ids, criteria, ORDER, null, offset, limit, toView);
    }
}
