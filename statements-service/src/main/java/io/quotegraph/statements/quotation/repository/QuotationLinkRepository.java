package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Per statement, what quotation grouping decided ({@value #LINKS}, read by _id only): _id = statement id, articleId,
 * speakerId (as when indexed), textHash, content {start, end, text}, source, publishedAt, quotationId, bucketIds,
 * similar [{statementId, score}] (both directions), done (false while the decision's writes are under way).
 * And per article, the statements it has in the index ({@value #ARTICLES}: _id = article id, statementIds), so that a
 * redelivery finds the ones it no longer has without a query.
 */
@ApplicationScoped
public class QuotationLinkRepository {

    public static final String LINKS = "quotation_links";
    public static final String ARTICLES = "quotation_articles";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> links() {
        return mongo.collection(LINKS);
    }

    private MongoCollection<Document> articles() {
        return mongo.collection(ARTICLES);
    }

    public Optional<Document> find(String statementId) {
        return Optional.ofNullable(links().find(Filters.eq("_id", statementId)).first());
    }

    /** The links of these statements that exist, one _id lookup each. */
    public List<Document> findAll(Collection<String> statementIds) {
        List<Document> found = new ArrayList<>();
        for (String id : statementIds) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    public void save(Document link) {
        links().replaceOne(Filters.eq("_id", link.get("_id")), link, new ReplaceOptions().upsert(true));
    }

    public void markDone(String statementId) {
        links().updateOne(Filters.eq("_id", statementId), Updates.set("done", true));
    }

    public void delete(String statementId) {
        links().deleteOne(Filters.eq("_id", statementId));
    }

    /** Links {@code statementId} to {@code otherId} with this score, replacing an earlier link between them. */
    public void addSimilar(String statementId, String otherId, double score) {
        removeSimilar(statementId, otherId);
        links().updateOne(Filters.eq("_id", statementId),
                Updates.push("similar", new Document("statementId", otherId).append("score", score)));
    }

    public void removeSimilar(String statementId, String otherId) {
        links().updateOne(Filters.eq("_id", statementId),
                Updates.pull("similar", new Document("statementId", otherId)));
    }

    public List<String> statementsOfArticle(String articleId) {
        Document article = articles().find(Filters.eq("_id", articleId)).first();
        return article == null ? List.of() : article.getList("statementIds", String.class, List.of());
    }

    public void setStatementsOfArticle(String articleId, Collection<String> statementIds) {
        articles().updateOne(Filters.eq("_id", articleId), Updates.set("statementIds", new ArrayList<>(statementIds)),
                new UpdateOptions().upsert(true));
    }
}
