package io.quotegraph.gateway.quotation;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("QuotationEdge")
public class QuotationEdge {

    private final Quotation node;
    private final String cursor;

    public QuotationEdge(Quotation node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public Quotation getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
