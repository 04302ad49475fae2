package io.quotegraph.gateway.quotation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("QuotationOrder")
@Description("REACH: reported by the most articles first (then sources, then earliest); FIRST_SEEN: newest first.")
public enum QuotationOrder {
    REACH("reach"),
    FIRST_SEEN("firstSeen");

    private final String backendSort;

    QuotationOrder(String backendSort) {
        this.backendSort = backendSort;
    }

    String backendSort() {
        return backendSort;
    }
}
