package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.gateway.graphql.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("SpeakerConnection")
@Description("A page of Speakers (Relay connection).")
public class SpeakerConnection {

    private final List<SpeakerEdge> edges;
    private final PageInfo pageInfo;
    private final int totalCount;

    public SpeakerConnection(List<SpeakerEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    public static SpeakerConnection of(Slice<Speaker> slice) {
        return new SpeakerConnection(slice.edges(SpeakerEdge::new), slice.pageInfo(), slice.count());
    }

    @NonNull
    public List<@NonNull SpeakerEdge> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("The number of Speakers in all pages.")
    public int getTotalCount() {
        return totalCount;
    }
}
