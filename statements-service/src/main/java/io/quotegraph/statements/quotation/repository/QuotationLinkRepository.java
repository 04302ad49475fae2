package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteManyModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.quotations.text.QuoteText;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.conversions.Bson;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per statement, what quotation grouping decided ({@value #LINKS}, read by _id only): _id = statement id, articleId,
 * speakerId (as when indexed), inputHash, content {start, end, text}, source, publishedAt, quotationId, listed (in its
 * speaker's list) or bucketIds (the LSH buckets it is filed in), the normalised wording's hashes (shingles and
 * contentWords as big-endian int32 arrays in binary, words: the word count), similar [{statementId, score}] (both
 * directions); done = false only in links of older versions (while their decision's writes were under way). A link is
 * also its statement's occurrence in its quotation (which lists only the members' ids).
 * And per article, the statements it has in the index ({@value #ARTICLES}: _id = article id, statementIds), so that a
 * redelivery finds the ones it no longer has without a query, and those whose decision's writes are under way
 * (pending).
 */
@ApplicationScoped
public class QuotationLinkRepository {

    public static final String LINKS = "quotation_links";
    public static final String ARTICLES = "quotation_articles";
    private static final String SHINGLES = "shingles";
    private static final String CONTENT_WORDS = "contentWords";
    private static final String WORDS = "words";
    private static final String PENDING = "pending";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> links() {
        return mongo.collection(LINKS);
    }

    private MongoCollection<Document> articles() {
        return mongo.collection(ARTICLES);
    }

    /** The links of these statements that exist, by statement id (lookups by _id, {@value Batches#SIZE} at a time). */
    public Map<String, Document> findAll(Collection<String> statementIds) {
        return findAll(statementIds, null);
    }

    /** A stored statement as a new one is compared with it: its quotation and normalised wording. */
    public record Candidate(String quotationId, QuoteText text) {
    }

    /**
     * The candidates among these statements that exist, by statement id: their links' quotation and stored hashes,
     * not their wordings, spans, buckets and similar lists. A link stored before the hashes were (statements-v5) is
     * read again with its wording, which is normalised.
     */
    public Map<String, Candidate> findCandidates(Collection<String> statementIds) {
        Map<String, Candidate> found = new LinkedHashMap<>();
        List<String> unhashed = new ArrayList<>();
        findAll(statementIds, Projections.include("quotationId", SHINGLES, CONTENT_WORDS, WORDS)).forEach((id, link) -> {
            if (link.containsKey(SHINGLES)) {
                found.put(id, new Candidate(link.getString("quotationId"), QuoteText.ofHashes(ints(link, SHINGLES),
                        ints(link, CONTENT_WORDS), link.getInteger(WORDS, 0))));
            } else {
                unhashed.add(id);
            }
        });
        findAll(unhashed, Projections.include("quotationId", "content.text")).forEach((id, link) -> found.put(id,
                new Candidate(link.getString("quotationId"), QuoteText.of(link.get("content", Document.class).getString("text")))));
        return found;
    }

    /** Adds a wording's hashes to a link (what {@link #findCandidates} reads). */
    public static Document withText(Document link, QuoteText text) {
        return link.append(SHINGLES, binary(text.shingles())).append(CONTENT_WORDS, binary(text.contentWords()))
                .append(WORDS, text.wordCount());
    }

    private static Binary binary(int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES);
        bytes.asIntBuffer().put(values);
        return new Binary(bytes.array());
    }

    private static int[] ints(Document link, String field) {
        IntBuffer values = ByteBuffer.wrap(link.get(field, Binary.class).getData()).asIntBuffer();
        int[] ints = new int[values.remaining()];
        values.get(ints);
        return ints;
    }

    /**
     * As {@link #findAll(Collection)}, with only what a quotation shows of its members (quotationId, articleId, source,
     * publishedAt, content): the occurrences of quotations are their members' links.
     */
    public Map<String, Document> findOccurrences(Collection<String> statementIds) {
        return findAll(statementIds, Projections.include("quotationId", "articleId", "source", "publishedAt", "content"));
    }

    private Map<String, Document> findAll(Collection<String> statementIds, Bson projection) {
        Map<String, Document> found = new LinkedHashMap<>();
        for (List<String> chunk : Batches.chunks(statementIds)) {
            for (Document link : links().find(Filters.in("_id", chunk)).projection(projection)) {
                found.put(link.getString("_id"), link);
            }
        }
        return found;
    }

    public void saveAll(Collection<Document> links) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Document link : links) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", link.get("_id")), link, new ReplaceOptions().upsert(true)));
        }
        Batches.write(links(), writes);
    }

    public void deleteAll(Collection<String> statementIds) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (List<String> chunk : Batches.chunks(statementIds)) {
            writes.add(new DeleteManyModel<>(Filters.in("_id", chunk)));
        }
        Batches.write(links(), writes);
    }

    /** A similar link from one statement to another. */
    public record SimilarLink(String statementId, String otherId, double score) {
    }

    /** Adds the links; with {@code replace}, an earlier link between the same two statements is pulled first. */
    public void addSimilar(Collection<SimilarLink> similar, boolean replace) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (SimilarLink link : similar) {
            if (replace) {
                writes.add(pullSimilar(link.statementId(), link.otherId()));
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", link.statementId()), Updates.push("similar",
                    new Document("statementId", link.otherId()).append("score", link.score()))));
        }
        Batches.write(links(), writes);
    }

    public void removeSimilar(Collection<SimilarLink> similar) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (SimilarLink link : similar) {
            writes.add(pullSimilar(link.statementId(), link.otherId()));
        }
        Batches.write(links(), writes);
    }

    private static WriteModel<Document> pullSimilar(String statementId, String otherId) {
        return new UpdateOneModel<>(Filters.eq("_id", statementId), Updates.pull("similar", new Document("statementId", otherId)));
    }

    /**
     * What the index records of an article: the statements it has there, and those whose decision's writes were under
     * way (listed before, cleared after, so that a delivery that stopped half way is finished by the next).
     */
    public record IndexedArticle(List<String> statementIds, List<String> pending) {
        public static final IndexedArticle NONE = new IndexedArticle(List.of(), List.of());
    }

    /** What the index records of each of these articles, by article id (articles with none are left out). */
    public Map<String, IndexedArticle> statementsOfArticles(Collection<String> articleIds) {
        Map<String, IndexedArticle> found = new LinkedHashMap<>();
        for (List<String> chunk : Batches.chunks(articleIds)) {
            for (Document article : articles().find(Filters.in("_id", chunk))) {
                found.put(article.getString("_id"), new IndexedArticle(
                        article.getList("statementIds", String.class, List.of()),
                        article.getList(PENDING, String.class, List.of())));
            }
        }
        return found;
    }

    /**
     * Records the statements each article has in the index and those of them pending (article id → statement ids; an
     * article missing from {@code pendingByArticle} has none pending), in one bulk write.
     */
    public void setStatementsOfArticles(Map<String, ? extends Collection<String>> statementIdsByArticle,
                                        Map<String, ? extends Collection<String>> pendingByArticle) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        statementIdsByArticle.forEach((articleId, statementIds) -> writes.add(new UpdateOneModel<>(
                Filters.eq("_id", articleId), Updates.combine(Updates.set("statementIds", new ArrayList<>(statementIds)),
                Updates.set(PENDING, pendingByArticle.containsKey(articleId)
                        ? new ArrayList<>(pendingByArticle.get(articleId)) : List.of())),
                new UpdateOptions().upsert(true))));
        Batches.write(articles(), writes);
    }
}
