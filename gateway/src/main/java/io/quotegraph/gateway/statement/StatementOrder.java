package io.quotegraph.gateway.statement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("StatementOrder")
@Description("The order of a statements list: by the article's publication time, then by position in the article.")
public enum StatementOrder {
    NEWEST,
    OLDEST
}
