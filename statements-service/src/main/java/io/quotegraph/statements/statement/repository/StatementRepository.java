package io.quotegraph.statements.statement.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.model.view.Page;
import com.mongodb.client.model.Projections;
import io.quotegraph.statements.common.Criteria;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.common.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statements ({@value Mongo#STATEMENTS}): _id "{articleId}:{index}", articleId, index, kind, content, cue,
 * speakerMention, speakerKey, speakerId, confidence, occasionId, publishedAt, source, tokens (normalised words).
 */
@ApplicationScoped
public class StatementRepository {

    private static final int BATCH = 500;
    /** Newest article first, then by article and position. */
    private static final Bson OLDEST_FIRST = Sorts.orderBy(Sorts.ascending("publishedAt"), Sorts.ascending("articleId"),
            Sorts.ascending("index"));
    private static final Bson ORDER = Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("articleId"),
            Sorts.ascending("index"));

    /** The normalised words are for text filters only: the largest field, and no view shows it. */
    private static final Bson WITHOUT_TOKENS = Projections.exclude("tokens");

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
        // the unfiltered statement list walks the deliveries in publication order (StatementService.list)
        mongo.collection(Mongo.DELIVERIES).createIndex(Indexes.compoundIndex(Indexes.descending("publishedAt"),
                Indexes.ascending("_id")), new IndexOptions().name("deliveries_order"));
    }

    /** The ids of an article's statements at positions 0 … slots-1. */
    public static List<String> idsOfArticle(String articleId, int slots) {
        List<String> ids = new ArrayList<>(slots);
        for (int index = 0; index < slots; index++) {
            ids.add(articleId + ":" + index);
        }
        return ids;
    }

    /** The statements with these ids (unknown ids are skipped), by article and position. */
    public List<Document> findByIds(Collection<String> ids) {
        return findByIds(ids, null);
    }

    /** As {@link #findByIds(Collection)}, without the words (tokens), which no view shows. */
    public List<Document> findByIdsWithoutTokens(Collection<String> ids) {
        return findByIds(ids, WITHOUT_TOKENS);
    }

    /**
     * As {@link #findByIds(Collection)}, with only these fields (and _id, articleId, index): for the bookkeeping
     * reads of deliveries, which need none of a statement's text, spans and words (most of its size).
     */
    public List<Document> findFieldsByIds(Collection<String> ids, String... fields) {
        List<String> included = new ArrayList<>(List.of("articleId", "index"));
        included.addAll(List.of(fields));
        return findByIds(ids, Projections.include(included));
    }

    private List<Document> findByIds(Collection<String> ids, Bson projection) {
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        List<Document> found = collection().find(Filters.in("_id", new ArrayList<>(ids))).projection(projection)
                .into(new ArrayList<>());
        found.sort(Comparator.<Document, String>comparing(d -> d.getString("articleId"))
                .thenComparingInt(d -> d.getInteger("index", 0)));
        return found;
    }

    /** The speaker, the entities and the occasion's event of a statement (after resolution moved its article's names). */
    public record Links(String speakerId, List<String> aboutIds, String occasionId) {
    }

    /** Sets the speaker, the entities and the occasion's event of these statements, by id, in one round trip. */
    public void setLinks(Map<String, Links> linksById) {
        if (linksById.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        linksById.forEach((id, links) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                Updates.set("speakerId", links.speakerId()), Updates.set("aboutIds", links.aboutIds()),
                Updates.set("occasionId", links.occasionId())))));
        collection().bulkWrite(writes);
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

    public long deleteByIds(Collection<String> ids) {
        return ids.isEmpty() ? 0 : collection().deleteMany(Filters.in("_id", new ArrayList<>(ids))).getDeletedCount();
    }

    public Optional<Document> findById(String id) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first());
    }

    /** Every statement (the collection's count, from its metadata). */
    public long count() {
        return collection().estimatedDocumentCount();
    }

    /** Newest (or oldest) article first, then by article and position in it. */
    public <T> Page<T> page(Bson filter, boolean oldestFirst, int offset, int limit, Function<Document, T> toView) {
        return Pages.find(collection(), filter, order(oldestFirst), offset, limit, toView);
    }

    /** As {@link #page}, for candidates named by id (see {@link Pages#findById}); the words (tokens) only when asked for. */
    public <T> Page<T> pageById(Collection<String> ids, Criteria criteria, boolean withTokens, boolean oldestFirst,
                                int offset, int limit, Function<Document, T> toView) {
        return Pages.findById(collection(), ids, criteria, order(oldestFirst), withTokens ? null : WITHOUT_TOKENS,
                offset, limit, toView);
    }

    private static Bson order(boolean oldestFirst) {
        return oldestFirst ? OLDEST_FIRST : ORDER;
    }
}
