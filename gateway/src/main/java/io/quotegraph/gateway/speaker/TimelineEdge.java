package io.quotegraph.gateway.speaker;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TimelineEdge")
public class TimelineEdge {

    private final TimelineEntry node;
    private final String cursor;

    public TimelineEdge(TimelineEntry node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public TimelineEntry getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
