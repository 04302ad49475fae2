package io.quotegraph.extraction.time;

import io.quotegraph.model.TimeValue;

import java.time.LocalDate;

/**
 * A temporal expression found at tokens [from, to).
 *
 * @param value     what it denotes, or null when there is no anchor date to normalise it against
 * @param anaphoric whether it counts from a time the text mentioned before ("four years later", "after 24 hours")
 *                  rather than from the anchor: its value is then only as good as the anchor the caller gave
 */
public record TemporalMatch(int from, int to, TimeValue value, boolean anaphoric) {

    public TemporalMatch(int from, int to, TimeValue value) {
        this(from, to, value, false);
    }

    /** The exact day it names, or null when it names a range, an approximate time or nothing known. */
    public LocalDate date() {
        return value != null && value.namesOneDay() ? value.start() : null;
    }
}
