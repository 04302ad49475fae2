package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The canonical speakers ({@value Mongo#SPEAKERS}). Fields: _id (UUID string), matchKey (unique: "n:&lt;full name&gt;"
 * or "s:&lt;single name&gt;|&lt;organisations&gt;"), name, type, nameKey, single, surnameKey, aliases, aliasKeys,
 * searchTokens, roles[{title, organization, firstSeen, lastSeen}], orgKeys, statementCount; affiliations,
 * speaker (false: an entity that statements name but that never speaks), listed (false: no mappings left, or merged),
 * mergedInto (the speaker a curator merged it into), curatedName, curatedAliases, suppressedAliases.
 */
@ApplicationScoped
public class SpeakerRepository {

    public static final String MATCH_KEY_INDEX = "speakers_match_key";
    /** Most statements first, then by name. */
    private static final Bson ORDER = Sorts.orderBy(Sorts.descending("statementCount"), Sorts.ascending("name"),
            Sorts.ascending("_id"));

    @Inject
    Mongo mongo;

    public MongoCollection<Document> collection() {
        return mongo.collection(Mongo.SPEAKERS);
    }

    public void ensureIndexes() {
        MongoCollection<Document> c = collection();
        c.createIndex(Indexes.ascending("matchKey"), new IndexOptions().name(MATCH_KEY_INDEX).unique(true));
        c.createIndex(Indexes.ascending("aliasKeys"), new IndexOptions().name("speakers_alias_keys"));
        c.createIndex(Indexes.ascending("surnameKey"), new IndexOptions().name("speakers_surname_key"));
        c.createIndex(Indexes.ascending("searchTokens"), new IndexOptions().name("speakers_search_tokens"));
        c.createIndex(Indexes.compoundIndex(Indexes.descending("statementCount"), Indexes.ascending("name")),
                new IndexOptions().name("speakers_order"));
    }

    public Optional<Document> findById(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first());
    }

    public List<Document> findByIds(Collection<String> ids) {
        return collection().find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    /**
     * Where each of these speakers leads now: the speaker it was merged into, else itself (unknown ids are left out);
     * one read of that field only.
     */
    public Map<String, String> mergeTargets(Collection<String> ids) {
        Map<String, String> targets = new HashMap<>();
        if (!ids.isEmpty()) {
            collection().find(Filters.in("_id", new ArrayList<>(ids))).projection(Projections.include("mergedInto"))
                    .forEach(d -> targets.put(d.getString("_id"),
                            d.getString("mergedInto") == null ? d.getString("_id") : d.getString("mergedInto")));
        }
        return targets;
    }

    /** Inserts a new speaker; fails with a duplicate-key error when its matchKey exists. */
    public void insert(Document speaker) {
        collection().insertOne(speaker);
    }

    /** Inserts new speakers in one round trip. */
    public void insertAll(List<Document> newSpeakers) {
        if (!newSpeakers.isEmpty()) {
            collection().insertMany(newSpeakers);
        }
    }

    /** Sets fields of a speaker (curation: curatedName, curatedAliases, suppressedAliases, mergedInto). */
    public void set(String id, Bson update) {
        collection().updateOne(Filters.eq("_id", id), update);
    }

    /**
     * Sets the derived fields of these speakers, by id; of those written by a version before pages summarised their
     * mappings ({@code filled}), also removes the articleIds that versions before issue 10's kept on a speaker (its
     * articles are its mappings'): a migration done once per speaker, not on every write.
     */
    public void setDerived(Map<String, Document> fieldsById, Set<String> filled) {
        if (!fieldsById.isEmpty()) {
            collection().bulkWrite(fieldsById.entrySet().stream().<WriteModel<Document>>map(e -> {
                Document update = new Document("$set", e.getValue());
                if (filled.contains(e.getKey())) {
                    update.append("$unset", new Document("articleIds", ""));
                }
                return new UpdateOneModel<>(Filters.eq("_id", e.getKey()), update);
            }).toList());
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
