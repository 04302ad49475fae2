package io.quotegraph.model.view;

import java.util.List;

/**
 * The first statements of one parent (an article or a speaker) and how many it has in all: one entry of
 * {@code GET /statements/per-parent}. {@code items} are in the order {@code GET /statements} lists them for that parent.
 */
public record ParentStatementsView(String parentId, long totalCount, List<StatementView> items) {

    public ParentStatementsView {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
