package io.quotegraph.gateway.statement;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StatementEdge")
public class StatementEdge {

    private final Statement node;
    private final String cursor;

    public StatementEdge(Statement node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public Statement getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
