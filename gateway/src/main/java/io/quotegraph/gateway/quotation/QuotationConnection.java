package io.quotegraph.gateway.quotation;

import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.gateway.graphql.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("QuotationConnection")
@Description("A page of Quotations (Relay connection).")
public class QuotationConnection {

    private final List<QuotationEdge> edges;
    private final PageInfo pageInfo;
    private final int totalCount;

    public QuotationConnection(List<QuotationEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    public static QuotationConnection of(Slice<Quotation> slice) {
        return new QuotationConnection(slice.edges(QuotationEdge::new), slice.pageInfo(), slice.count());
    }

    @NonNull
    public List<@NonNull QuotationEdge> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("The number of Quotations in all pages.")
    public int getTotalCount() {
        return totalCount;
    }
}
