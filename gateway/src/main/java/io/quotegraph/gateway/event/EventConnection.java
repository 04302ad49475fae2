package io.quotegraph.gateway.event;

import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.gateway.graphql.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("EventConnection")
@Description("A page of Events (Relay connection).")
public class EventConnection {

    private final List<EventEdge> edges;
    private final PageInfo pageInfo;
    private final int totalCount;

    public EventConnection(List<EventEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    public static EventConnection of(Slice<Event> slice) {
        return new EventConnection(slice.edges(EventEdge::new), slice.pageInfo(), slice.count());
    }

    @NonNull
    public List<@NonNull EventEdge> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("The number of Events in all pages.")
    public int getTotalCount() {
        return totalCount;
    }
}
