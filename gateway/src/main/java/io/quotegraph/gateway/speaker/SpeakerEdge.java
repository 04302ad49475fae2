package io.quotegraph.gateway.speaker;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SpeakerEdge")
public class SpeakerEdge {

    private final Speaker node;
    private final String cursor;

    public SpeakerEdge(Speaker node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }

    @NonNull
    public Speaker getNode() {
        return node;
    }

    @NonNull
    public String getCursor() {
        return cursor;
    }
}
