package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
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

/**
 * What a delivery needs to know of a settled block without reading its mappings ({@value #COLLECTION}: _id block key,
 * speakerId: the one speaker all its mappings point at, gazetteer: the version it was clustered with, epoch: the
 * curation epoch it was clustered in). The document {@value #CURATION_EPOCH} counts curation's changes of pins: a
 * summary of an earlier epoch may predate a pin, so it is not trusted. No transactions: every write is one document.
 */
@ApplicationScoped
public class BlockSummaryRepository {

    public static final String COLLECTION = "block_summaries";
    /** Not a block key (those start with "p:", "o:" or "a:"). */
    static final String CURATION_EPOCH = "curation-epoch";

    @Inject
    Mongo mongo;

    public record Summary(String speakerId, String gazetteer, long epoch) {
    }

    /** The curation epoch and the summaries of these blocks that exist, read together (the epoch first, in effect). */
    public record Snapshot(long epoch, Map<String, Summary> byBlock) {
    }

    private MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    public Snapshot read(Collection<String> blockKeys) {
        List<String> ids = new ArrayList<>(blockKeys);
        ids.add(CURATION_EPOCH);
        long epoch = 0;
        Map<String, Summary> byBlock = new HashMap<>();
        for (Document d : collection().find(Filters.in("_id", ids))) {
            if (CURATION_EPOCH.equals(d.getString("_id"))) {
                epoch = d.get("epoch", Number.class).longValue();
            } else {
                byBlock.put(d.getString("_id"), new Summary(d.getString("speakerId"), d.getString("gazetteer"),
                        d.get("epoch", Number.class).longValue()));
            }
        }
        return new Snapshot(epoch, byBlock);
    }

    /** Called before curation changes a pin, so that no summary read before the change is trusted after it. */
    public void advanceCurationEpoch() {
        collection().updateOne(Filters.eq("_id", CURATION_EPOCH), Updates.inc("epoch", 1L), new UpdateOptions().upsert(true));
    }

    /** Writes these summaries (block key → summary), one round trip for all. */
    public void settleAll(Map<String, Summary> byBlock) {
        if (byBlock.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        byBlock.forEach((blockKey, summary) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", blockKey),
                new Document("_id", blockKey).append("speakerId", summary.speakerId())
                        .append("gazetteer", summary.gazetteer()).append("epoch", summary.epoch()),
                new ReplaceOptions().upsert(true))));
        collection().bulkWrite(writes);
    }

    public void forget(Collection<String> blockKeys) {
        if (!blockKeys.isEmpty()) {
            collection().deleteMany(Filters.in("_id", new ArrayList<>(blockKeys)));
        }
    }
}
