package io.quotegraph.model.view;

import java.util.List;

/** One page of a list endpoint: the items from {@code offset}, at most {@code limit} of them, of {@code totalCount}. */
public record Page<T>(List<T> items, int offset, int limit, long totalCount) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasNext() {
        return offset + items.size() < totalCount;
    }
}
