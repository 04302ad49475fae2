package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.quotations.QuoteBlocking;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
                found.put(bucket.getString("_id"), new ArrayList<>(bucket.getList("statementIds", String.class, List.of())));
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
        statementsByBucket.forEach((id, statements) -> {
            if (replace) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pullAll("statementIds", statements)));
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.pushEach("statementIds", statements, new PushOptions().slice(-QuoteBlocking.BUCKET_CAPACITY)),
                    new UpdateOptions().upsert(true)));
        });
        Batches.write(buckets(), writes);
    }

    public void remove(Map<String, List<String>> statementsByBucket) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        statementsByBucket.forEach((id, statements) ->
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pullAll("statementIds", statements))));
        Batches.write(buckets(), writes);
    }
}
