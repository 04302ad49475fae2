package io.quotegraph.gateway.entity;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("EntityEdge")
public class EntityEdge {

    private final Entity node;
    private final String cursor;

    public EntityEdge(Entity node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public Entity getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
