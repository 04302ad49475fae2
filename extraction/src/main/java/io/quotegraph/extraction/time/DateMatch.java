package io.quotegraph.extraction.time;

import java.time.LocalDate;

/**
 * A date expression found at tokens [from, to).
 *
 * @param date the calendar date it names, or null when it names none ("last week") or there is no reference date
 */
public record DateMatch(int from, int to, LocalDate date) {
}
