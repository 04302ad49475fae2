package io.quotegraph.gateway.article;

import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.gateway.graphql.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("ArticleConnection")
@Description("A page of Articles (Relay connection).")
public class ArticleConnection {

    private final List<ArticleEdge> edges;
    private final PageInfo pageInfo;
    private final int totalCount;

    public ArticleConnection(List<ArticleEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    public static ArticleConnection of(Slice<Article> slice) {
        return new ArticleConnection(slice.edges(ArticleEdge::new), slice.pageInfo(), slice.count());
    }

    @NonNull
    public List<@NonNull ArticleEdge> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("The number of Articles in all pages.")
    public int getTotalCount() {
        return totalCount;
    }
}
