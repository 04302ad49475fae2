package io.quotegraph.model.view;

import java.util.List;

/**
 * A page of a speaker's timeline, oldest entry first (on one day, events before statements).
 *
 * @param items       at most {@code limit} entries after the requested cursor
 * @param totalCount  the entries in the requested date range, in all pages
 * @param hasNextPage whether entries follow the last of {@code items}
 * @param endCursor   the cursor of the last of {@code items}; null when there are none
 */
public record TimelineView(String speakerId, List<TimelineEntryView> items, int limit, long totalCount,
                           boolean hasNextPage, String endCursor) {

    public TimelineView {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
