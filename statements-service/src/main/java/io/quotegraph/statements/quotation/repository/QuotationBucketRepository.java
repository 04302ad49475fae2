package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.quotations.QuoteBlocking;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocking ({@link QuoteBlocking}), read by _id only:
 * <ul>
 * <li>the speaker lists ({@value #SPEAKER_LISTS}): _id = speaker id, statementIds = its first
 * {@link QuoteBlocking#SPEAKER_LIST_CAPACITY} statements (a set: added with {@code $addToSet}, so re-adding is
 * idempotent; concurrent deliveries that both found room can exceed the capacity by their statements), banded = true
 * once any statement of the speaker is in the buckets (its lookups read them from then on);</li>
 * <li>the LSH buckets ({@value #BUCKETS}): _id = "{speakerId}|{band}|{band key in hex}", statementIds = the most
 * recent {@link QuoteBlocking#BUCKET_CAPACITY} statements of that speaker with that band key, oldest first.</li>
 * </ul>
 */
@ApplicationScoped
public class QuotationBucketRepository {

    public static final String BUCKETS = "quotation_buckets";
    public static final String SPEAKER_LISTS = "quotation_speaker_lists";
    private static final String BANDED = "banded";
    private static final String STATEMENT_IDS = "statementIds";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> buckets() {
        return mongo.collection(BUCKETS);
    }

    private MongoCollection<Document> speakerLists() {
        return mongo.collection(SPEAKER_LISTS);
    }

    /** A speaker's list: its listed statements, and whether any of its statements is in the buckets. */
    public record SpeakerList(List<String> statementIds, boolean banded) {
        public static final SpeakerList EMPTY = new SpeakerList(List.of(), false);
    }

    /** The lists of these speakers that exist, by speaker id (lookups by _id). */
    public Map<String, SpeakerList> speakerLists(Collection<String> speakerIds) {
        Map<String, SpeakerList> found = new HashMap<>();
        for (List<String> chunk : Batches.chunks(speakerIds)) {
            for (Document list : speakerLists().find(Filters.in("_id", chunk))) {
                found.put(list.getString("_id"), new SpeakerList(list.getList(STATEMENT_IDS, String.class, List.of()),
                        list.getBoolean(BANDED, false)));
            }
        }
        return found;
    }

    /**
     * Adds statements to their speakers' lists (speaker id → statement ids) and marks speakers banded: one idempotent
     * write per speaker.
     */
    public void addToSpeakerLists(Map<String, List<String>> listed, Set<String> banded) {
        Set<String> speakerIds = new LinkedHashSet<>(listed.keySet());
        speakerIds.addAll(banded);
        List<WriteModel<Document>> writes = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (String speakerId : speakerIds) {
            BsonDocument update = new BsonDocument();
            if (listed.containsKey(speakerId)) {
                update.append("$addToSet", new BsonDocument(STATEMENT_IDS, new BsonDocument("$each",
                        strings(listed.get(speakerId)))));
            }
            if (banded.contains(speakerId)) {
                update.append("$set", new BsonDocument(BANDED, BsonBoolean.TRUE));
            }
            writes.add(new UpdateOneModel<>(byId(speakerId), update, upsert));
        }
        Batches.write(speakerLists(), writes);
    }

    /**
     * Marks banded every speaker that has a statement in a bucket, so that its lookups read the buckets. Needed once
     * for a store written before the speaker lists ({@code statements-v6}), where every statement is in buckets only:
     * without it, a speaker's new statements would fill an empty list and never be compared with its older ones.
     * Idempotent; one pass over the buckets' ids.
     */
    public void markBandedSpeakersOfBuckets() {
        Set<String> speakerIds = new LinkedHashSet<>();
        for (Document bucket : buckets().find().projection(new Document("_id", 1))) {
            speakerIds.add(speakerOfBucket(bucket.getString("_id")));
        }
        addToSpeakerLists(Map.of(), speakerIds);
    }

    /** The speaker id of a bucket id "{speakerId}|{band}|{band key in hex}" (the speaker id may hold a '|'). */
    static String speakerOfBucket(String bucketId) {
        return bucketId.substring(0, bucketId.lastIndexOf('|', bucketId.lastIndexOf('|') - 1));
    }

    /** Takes statements out of their speakers' lists (speaker id → statement ids); a speaker stays banded. */
    public void removeFromSpeakerLists(Map<String, List<String>> listed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        listed.forEach((speakerId, statements) ->
                writes.add(new UpdateOneModel<>(byId(speakerId), pullAll(strings(statements)))));
        Batches.write(speakerLists(), writes);
    }

    public static List<String> bucketIds(String speakerId, long[] bandKeys) {
        List<String> ids = new ArrayList<>(bandKeys.length);
        for (int band = 0; band < bandKeys.length; band++) {
            ids.add(speakerId + "|" + band + "|" + Long.toHexString(bandKeys[band]));
        }
        return ids;
    }

    /** The statements of each of these buckets that exist, oldest first (lookups by _id). */
    public Map<String, List<String>> findAll(Collection<String> bucketIds) {
        Map<String, List<String>> found = new HashMap<>();
        for (List<String> chunk : Batches.chunks(bucketIds)) {
            for (Document bucket : buckets().find(Filters.in("_id", chunk))) {
                found.put(bucket.getString("_id"), new ArrayList<>(bucket.getList(STATEMENT_IDS, String.class, List.of())));
            }
        }
        return found;
    }

    /**
     * Appends the statements to each bucket, dropping the oldest; with {@code replace}, earlier entries of them are
     * pulled first (each once).
     */
    public void add(Map<String, List<String>> statementsByBucket, boolean replace) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        statementsByBucket.forEach((id, statements) -> {
            BsonDocument filter = byId(id);
            BsonArray ids = strings(statements);
            if (replace) {
                writes.add(new UpdateOneModel<>(filter, pullAll(ids)));
            }
            writes.add(new UpdateOneModel<>(filter, new BsonDocument("$push", new BsonDocument(STATEMENT_IDS,
                    new BsonDocument("$each", ids).append("$slice", new BsonInt32(-QuoteBlocking.BUCKET_CAPACITY)))), upsert));
        });
        Batches.write(buckets(), writes);
    }

    public void remove(Map<String, List<String>> statementsByBucket) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        statementsByBucket.forEach((id, statements) ->
                writes.add(new UpdateOneModel<>(byId(id), pullAll(strings(statements)))));
        Batches.write(buckets(), writes);
    }

    // Bucket writes are one per band (QuoteBlocking.BANDS) for each statement beyond its speaker's list: they are built as BSON directly, which
    // spares the driver converting Filters/Updates through its codec registry for each (a quarter of their client CPU).

    private static BsonDocument byId(String id) {
        return new BsonDocument("_id", new BsonString(id));
    }

    private static BsonDocument pullAll(BsonArray ids) {
        return new BsonDocument("$pullAll", new BsonDocument(STATEMENT_IDS, ids));
    }

    private static BsonArray strings(List<String> values) {
        BsonArray array = new BsonArray(values.size());
        values.forEach(value -> array.add(new BsonString(value)));
        return array;
    }
}
