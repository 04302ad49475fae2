package io.quotegraph.gateway.article;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ArticleEdge")
public class ArticleEdge {

    private final Article node;
    private final String cursor;

    public ArticleEdge(Article node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public Article getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
