package io.quotegraph.statements.curation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.common.Pages;
import io.quotegraph.statements.speaker.repository.BlockSummaryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Curation decisions that resolution consults, so that they survive re-delivery and re-resolution, and the audit log:
 * <ul>
 * <li>{@value #PINS}: _id "{articleId}|{nameKey}" → speakerId: this article's name for an entity belongs to that speaker
 *     (written by merges and splits; keyed by the name, not the article-local key, which a new extraction may renumber);</li>
 * <li>{@value #ALIAS_PINS}: _id nameKey → speakerId: a name a curator added as an alias belongs to that speaker wherever
 *     it appears;</li>
 * <li>{@value #LOG}: _id, at, actor, action, speakerIds, input, before, after (the speakers' views).</li>
 * </ul>
 */
@ApplicationScoped
public class CurationRepository {

    public static final String PINS = "curation_pins";
    public static final String ALIAS_PINS = "curation_alias_pins";
    public static final String LOG = "curation_log";

    @Inject
    Mongo mongo;
    @Inject
    BlockSummaryRepository blockSummaries;

    private MongoCollection<Document> pins() {
        return mongo.collection(PINS);
    }

    private MongoCollection<Document> aliasPins() {
        return mongo.collection(ALIAS_PINS);
    }

    private MongoCollection<Document> log() {
        return mongo.collection(LOG);
    }

    public void ensureIndexes() {
        log().createIndex(Indexes.ascending("speakerIds"), new IndexOptions().name("curation_log_speakers"));
        log().createIndex(Indexes.descending("at"), new IndexOptions().name("curation_log_at"));
        pins().createIndex(Indexes.ascending("speakerId"), new IndexOptions().name("curation_pins_speaker"));
    }

    public static String pinId(String articleId, String nameKey) {
        return articleId + "|" + nameKey;
    }

    public void pin(String articleId, String nameKey, String speakerId, String actor) {
        blockSummaries.advanceCurationEpoch();
        String id = pinId(articleId, nameKey);
        pins().replaceOne(Filters.eq("_id", id), new Document("_id", id).append("articleId", articleId)
                .append("nameKey", nameKey).append("speakerId", speakerId).append("by", actor), new ReplaceOptions().upsert(true));
    }

    /** The pins of these "{articleId}|{nameKey}" ids: pin id → speaker id. */
    public Map<String, String> pins(Collection<String> pinIds) {
        Map<String, String> result = new HashMap<>();
        if (!pinIds.isEmpty()) {
            pins().find(Filters.in("_id", pinIds)).forEach(d -> result.put(d.getString("_id"), d.getString("speakerId")));
        }
        return result;
    }

    /** Re-points every pin to a speaker at another (a merge). */
    public void repin(String fromSpeakerId, String toSpeakerId) {
        blockSummaries.advanceCurationEpoch();
        pins().updateMany(Filters.eq("speakerId", fromSpeakerId), new Document("$set", new Document("speakerId", toSpeakerId)));
        aliasPins().updateMany(Filters.eq("speakerId", fromSpeakerId), new Document("$set", new Document("speakerId", toSpeakerId)));
    }

    public void pinAlias(String nameKey, String speakerId, String actor) {
        blockSummaries.advanceCurationEpoch();
        aliasPins().replaceOne(Filters.eq("_id", nameKey), new Document("_id", nameKey).append("speakerId", speakerId)
                .append("by", actor), new ReplaceOptions().upsert(true));
    }

    public void unpinAlias(String nameKey, String speakerId) {
        blockSummaries.advanceCurationEpoch();
        aliasPins().deleteOne(Filters.and(Filters.eq("_id", nameKey), Filters.eq("speakerId", speakerId)));
    }

    /** Alias pins of these name keys: name key → speaker id. */
    public Map<String, String> aliasPins(Collection<String> nameKeys) {
        Map<String, String> result = new HashMap<>();
        if (!nameKeys.isEmpty()) {
            aliasPins().find(Filters.in("_id", nameKeys)).forEach(d -> result.put(d.getString("_id"), d.getString("speakerId")));
        }
        return result;
    }

    public void record(Document entry) {
        log().insertOne(entry);
    }

    public <T> Page<T> logPage(String speakerId, int offset, int limit, Function<Document, T> toView) {
        Bson filter = speakerId == null ? new Document() : Filters.eq("speakerIds", speakerId);
        return Pages.find(log(), filter, Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")), offset, limit, toView);
    }

    public List<Document> all() {
        return log().find().into(new ArrayList<>());
    }
}
