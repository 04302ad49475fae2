package io.quotegraph.gateway.event;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("EventEdge")
public class EventEdge {

    private final Event node;
    private final String cursor;

    public EventEdge(Event node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public Event getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
