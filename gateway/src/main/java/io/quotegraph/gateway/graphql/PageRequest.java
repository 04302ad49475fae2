package io.quotegraph.gateway.graphql;

/**
 * A connection's {@code first}/{@code after} arguments as a backend offset and limit.
 * {@code first} defaults to {@value #DEFAULT_FIRST} and may not exceed {@value #MAX_FIRST}.
 */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;

    public static PageRequest of(Integer first, String after) {
        int limit = first == null ? DEFAULT_FIRST : first;
        if (limit > MAX_FIRST) {
            throw new InvalidArgumentException("first must not exceed " + MAX_FIRST + " (got " + limit + ")");
        }
        if (limit < 0) {
            throw new InvalidArgumentException("first must be between 0 and " + MAX_FIRST + " (got " + limit + ")");
        }
        int offset = after == null || after.isBlank() ? 0 : Cursors.decode(after) + 1;
        return new PageRequest(offset, limit);
    }

    /** The limit to ask a backend for: at least 1, so that an empty page still reports the total count. */
    public int backendLimit() {
        return Math.max(1, limit);
    }
}
