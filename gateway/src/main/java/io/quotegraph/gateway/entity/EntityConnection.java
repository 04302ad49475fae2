package io.quotegraph.gateway.entity;

import io.quotegraph.gateway.graphql.PageInfo;
import io.quotegraph.gateway.graphql.Slice;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("EntityConnection")
@Description("A page of Entities (Relay connection).")
public class EntityConnection {

    private final List<EntityEdge> edges;
    private final PageInfo pageInfo;
    private final int totalCount;

    public EntityConnection(List<EntityEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = List.copyOf(edges);
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    public static EntityConnection of(Slice<Entity> slice) {
        return new EntityConnection(slice.edges(EntityEdge::new), slice.pageInfo(), slice.count());
    }

    @NonNull
    public List<@NonNull EntityEdge> getEdges() {
        return edges;
    }

    @NonNull
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    @Description("The number of Entities in all pages.")
    public int getTotalCount() {
        return totalCount;
    }
}
