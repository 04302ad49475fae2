package io.quotegraph.evaluation;

import java.util.List;

/** A half-open character range [start, end) in Unicode code points, the unit of the gold files. */
public record Interval(int start, int end) {

    public int length() {
        return Math.max(0, end - start);
    }

    public int overlap(Interval other) {
        return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
    }

    public static int overlap(Interval interval, List<Interval> pieces) {
        return pieces.stream().mapToInt(interval::overlap).sum();
    }

    public static int length(List<Interval> pieces) {
        return pieces.stream().mapToInt(Interval::length).sum();
    }
}
