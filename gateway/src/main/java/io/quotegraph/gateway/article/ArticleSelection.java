package io.quotegraph.gateway.article;

import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import io.quotegraph.gateway.graphql.OperationTraversal;
import io.smallrye.graphql.api.Context;

/**
 * What the running GraphQL operation asks of articles, so that the backend calls read no more than that: an
 * article's text is large and ingest-service leaves it out unless asked ({@code GET /articles?withText=false}).
 */
public final class ArticleSelection {

    private static final String ARTICLE = "Article";
    private static final String TEXT = "text";

    private ArticleSelection() {
    }

    /**
     * Whether the operation selects {@code Article.text} anywhere (through fragments too): a batched lookup serves
     * every path of the operation that reaches articles, so the whole operation decides, not one path. True when
     * the operation cannot be read (never a missing text).
     */
    public static boolean needsText(Context context) {
        TextFinder finder = new TextFinder();
        return !OperationTraversal.visit(context, finder) || finder.found;
    }

    private static final class TextFinder extends QueryVisitorStub {
        boolean found;

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (!found && TEXT.equals(env.getField().getName()) && ARTICLE.equals(env.getFieldsContainer().getName())) {
                found = true;
            }
        }
    }
}
