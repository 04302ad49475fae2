package io.quotegraph.statements.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/** How dates are stored: instants as BSON dates, calendar dates as ISO strings (which sort and compare correctly). */
public final class Dates {

    private Dates() {
    }

    public static Date toBson(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Object bson) {
        return bson instanceof Date date ? date.toInstant() : null;
    }

    public static String toBson(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(Object bson) {
        return bson instanceof String text && !text.isEmpty() ? LocalDate.parse(text) : null;
    }

    /** The UTC calendar date of an instant. */
    public static LocalDate utcDate(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
