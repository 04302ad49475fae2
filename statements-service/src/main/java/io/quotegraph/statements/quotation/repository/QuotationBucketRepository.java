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
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The LSH buckets ({@value #BUCKETS}): _id = "{speakerId}|{band}|{band key in hex}", statementIds = the most recent
 * {@link QuoteBlocking#BUCKET_CAPACITY} statements of that speaker with that band key, oldest first. Read by _id only.
 */
@ApplicationScoped
public class QuotationBucketRepository {

    public static final String BUCKETS = "quotation_buckets";
    private static final String STATEMENT_IDS = "statementIds";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> buckets() {
        return mongo.collection(BUCKETS);
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

    // Bucket writes are about 24 per new statement, most of the index's writes: they are built as BSON directly, which
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
