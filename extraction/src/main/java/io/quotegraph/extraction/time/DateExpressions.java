package io.quotegraph.extraction.time;

import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the date expressions news uses when reporting speech and normalises them against the
 * publication date. Reporting is past tense, so a weekday means the most recent such day on or before
 * publication ("said Wednesday" in a Wednesday article is that day); "last Monday" is strictly before.
 * A month and day without a year ("Oct. 5") takes the year that puts it nearest to publication.
 */
public final class DateExpressions {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    private static final Set<String> PARTS_OF_DAY = Set.of("morning", "afternoon", "evening", "night");
    private static final Set<String> PREFIXES = Set.of("on", "late", "early", "earlier");
    private static final Set<String> PERIODS = Set.of("week", "month", "year", "weekend");

    /**
     * The date expression starting at token {@code i} (not reaching {@code limit}), or null.
     *
     * @param published the publication date, or null (dates are then recognised but not normalised)
     */
    public DateMatch match(Document doc, int i, int limit, LocalDate published) {
        if (i >= limit || !doc.token(i).isWord()) {
            return null;
        }
        String w = doc.token(i).lower();
        if (PREFIXES.contains(w)) {
            // "on Monday", "late Thursday", "earlier on Monday": one prefix, then a date (never another prefix,
            // which keeps the recursion one level deep)
            int k = w.equals("earlier") && next(doc, i, limit, "on") ? i + 2 : i + 1;
            if (k >= limit || PREFIXES.contains(doc.token(k).lower())) {
                return null;
            }
            DateMatch inner = match(doc, k, limit, published);
            return inner == null ? null : new DateMatch(i, inner.to(), inner.date());
        }
        switch (w) {
            case "yesterday":
                return new DateMatch(i, partOfDay(doc, i + 1, limit), published == null ? null : published.minusDays(1));
            case "today":
            case "tonight":
                return new DateMatch(i, i + 1, published);
            case "last":
            case "this":
                return relative(doc, i, limit, published, w.equals("last"));
            default:
                break;
        }
        DayOfWeek day = WEEKDAYS.get(w);
        if (day != null && doc.token(i).isCapitalized()) {
            LocalDate date = published == null ? null : published.with(TemporalAdjusters.previousOrSame(day));
            return new DateMatch(i, partOfDay(doc, i + 1, limit), date);
        }
        Month month = MONTHS.get(w);
        if (month != null && doc.token(i).isCapitalized()) {
            return monthDay(doc, i, limit, month, published);
        }
        return dayMonth(doc, i, limit, published);
    }

    private DateMatch relative(Document doc, int i, int limit, LocalDate published, boolean last) {
        if (i + 1 >= limit || !doc.token(i + 1).isWord()) {
            return null;
        }
        String w = doc.token(i + 1).lower();
        if (last && w.equals("night")) {
            return new DateMatch(i, i + 2, published == null ? null : published.minusDays(1));
        }
        DayOfWeek day = WEEKDAYS.get(w);
        if (day != null) {
            LocalDate date = published == null ? null
                    : last ? published.with(TemporalAdjusters.previous(day)) : published.with(TemporalAdjusters.previousOrSame(day));
            return new DateMatch(i, i + 2, date);
        }
        return PERIODS.contains(w) ? new DateMatch(i, i + 2, null) : null;
    }

    /** "Oct. 5", "October 5, 2023". */
    private DateMatch monthDay(Document doc, int i, int limit, Month month, LocalDate published) {
        int k = i + 1;
        if (k < limit && doc.token(k).isPunct('.')) {
            k++;
        }
        Integer day = number(doc, k, limit, 1, 31);
        if (day == null) {
            return null;
        }
        int end = k + 1;
        Integer year = null;
        if (end + 1 < limit && doc.token(end).isPunct(',')) {
            year = number(doc, end + 1, limit, 1900, 2200);
            if (year != null) {
                end += 2;
            }
        }
        return new DateMatch(i, end, date(year, month, day, published));
    }

    /** "5 October". */
    private DateMatch dayMonth(Document doc, int i, int limit, LocalDate published) {
        Integer day = number(doc, i, limit, 1, 31);
        if (day == null || i + 1 >= limit) {
            return null;
        }
        Month month = MONTHS.get(doc.token(i + 1).lower());
        if (month == null || !doc.token(i + 1).isCapitalized()) {
            return null;
        }
        return new DateMatch(i, i + 2, date(null, month, day, published));
    }

    private static LocalDate date(Integer year, Month month, int day, LocalDate published) {
        try {
            if (year != null) {
                return LocalDate.of(year, month, day);
            }
            if (published == null) {
                return null;
            }
            LocalDate best = null;
            for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
                LocalDate candidate = LocalDate.of(y, month, day);
                if (best == null || distance(candidate, published) < distance(best, published)) {
                    best = candidate;
                }
            }
            return best;
        } catch (DateTimeException e) {
            return null; // "Feb. 30": not a date
        }
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(a.toEpochDay() - b.toEpochDay());
    }

    private static Integer number(Document doc, int k, int limit, int min, int max) {
        if (k >= limit) {
            return null;
        }
        Token t = doc.token(k);
        String s = t.text();
        if (!t.isWord() || s.length() > 4) {
            return null;
        }
        for (int c = 0; c < s.length(); c++) {
            if (!Character.isDigit(s.charAt(c))) {
                return null;
            }
        }
        int v = Integer.parseInt(s);
        return v >= min && v <= max ? v : null;
    }

    private static int partOfDay(Document doc, int k, int limit) {
        return k < limit && doc.token(k).isWord() && PARTS_OF_DAY.contains(doc.token(k).lower()) ? k + 1 : k;
    }

    private static boolean next(Document doc, int i, int limit, String word) {
        return i + 1 < limit && doc.token(i + 1).is(word);
    }
}
