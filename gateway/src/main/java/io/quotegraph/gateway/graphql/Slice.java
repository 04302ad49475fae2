package io.quotegraph.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of items with the offset of its first item and the total count: what a connection is built from.
 */
public record Slice<T>(List<T> items, int offset, long totalCount) {

    public Slice {
        items = List.copyOf(items);
    }

    /** A page of an in-memory list (the gateway pages batched nested lists itself). */
    public static <T> Slice<T> of(List<T> all, PageRequest page) {
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(all.size(), from + page.limit());
        return new Slice<>(all.subList(from, to), page.offset(), all.size());
    }

    /** A backend page, trimmed to what was asked for. */
    public static <T> Slice<T> of(io.quotegraph.model.view.Page<T> page, PageRequest request) {
        List<T> items = page.items();
        if (items.size() > request.limit()) {
            items = items.subList(0, request.limit());
        }
        return new Slice<>(items, request.offset(), page.totalCount());
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), offset, totalCount);
    }

    /** The edges of a connection: each item with its cursor. */
    public <E> List<E> edges(BiFunction<T, String, E> edge) {
        List<E> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(edge.apply(items.get(i), Cursors.encode((long) offset + i)));
        }
        return edges;
    }

    public PageInfo pageInfo() {
        String endCursor = items.isEmpty() ? null : Cursors.encode((long) offset + items.size() - 1);
        return new PageInfo(offset + items.size() < totalCount, endCursor);
    }

    public int count() {
        return (int) Math.min(Integer.MAX_VALUE, totalCount);
    }
}
