package io.quotegraph.gateway.quotation;

import io.quotegraph.gateway.article.Article;
import io.quotegraph.gateway.client.IngestBackend;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.speaker.Speaker;
import io.quotegraph.gateway.statement.Statement;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.QuotationView;
import io.quotegraph.model.view.SimilarStatementView;
import io.smallrye.graphql.api.Context;
import io.quotegraph.gateway.article.ArticleSelection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Quotations (one utterance, many reports) and similar statements: one backend call per level for lists. */
@GraphQLApi
public class QuotationApi {

    @Inject
    Context context;

    @Inject
    QuotationBackend quotations;
    @Inject
    IngestBackend ingest;

    @Query("quotation")
    @Description("The quotation with this id, or null.")
    public Quotation quotation(@Name("id") @Id @NonNull String id) {
        return quotations.quotation(id).map(Quotation::new).orElse(null);
    }

    @Name("quotation")
    @Description("The quotation this statement reports (with the other reports of the same utterance), if the "
            + "statement has a speaker.")
    public List<Quotation> quotation(@Source List<Statement> statements) {
        Map<String, QuotationView> byStatement = quotations.byStatement(ids(statements));
        List<Quotation> result = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            QuotationView view = byStatement.get(statement.getId());
            result.add(view == null ? null : new Quotation(view));
        }
        return result;
    }

    @Name("similar")
    @Description("Statements of the same speaker saying nearly the same thing on other occasions, best first.")
    @NonNull
    public List<@NonNull List<@NonNull SimilarStatement>> similar(@Source List<Statement> statements) {
        Map<String, List<SimilarStatementView>> byStatement = quotations.similar(ids(statements));
        List<List<SimilarStatement>> result = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            result.add(byStatement.getOrDefault(statement.getId(), List.of()).stream()
                    .map(s -> new SimilarStatement(new Statement(s.similar()), s.score())).toList());
        }
        return result;
    }

    @Name("article")
    @Description("The article of this report.")
    public List<Article> article(@Source List<QuotationOccurrence> occurrences) {
        Map<String, ArticleView> byId = ingest.articlesByIds(occurrences.stream().map(o -> o.view().articleId())
                .distinct().toList(), ArticleSelection.needsText(context));
        return occurrences.stream().map(o -> {
            ArticleView article = byId.get(o.view().articleId());
            return article == null ? null : new Article(article);
        }).toList();
    }

    @Name("quotations")
    @Description("The speaker's quotations, by default the most widely reported first.")
    @NonNull
    public QuotationConnection quotations(@Source Speaker speaker,
                                          @Name("first") Integer first,
                                          @Name("after") String after,
                                          @Name("orderBy") @DefaultValue("REACH") QuotationOrder orderBy) {
        PageRequest page = PageRequest.of(first, after);
        QuotationOrder order = orderBy == null ? QuotationOrder.REACH : orderBy;
        return QuotationConnection.of(Slice.of(quotations.ofSpeaker(speaker.view().id(), order, page.offset(),
                page.backendLimit()), page).map(Quotation::new));
    }

    private static List<String> ids(List<Statement> statements) {
        return statements.stream().map(Statement::getId).distinct().toList();
    }
}
