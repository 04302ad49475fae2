package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.common.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The canonical speakers ({@value Mongo#SPEAKERS}). Fields: _id (UUID string), matchKey (unique: "n:&lt;full name&gt;"
 * or "s:&lt;single name&gt;|&lt;organisations&gt;"), name, type, nameKey, single, surnameKey, aliases, aliasKeys,
 * searchTokens, roles[{title, organization, firstSeen, lastSeen}], orgKeys, articleIds, statementCount; affiliations,
 * speaker (false: an entity that statements name but that never speaks), listed (false: no mappings left, or merged),
 * mergedInto (the speaker a curator merged it into), curatedName, curatedAliases, suppressedAliases.
 */
@ApplicationScoped
public class SpeakerRepository {

    public static final String MATCH_KEY_INDEX = "speakers_match_key";

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

    public Optional<Document> findByMatchKey(String matchKey) {
        return Optional.ofNullable(collection().find(Filters.eq("matchKey", matchKey)).first());
    }

    /** Speakers whose normalised name or an alias equals the key, or (for people) whose surname does. */
    public List<Document> findByNameAliasOrSurname(String key) {
        return collection().find(Filters.or(
                        Filters.eq("nameKey", key), Filters.eq("aliasKeys", key), Filters.eq("surnameKey", key)))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    public List<Document> findByAliasKey(String key) {
        return collection().find(Filters.eq("aliasKeys", key)).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Speakers known only by a single name equal to the key (candidates to be upgraded to a full name). */
    public List<Document> findSingleNamed(String key) {
        return collection().find(Filters.and(Filters.eq("single", true), Filters.eq("nameKey", key)))
                .sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /** Inserts a new speaker; fails with a duplicate-key error when its matchKey exists. */
    public void insert(Document speaker) {
        collection().insertOne(speaker);
    }

    /** Gives a single-named speaker its full name, if it still has the expected matchKey. Duplicate-key error if taken. */
    public boolean upgradeName(String id, String expectedMatchKey, String name, String nameKey, String matchKey) {
        return collection().updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("matchKey", expectedMatchKey)),
                Updates.combine(Updates.set("name", name), Updates.set("nameKey", nameKey),
                        Updates.set("matchKey", matchKey), Updates.set("single", false))).getMatchedCount() == 1;
    }

    /** Sets fields of a speaker (curation: curatedName, curatedAliases, suppressedAliases, mergedInto). */
    public void set(String id, Bson update) {
        collection().updateOne(Filters.eq("_id", id), update);
    }

    public void setDerived(String id, Document fields) {
        collection().updateOne(Filters.eq("_id", id), new Document("$set", fields));
    }

    public <T> Page<T> page(Bson filter, int offset, int limit, Function<Document, T> toView) {
        Bson sort = Sorts.orderBy(Sorts.descending("statementCount"), Sorts.ascending("name"), Sorts.ascending("_id"));
        return Pages.find(collection(), filter, sort, offset, limit, toView);
    }
}
