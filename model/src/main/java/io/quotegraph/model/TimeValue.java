package io.quotegraph.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a temporal expression denotes, normalised to the calendar: an exact day ("on Monday"), a range ("last week",
 * "2020", "Sept. 19-20") or an approximate time ("in the coming days", "two weeks ago") whose precision is its
 * {@link Granularity}. Both ends are inclusive; an exact day has {@code start == end}.
 *
 * @param kind        exact day, range, or approximate
 * @param start       the first day it may denote
 * @param end         the last day it may denote
 * @param granularity the calendar unit the expression is precise to
 */
public record TimeValue(Kind kind, LocalDate start, LocalDate end, Granularity granularity) {

    public enum Kind { DATE, RANGE, APPROXIMATE }

    public enum Granularity { DAY, WEEK, MONTH, YEAR }

    public TimeValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(granularity, "granularity");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " before start " + start);
        }
    }

    public static TimeValue day(LocalDate date) {
        return new TimeValue(Kind.DATE, date, date, Granularity.DAY);
    }

    public static TimeValue range(LocalDate start, LocalDate end, Granularity granularity) {
        return new TimeValue(Kind.RANGE, start, end, granularity);
    }

    public static TimeValue approximate(LocalDate start, LocalDate end, Granularity granularity) {
        return new TimeValue(Kind.APPROXIMATE, start, end, granularity);
    }

    /** Whether it is one exact day (named so as not to read as a JSON property: records serialise their components). */
    public boolean namesOneDay() {
        return kind == Kind.DATE;
    }

    /** Whether the two may denote a common day. */
    public boolean overlaps(TimeValue other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    /** Days between the two (0 when they overlap). */
    public long gapDays(TimeValue other) {
        if (overlaps(other)) {
            return 0;
        }
        return end.isBefore(other.start)
                ? other.start.toEpochDay() - end.toEpochDay()
                : start.toEpochDay() - other.end.toEpochDay();
    }

    /**
     * ISO 8601: "2023-09-25" for a day, "2023-09-18/2023-09-24" for a range, each range with its granularity
     * ("2023-09-18/2023-09-24 WEEK"), and a leading "~" when approximate ("~2023-09-26 DAY").
     */
    @Override
    public String toString() {
        if (kind == Kind.DATE) {
            return start.toString();
        }
        String dates = start.equals(end) ? start.toString() : start + "/" + end;
        return (kind == Kind.APPROXIMATE ? "~" : "") + dates + " " + granularity;
    }

    /** The inverse of {@link #toString()}. */
    public static TimeValue parse(String text) {
        String s = text.strip();
        boolean approximate = s.startsWith("~");
        if (approximate) {
            s = s.substring(1);
        }
        int space = s.indexOf(' ');
        if (space < 0) {
            if (approximate) {
                throw new IllegalArgumentException("an approximate value needs a granularity: " + text);
            }
            return day(LocalDate.parse(s));
        }
        Granularity granularity = Granularity.valueOf(s.substring(space + 1).strip());
        String dates = s.substring(0, space);
        int slash = dates.indexOf('/');
        LocalDate start = LocalDate.parse(slash < 0 ? dates : dates.substring(0, slash));
        LocalDate end = slash < 0 ? start : LocalDate.parse(dates.substring(slash + 1));
        return new TimeValue(approximate ? Kind.APPROXIMATE : Kind.RANGE, start, end, granularity);
    }
}
