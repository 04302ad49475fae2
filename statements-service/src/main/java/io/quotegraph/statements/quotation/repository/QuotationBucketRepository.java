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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /** The statements in these buckets (one _id lookup each), without duplicates. */
    public Set<String> statementsIn(Collection<String> bucketIds) {
        Set<String> statements = new LinkedHashSet<>();
        for (String id : bucketIds) {
            Document bucket = buckets().find(Filters.eq("_id", id)).first();
            if (bucket != null) {
                statements.addAll(bucket.getList("statementIds", String.class, List.of()));
            }
        }
        return statements;
    }

    /** Puts the statement last in each bucket (once: an earlier entry of it is pulled first), dropping the oldest. */
    public void add(Collection<String> bucketIds, String statementId) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String id : bucketIds) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pull("statementIds", statementId)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.pushEach("statementIds", List.of(statementId), new PushOptions().slice(-QuoteBlocking.BUCKET_CAPACITY)),
                    new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            buckets().bulkWrite(writes);
        }
    }

    public void remove(Collection<String> bucketIds, String statementId) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String id : bucketIds) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.pull("statementIds", statementId)));
        }
        if (!writes.isEmpty()) {
            buckets().bulkWrite(writes);
        }
    }
}
