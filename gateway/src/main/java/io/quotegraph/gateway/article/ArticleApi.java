package io.quotegraph.gateway.article;

import io.quotegraph.gateway.client.IngestBackend;
import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.event.Event;
import io.quotegraph.gateway.graphql.InvalidArgumentException;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.statement.NestedStatements;
import io.quotegraph.gateway.statement.NestedStatementsSelection;
import io.quotegraph.gateway.statement.StatementConnection;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.EventView;
import io.smallrye.graphql.api.Context;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Articles (ingest-service): queries, the ingest mutation, and the article's nested fields. */
@GraphQLApi
public class ArticleApi {

    /** The most articles one ingestArticles takes (ingest-service's batch endpoint takes more). */
    public static final int MAX_BATCH = 100;

    @Inject
    Context context;

    @Inject
    IngestBackend ingest;

    @Inject
    StatementsBackend statements;

    @Inject
    NestedStatements nestedStatements;

    @Query("article")
    @Description("The article with this id, or null.")
    public Article article(@Name("id") @Id @NonNull String id) {
        return ingest.article(id).map(Article::new).orElse(null);
    }

    @Query("articles")
    @Description("Articles, newest first.")
    public ArticleConnection articles(@Name("first") Integer first,
                                      @Name("after") String after,
                                      @Name("source") String source,
                                      @Name("from") Instant from,
                                      @Name("to") Instant to) {
        PageRequest page = PageRequest.of(first, after);
        return ArticleConnection.of(Slice.of(ingest.articles(source, from, to, page.offset(), page.backendLimit()), page)
                .map(Article::new));
    }

    @Mutation("ingestArticle")
    @Description("Stores an article for extraction (or returns the stored one if it is a duplicate).")
    @NonNull
    public Article ingestArticle(@Name("input") @NonNull ArticleInput input) {
        return new Article(ingest.ingest(input.toNewArticle()));
    }

    @Mutation("ingestArticles")
    @Description("Stores up to " + MAX_BATCH + " articles for extraction in one request: one result per article, in order "
            + "(a rejected article does not fail the others).")
    @NonNull
    public List<@NonNull IngestResult> ingestArticles(@Name("inputs") @NonNull List<@NonNull ArticleInput> inputs) {
        if (inputs.size() > MAX_BATCH) {
            throw new InvalidArgumentException("ingestArticles takes at most " + MAX_BATCH + " articles (got " + inputs.size() + ")");
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        return ingest.ingestAll(inputs.stream().map(ArticleInput::toNewArticle).toList()).stream()
                .map(IngestResult::new).toList();
    }

    @Name("article")
    @Description("The stored article (null when rejected).")
    public List<Article> article(@Source List<IngestResult> results) {
        List<String> ids = results.stream().map(IngestResult::getArticleId).filter(java.util.Objects::nonNull).toList();
        Map<String, ArticleView> byId = ids.isEmpty() ? Map.of()
                : ingest.articlesByIds(ids, ArticleSelection.needsText(context));
        return results.stream().map(r -> {
            ArticleView a = r.getArticleId() == null ? null : byId.get(r.getArticleId());
            return a == null ? null : new Article(a);
        }).toList();
    }

    @Name("statements")
    @Description("The statements reported in the article, in text order (null, with an error, if statements-service is unavailable).")
    public List<StatementConnection> statements(@Source List<Article> articles,
                                                         @Name("first") Integer first,
                                                         @Name("after") String after) {
        return nestedStatements.connections(NestedStatements.Parent.ARTICLE,
                articles.stream().map(Article::getId).toList(), first, after,
                NestedStatementsSelection.largestFirstPage(context, "Article"));
    }

    @Name("duplicateOf")
    @Description("The original article this one republishes (a near-duplicate); null for an original.")
    public List<Article> duplicateOf(@Source List<Article> articles) {
        List<String> originalIds = articles.stream().map(a -> a.view().duplicateOf()).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Map<String, ArticleView> originals = originalIds.isEmpty() ? Map.of()
                : ingest.articlesByIds(originalIds, ArticleSelection.needsText(context));
        return articles.stream().map(a -> {
            ArticleView original = a.view().duplicateOf() == null ? null : originals.get(a.view().duplicateOf());
            return original == null ? null : new Article(original);
        }).toList();
    }

    @Name("events")
    @Description("The events the article mentions (null, with an error, if statements-service is unavailable).")
    public List<List<@NonNull Event>> events(@Source List<Article> articles) {
        List<EventView> all = statements.eventsOfArticles(articles.stream().map(Article::getId).toList());
        Map<String, List<Event>> byArticle = new HashMap<>();
        for (EventView e : all) {
            Event event = new Event(e);
            for (String articleId : e.articleIds()) {
                byArticle.computeIfAbsent(articleId, k -> new ArrayList<>()).add(event);
            }
        }
        return articles.stream().map(a -> byArticle.getOrDefault(a.getId(), List.of())).toList();
    }
}
