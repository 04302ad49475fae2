package io.quotegraph.statements.statement.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.common.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The statements ({@value Mongo#STATEMENTS}): _id "{articleId}:{index}", articleId, index, kind, content, cue,
 * speakerMention, speakerKey, speakerId, confidence, occasionId, publishedAt, source, tokens (normalised words).
 */
@ApplicationScoped
public class StatementRepository {

    private static final int BATCH = 500;

    @Inject
    Mongo mongo;

    public MongoCollection<Document> collection() {
        return mongo.collection(Mongo.STATEMENTS);
    }

    public void ensureIndexes() {
        MongoCollection<Document> c = collection();
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("articleId"), Indexes.ascending("index")),
                new IndexOptions().name("statements_article_index"));
        c.createIndex(Indexes.compoundIndex(Indexes.descending("publishedAt"), Indexes.ascending("articleId"),
                Indexes.ascending("index")), new IndexOptions().name("statements_order"));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("speakerId"), Indexes.descending("publishedAt")),
                new IndexOptions().name("statements_speaker"));
        c.createIndex(Indexes.ascending("occasionId"), new IndexOptions().name("statements_occasion"));
        c.createIndex(Indexes.ascending("tokens"), new IndexOptions().name("statements_tokens"));
        c.createIndex(Indexes.ascending("aboutIds"), new IndexOptions().name("statements_about"));
    }

    public List<Document> findByArticle(String articleId) {
        return collection().find(Filters.eq("articleId", articleId)).into(new ArrayList<>());
    }

    /** Sets the speaker and the entities of one statement (after resolution moved its article's names). */
    public void setLinks(String id, String speakerId, List<String> aboutIds) {
        collection().updateOne(Filters.eq("_id", id), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("speakerId", speakerId),
                com.mongodb.client.model.Updates.set("aboutIds", aboutIds)));
    }

    /** Writes the statements by id, inserting or replacing each. */
    public void upsertAll(List<Document> statements) {
        MongoCollection<Document> c = collection();
        List<WriteModel<Document>> batch = new ArrayList<>();
        for (Document statement : statements) {
            batch.add(new ReplaceOneModel<>(Filters.eq("_id", statement.get("_id")), statement,
                    new ReplaceOptions().upsert(true)));
            if (batch.size() == BATCH) {
                c.bulkWrite(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            c.bulkWrite(batch);
        }
    }

    /** Deletes the article's statements from this index on (those a shorter delivery no longer has). */
    public long deleteFromIndex(String articleId, int fromIndex) {
        return collection().deleteMany(Filters.and(Filters.eq("articleId", articleId), Filters.gte("index", fromIndex)))
                .getDeletedCount();
    }

    /** The distinct non-null values of a field among the article's statements. */
    public Set<String> distinctOfArticle(String field, String articleId) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : collection().distinct(field, Filters.eq("articleId", articleId), String.class)) {
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    public long countBySpeaker(String speakerId) {
        return collection().countDocuments(Filters.eq("speakerId", speakerId));
    }

    public long countByOccasion(String occasionId) {
        return collection().countDocuments(Filters.eq("occasionId", occasionId));
    }

    /** The articles having statements made at this occasion, sorted. */
    public List<String> articleIdsByOccasion(String occasionId) {
        Set<String> ids = new java.util.TreeSet<>();
        for (String value : collection().distinct("articleId", Filters.eq("occasionId", occasionId), String.class)) {
            if (value != null) {
                ids.add(value);
            }
        }
        return new ArrayList<>(ids);
    }

    public Optional<Document> findById(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first());
    }

    public <T> Page<T> page(Bson filter, int offset, int limit, Function<Document, T> toView) {
        return page(filter, false, offset, limit, toView);
    }

    /** Newest (or oldest) article first, then by article and position in it. */
    public <T> Page<T> page(Bson filter, boolean oldestFirst, int offset, int limit, Function<Document, T> toView) {
        Bson sort = Sorts.orderBy(oldestFirst ? Sorts.ascending("publishedAt") : Sorts.descending("publishedAt"),
                Sorts.ascending("articleId"), Sorts.ascending("index"));
        return Pages.find(collection(), filter, sort, offset, limit, toView);
    }
}
