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
import java.util.Objects;

/**
 * What a delivery needs to know of a settled block without reading its mappings ({@value #COLLECTION}: _id block key,
 * speakerId: the one speaker all its mappings point at (blocks of other entities than people), or people: its
 * mappings by the features the clusterer reads, each with their count and speaker (people blocks); gazetteer: the
 * version it was clustered with, epoch: the curation epoch it was clustered in, version: counts its writes, pending:
 * set while a delivery links mappings the summary does not count yet). The document {@value #CURATION_EPOCH} counts
 * curation's changes of pins: a summary of an earlier epoch may predate a pin, so it is not trusted. No transactions:
 * every write is one document.
 */
@ApplicationScoped
public class BlockSummaryRepository {

    public static final String COLLECTION = "block_summaries";
    /** Not a block key (those start with "p:", "o:" or "a:"). */
    static final String CURATION_EPOCH = "curation-epoch";

    @Inject
    Mongo mongo;

    /**
     * A block's summary: {@code speakerId} for a block of other entities than people, {@code people} (null otherwise)
     * for a block of people.
     */
    public record Summary(String speakerId, List<PersonClass> people, String gazetteer, long epoch, long version,
                          boolean pending) {
        /** Whether writing this summary over {@code stored} would change nothing but its version. */
        public boolean unchangedFrom(Summary stored) {
            return stored != null && !stored.pending && Objects.equals(speakerId, stored.speakerId)
                    && Objects.equals(people, stored.people) && gazetteer.equals(stored.gazetteer) && epoch == stored.epoch;
        }
    }

    /**
     * The mappings of a people block that the clusterer cannot tell apart (the same name as written, type and
     * organisations as compared): how many there are, one of their mapping's name, type and organisations as stored,
     * and the speaker they all point at.
     */
    public record PersonClass(String name, String type, List<String> organizations, long count, String speakerId) {
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
                byBlock.put(d.getString("_id"), summary(d));
            }
        }
        return new Snapshot(epoch, byBlock);
    }

    private static Summary summary(Document d) {
        List<Document> people = d.getList("people", Document.class);
        Number version = d.get("version", Number.class);
        return new Summary(d.getString("speakerId"), people == null ? null : people.stream()
                .map(c -> new PersonClass(c.getString("name"), c.getString("type"), c.getList("organizations", String.class),
                        c.get("count", Number.class).longValue(), c.getString("speakerId"))).toList(),
                d.getString("gazetteer"), d.get("epoch", Number.class).longValue(),
                version == null ? 0 : version.longValue(), Boolean.TRUE.equals(d.getBoolean("pending")));
    }

    private static Document document(String blockKey, Summary summary) {
        Document d = new Document("_id", blockKey);
        if (summary.people() != null) {
            d.append("people", summary.people().stream().map(c -> new Document("name", c.name()).append("type", c.type())
                    .append("organizations", c.organizations()).append("count", c.count())
                    .append("speakerId", c.speakerId())).toList());
        } else {
            d.append("speakerId", summary.speakerId());
        }
        return d.append("gazetteer", summary.gazetteer()).append("epoch", summary.epoch()).append("version", summary.version());
    }

    /**
     * Called before curation changes a pin, so that no summary read before the change is trusted after it. The first
     * call creates the document; two first calls at once cannot both insert it: MongoDB (4.2 and later) retries an
     * upsert whose insert hits a duplicate key on the `_id` it filters by (SERVER-37124), and the embedded stand-in
     * runs a collection's writes one at a time.
     */
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
                document(blockKey, summary), new ReplaceOptions().upsert(true))));
        collection().bulkWrite(writes);
    }

    /**
     * Marks these summaries as not counting every linked mapping, before a delivery links mappings they do not count
     * yet: if it fails before {@link #extendAll}, the next delivery re-clusters those blocks whole.
     */
    public void markPending(Collection<String> blockKeys) {
        if (!blockKeys.isEmpty()) {
            collection().updateMany(Filters.in("_id", new ArrayList<>(blockKeys)), Updates.set("pending", true));
        }
    }

    /**
     * Replaces pending summaries with what they are now (block key → summary), each only if no one wrote it since it
     * was read (its version is the new one's less one); one that was written stays pending, so not trusted.
     */
    public void extendAll(Map<String, Summary> byBlock) {
        if (byBlock.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        byBlock.forEach((blockKey, summary) -> writes.add(new ReplaceOneModel<>(
                Filters.and(Filters.eq("_id", blockKey), Filters.eq("version", summary.version() - 1)),
                document(blockKey, summary))));
        collection().bulkWrite(writes);
    }

    public void forget(Collection<String> blockKeys) {
        if (!blockKeys.isEmpty()) {
            collection().deleteMany(Filters.in("_id", new ArrayList<>(blockKeys)));
        }
    }
}
