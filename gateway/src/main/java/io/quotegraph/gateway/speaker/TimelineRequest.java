package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.graphql.PageRequest;

import java.util.Map;

/** The arguments of a {@code Speaker.timeline} field: page size (checked as for every connection), cursor, date range. */
public record TimelineRequest(int first, String after, String from, String to) {

    static TimelineRequest of(Integer first, String after, Object from, Object to) {
        return new TimelineRequest(PageRequest.of(first, null).limit(), after == null || after.isBlank() ? null : after.strip(),
                from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    static TimelineRequest of(Map<String, Object> arguments) {
        Object first = arguments.get("first");
        Object after = arguments.get("after");
        return of(first == null ? null : ((Number) first).intValue(), after == null ? null : after.toString(),
                arguments.get("from"), arguments.get("to"));
    }

    /** The limit to ask the backend for: at least 1, so that an empty page still reports the total count. */
    int backendLimit() {
        return Math.max(1, first);
    }
}
