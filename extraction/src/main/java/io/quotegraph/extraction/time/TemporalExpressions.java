package io.quotegraph.extraction.time;

import io.quotegraph.extraction.text.Document;
import io.quotegraph.extraction.text.Token;
import io.quotegraph.model.TimeValue;
import io.quotegraph.model.TimeValue.Granularity;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the temporal expressions of news text and normalises them against an anchor date (the publication
 * date) and the tense of their clause; java.time does the calendar arithmetic. Covered: deictic days ("yesterday",
 * "Monday night", "last Friday", "next Tuesday"), calendar periods ("last week", "this month", "next year",
 * "earlier this week", "over the weekend"), spans around the anchor ("the past two weeks", "in the coming days",
 * "in recent weeks"), offsets ("three days ago", "in two weeks", "after 24 hours"), calendar dates ("Oct. 5",
 * "October 5, 2023", "5 October", "Sept. 19-20", "2023-09-25"), months ("in March", "March 2016", "early March",
 * "mid-March"), years and decades ("2020", "2015-16", "the 1990s") and ranges ("from Monday to Wednesday",
 * "between 2015 and 2016", "Monday through Friday", "since Monday").
 * <p>
 * Direction: a weekday, month or month-day without a year lies on or before the anchor in a past-tense clause, on or
 * after it in a future-tense one. Without a tense, a weekday is the most recent (reporting is past tense) and a
 * month-day the nearest. Weeks run Monday to Sunday (ISO).
 */
public final class TemporalExpressions {

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

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("several", 3),
            Map.entry("few", 3));

    private static final Set<String> PARTS_OF_DAY = Set.of("morning", "afternoon", "evening", "night");
    /** Words before a date that do not change it: "on Monday", "late Thursday", "by Friday". */
    private static final Set<String> PREFIXES = Set.of("on", "late", "early", "earlier", "by");
    /** Words that make a bare month name ("in March") or year a date rather than a verb, modal or count. */
    private static final Set<String> MONTH_LEADS = Set.of("in", "since", "by", "until", "till", "through", "from",
            "before", "after", "of", "during", "early", "late", "last", "next", "this", "between", "and", "to");
    /** The unit words of spans and offsets, with their granularity. */
    private static final Map<String, Granularity> UNITS = Map.ofEntries(
            Map.entry("hour", Granularity.DAY), Map.entry("hours", Granularity.DAY),
            Map.entry("day", Granularity.DAY), Map.entry("days", Granularity.DAY),
            Map.entry("week", Granularity.WEEK), Map.entry("weeks", Granularity.WEEK),
            Map.entry("month", Granularity.MONTH), Map.entry("months", Granularity.MONTH),
            Map.entry("year", Granularity.YEAR), Map.entry("years", Granularity.YEAR));
    private static final Set<String> RANGE_JOINERS = Set.of("to", "through", "until", "till", "-", "\u2013");
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    /**
     * The temporal expression starting at token {@code i} (not reaching {@code limit}), or null.
     *
     * @param anchor the date relative expressions count from (publication), or null: expressions are then
     *               recognised with a null value
     */
    public TemporalMatch match(Document doc, int i, int limit, LocalDate anchor, Tense tense) {
        if (i >= limit || !doc.token(i).isWord()) {
            return null;
        }
        String w = doc.token(i).lower();
        if ((w.equals("from") || w.equals("between")) && i + 1 < limit) {
            TemporalMatch range = explicitRange(doc, i, limit, anchor, tense, w.equals("from") ? RANGE_JOINERS : Set.of("and"));
            if (range != null) {
                return range;
            }
        }
        if (w.equals("since") && i + 1 < limit) {
            TemporalMatch from = single(doc, i + 1, limit, anchor, Tense.PAST);
            if (from == null) {
                return null;
            }
            TimeValue v = from.value() == null || anchor == null || from.value().start().isAfter(anchor) ? from.value()
                    : TimeValue.range(from.value().start(), anchor, from.value().granularity());
            return new TemporalMatch(i, from.to(), v);
        }
        TemporalMatch first = single(doc, i, limit, anchor, tense);
        if (first == null) {
            return null;
        }
        // "Monday through Friday": a second date of the same kind after a range word
        int j = first.to();
        if (j + 1 < limit && RANGE_JOINERS.contains(doc.token(j).lower()) && !doc.token(j).is("to")) {
            TemporalMatch second = rangeEnd(doc, j + 1, limit, first, anchor);
            if (second != null) {
                return new TemporalMatch(i, second.to(), span(first.value(), second.value()));
            }
        }
        return first;
    }

    /** "from X to Y", "between X and Y". */
    private TemporalMatch explicitRange(Document doc, int i, int limit, LocalDate anchor, Tense tense, Set<String> joiners) {
        TemporalMatch first = single(doc, i + 1, limit, anchor, tense);
        if (first == null || first.to() + 1 >= limit || !joiners.contains(doc.token(first.to()).lower())) {
            return null;
        }
        TemporalMatch second = rangeEnd(doc, first.to() + 1, limit, first, anchor);
        return second == null ? null : new TemporalMatch(i, second.to(), span(first.value(), second.value()));
    }

    /** The end of a range lies after its start: "from Monday to Wednesday", "between Oct. 30 and Nov. 9". */
    private TemporalMatch rangeEnd(Document doc, int k, int limit, TemporalMatch first, LocalDate anchor) {
        return single(doc, k, limit, first.value() == null ? anchor : first.value().start(), Tense.FUTURE);
    }

    private static TimeValue span(TimeValue a, TimeValue b) {
        if (a == null || b == null || b.end().isBefore(a.start())) {
            return a;
        }
        Granularity g = a.granularity().compareTo(b.granularity()) >= 0 ? a.granularity() : b.granularity();
        return TimeValue.range(a.start(), b.end(), g);
    }

    private TemporalMatch single(Document doc, int i, int limit, LocalDate anchor, Tense tense) {
        if (i >= limit || !doc.token(i).isWord()) {
            return null;
        }
        String w = doc.token(i).lower();
        if (PREFIXES.contains(w)) {
            TemporalMatch prefixed = prefixed(doc, i, limit, anchor, tense, w);
            if (prefixed != null) {
                return prefixed;
            }
        }
        switch (w) {
            case "yesterday":
                return new TemporalMatch(i, partOfDay(doc, i + 1, limit), dayFrom(anchor, -1));
            case "today":
            case "tonight":
                return new TemporalMatch(i, i + 1, dayFrom(anchor, 0));
            case "tomorrow":
                return new TemporalMatch(i, partOfDay(doc, i + 1, limit), dayFrom(anchor, 1));
            case "last":
            case "this":
            case "next":
            case "past":
            case "coming":
                return deictic(doc, i, limit, anchor, tense, w);
            case "the":
                return theSpan(doc, i, limit, anchor, tense);
            case "in":
            case "within":
            case "after":
            case "over":
            case "during":
            case "for":
                TemporalMatch lead = leadSpan(doc, i, limit, anchor, tense, w);
                return lead != null || !(w.equals("in") || w.equals("during")) ? lead : absoluteAfterLead(doc, i, limit, anchor, tense);
            case "later":
                return partOfPeriod(doc, i, limit, anchor, false);
            default:
                break;
        }
        Token t = doc.token(i);
        DayOfWeek day = WEEKDAYS.get(w);
        if (day != null && t.isCapitalized()) {
            LocalDate date = anchor == null ? null : weekday(anchor, day, tense);
            return new TemporalMatch(i, partOfDay(doc, i + 1, limit), date == null ? null : TimeValue.day(date));
        }
        Month month = MONTHS.get(w);
        if (month != null && t.isCapitalized()) {
            return month(doc, i, limit, month, anchor, tense);
        }
        if (w.startsWith("mid-") && MONTHS.containsKey(w.substring(4))) {
            return monthPart(doc, i, limit, MONTHS.get(w.substring(4)), anchor, tense, 11, 20);
        }
        TemporalMatch ago = offset(doc, i, limit, anchor);
        if (ago != null) {
            return ago;
        }
        TemporalMatch iso = isoDate(t, i);
        if (iso != null) {
            return iso;
        }
        TemporalMatch dayMonth = dayMonth(doc, i, limit, anchor, tense);
        return dayMonth != null ? dayMonth : year(doc, i, limit);
    }

    /** "on Monday", "late Thursday", "early March", "earlier this week", "by Friday". */
    private TemporalMatch prefixed(Document doc, int i, int limit, LocalDate anchor, Tense tense, String prefix) {
        if (prefix.equals("earlier")) {
            TemporalMatch part = partOfPeriod(doc, i, limit, anchor, true);
            if (part != null) {
                return part;
            }
        }
        int k = prefix.equals("earlier") && i + 1 < limit && doc.token(i + 1).is("on") ? i + 2 : i + 1;
        if (k >= limit || PREFIXES.contains(doc.token(k).lower())) {
            return null;
        }
        Month month = MONTHS.get(doc.token(k).lower());
        if (month != null && doc.token(k).isCapitalized() && (prefix.equals("early") || prefix.equals("late"))
                && number(doc, k + 1, limit, 1, 31) == null && !(k + 1 < limit && doc.token(k + 1).isPunct('.'))) {
            TemporalMatch part = prefix.equals("early")
                    ? monthPart(doc, k, limit, month, anchor, tense, 1, 10)
                    : monthPart(doc, k, limit, month, anchor, tense, 21, 31);
            return new TemporalMatch(i, part.to(), part.value());
        }
        TemporalMatch inner = single(doc, k, limit, anchor, tense);
        return inner == null ? null : new TemporalMatch(i, inner.to(), inner.value());
    }

    /** "in March", "in 2008", "during the 1990s": the lead word and the calendar expression after it. */
    private TemporalMatch absoluteAfterLead(Document doc, int i, int limit, LocalDate anchor, Tense tense) {
        if (i + 1 >= limit || !(doc.token(i + 1).isCapitalized() || Character.isDigit(doc.token(i + 1).text().charAt(0)))) {
            return null;
        }
        TemporalMatch inner = single(doc, i + 1, limit, anchor, tense);
        return inner == null || inner.anaphoric() ? null : new TemporalMatch(i, inner.to(), inner.value());
    }

    /** "earlier this week", "later this month": the part of the current period before or after the anchor. */
    private TemporalMatch partOfPeriod(Document doc, int i, int limit, LocalDate anchor, boolean earlier) {
        if (i + 2 >= limit || !doc.token(i + 1).is("this")) {
            return null;
        }
        Granularity unit = UNITS.get(doc.token(i + 2).lower());
        if (unit == null || unit == Granularity.DAY) {
            return null;
        }
        if (anchor == null) {
            return new TemporalMatch(i, i + 3, null);
        }
        TimeValue period = period(anchor, unit, 0);
        TimeValue part = earlier
                ? TimeValue.range(period.start(), anchor.isAfter(period.start()) ? anchor.minusDays(1) : anchor, unit)
                : TimeValue.range(anchor.isBefore(period.end()) ? anchor.plusDays(1) : anchor, period.end(), unit);
        return new TemporalMatch(i, i + 3, part);
    }

    /** "last Friday", "this week", "next year", "last night", "past two weeks", "coming days". */
    private TemporalMatch deictic(Document doc, int i, int limit, LocalDate anchor, Tense tense, String w) {
        if (i + 1 >= limit || !doc.token(i + 1).isWord()) {
            return null;
        }
        String next = doc.token(i + 1).lower();
        if (w.equals("last") && next.equals("night")) {
            return new TemporalMatch(i, i + 2, dayFrom(anchor, -1));
        }
        if (w.equals("this") && PARTS_OF_DAY.contains(next)) {
            return new TemporalMatch(i, i + 2, dayFrom(anchor, 0));
        }
        DayOfWeek day = WEEKDAYS.get(next);
        if (day != null && doc.token(i + 1).isCapitalized() && !w.equals("past") && !w.equals("coming")) {
            LocalDate date = anchor == null ? null : switch (w) {
                case "last" -> anchor.with(TemporalAdjusters.previous(day));
                case "next" -> anchor.with(TemporalAdjusters.next(day));
                default -> weekday(anchor, day, tense);
            };
            return new TemporalMatch(i, partOfDay(doc, i + 2, limit), date == null ? null : TimeValue.day(date));
        }
        Month month = MONTHS.get(next);
        if (month != null && doc.token(i + 1).isCapitalized() && !w.equals("past") && !w.equals("coming")) {
            Tense direction = w.equals("last") ? Tense.PAST : w.equals("next") ? Tense.FUTURE : tense;
            YearMonth ym = anchor == null ? null : month(YearMonth.from(anchor), month, direction, w.equals("this"));
            return new TemporalMatch(i, i + 2, ym == null ? null : monthRange(ym));
        }
        if (next.equals("weekend")) {
            int offset = w.equals("last") || w.equals("past") ? -1 : w.equals("next") || w.equals("coming") ? 1 : 0;
            return new TemporalMatch(i, i + 2, anchor == null ? null : weekend(anchor, offset, tense));
        }
        // "last two weeks", "past few days", "coming months": a span from or to the anchor
        int k = i + 1;
        Integer count = count(doc, k, limit);
        if (count != null) {
            k += doc.token(k).is("a") && k + 1 < limit && doc.token(k + 1).is("few") ? 2 : 1;
        }
        Granularity unit = k < limit ? UNITS.get(doc.token(k).lower()) : null;
        if (unit == null) {
            return null;
        }
        boolean plural = doc.token(k).lower().endsWith("s");
        String unitWord = doc.token(k).lower();
        if (anchor == null) {
            return new TemporalMatch(i, k + 1, null);
        }
        if (!plural && count == null && (w.equals("last") || w.equals("this") || w.equals("next"))) {
            // "last week", "this month", "next year": the calendar period
            int offset = w.equals("last") ? -1 : w.equals("next") ? 1 : 0;
            if (offset == 0 && unit == Granularity.WEEK && tense == Tense.PAST
                    && anchor.getDayOfWeek().compareTo(DayOfWeek.TUESDAY) <= 0) {
                // "this week's debate was ..." written on a Monday or Tuesday: hardly any of the calendar week has
                // passed, so the past "this week" is the seven days up to the anchor (the weekend just gone)
                return new TemporalMatch(i, k + 1, TimeValue.range(anchor.minusDays(6), anchor, Granularity.WEEK));
            }
            return new TemporalMatch(i, k + 1, period(anchor, unit, offset));
        }
        int n = count == null ? 1 : count;
        boolean back = w.equals("last") || w.equals("past");
        if (count == null && plural) {
            // "coming days", "past weeks": a vague stretch of about one larger unit
            return new TemporalMatch(i, k + 1, vagueStretch(anchor, unitWord, back));
        }
        if (back) {
            return new TemporalMatch(i, k + 1, TimeValue.range(minus(anchor, unitWord, n), anchor, unit));
        }
        return new TemporalMatch(i, k + 1, TimeValue.range(anchor.plusDays(1), plus(anchor, unitWord, n), unit));
    }

    /** "the past week", "the coming days", "the weekend", "the 1990s". */
    private TemporalMatch theSpan(Document doc, int i, int limit, LocalDate anchor, Tense tense) {
        if (i + 1 >= limit) {
            return null;
        }
        String next = doc.token(i + 1).lower();
        TemporalMatch inner = null;
        if (next.equals("past") || next.equals("last") || next.equals("coming") || next.equals("next")) {
            inner = deictic(doc, i + 1, limit, anchor, tense, next);
            // "the last week" is a span, not the calendar week: only numbered or plural forms are taken here
            if (inner != null && inner.to() == i + 3 && UNITS.containsKey(doc.token(i + 2).lower())
                    && !doc.token(i + 2).lower().endsWith("s") && anchor != null) {
                Granularity unit = UNITS.get(doc.token(i + 2).lower());
                String unitWord = doc.token(i + 2).lower();
                boolean back = next.equals("past") || next.equals("last");
                inner = new TemporalMatch(i + 1, i + 3, back
                        ? TimeValue.range(minus(anchor, unitWord, 1), anchor, unit)
                        : TimeValue.range(anchor.plusDays(1), plus(anchor, unitWord, 1), unit));
            }
        } else if (next.equals("weekend")) {
            inner = new TemporalMatch(i + 1, i + 2, anchor == null ? null : weekend(anchor, 0, tense));
        } else if (decade(doc.token(i + 1)) != null) {
            int start = decade(doc.token(i + 1));
            inner = new TemporalMatch(i + 1, i + 2, TimeValue.range(LocalDate.of(start, 1, 1), LocalDate.of(start + 9, 12, 31), Granularity.YEAR));
        }
        return inner == null ? null : new TemporalMatch(i, inner.to(), inner.value());
    }

    /** "in the coming days", "over the past week", "in recent weeks", "in two weeks", "after 24 hours", "within days". */
    private TemporalMatch leadSpan(Document doc, int i, int limit, LocalDate anchor, Tense tense, String lead) {
        int k = i + 1;
        if (k >= limit) {
            return null;
        }
        String next = doc.token(k).lower();
        if (next.equals("the") || next.equals("past") || next.equals("coming") || next.equals("next")
                || next.equals("last") || next.equals("recent")) {
            TemporalMatch inner;
            if (next.equals("recent") || next.equals("the") && k + 1 < limit && doc.token(k + 1).is("recent")) {
                int u = next.equals("recent") ? k + 1 : k + 2;
                String unitWord = u < limit ? doc.token(u).lower() : "";
                inner = UNITS.containsKey(unitWord) && unitWord.endsWith("s")
                        ? new TemporalMatch(k, u + 1, anchor == null ? null : vagueStretch(anchor, unitWord, true)) : null;
            } else {
                inner = next.equals("the") ? theSpan(doc, k, limit, anchor, tense) : deictic(doc, k, limit, anchor, tense, next);
            }
            return inner == null ? null : new TemporalMatch(i, inner.to(), inner.value());
        }
        if (lead.equals("in") || lead.equals("within") || lead.equals("after")) {
            // "in two weeks", "after 24 hours", "within days": from the anchor forward
            Integer count = count(doc, k, limit);
            int u = count == null ? k : k + (doc.token(k).is("a") && k + 1 < limit && doc.token(k + 1).is("few") ? 2 : 1);
            String unitWord = u < limit ? doc.token(u).lower() : "";
            Granularity unit = UNITS.get(unitWord);
            if (unit != null && (count != null || unitWord.endsWith("s"))
                    && !(u + 1 < limit && (doc.token(u + 1).is("ago") || doc.token(u + 1).is("of")))) {
                if (anchor == null) {
                    return new TemporalMatch(i, u + 1, null);
                }
                int n = count == null ? 1 : count;
                LocalDate end = plus(anchor, unitWord, n);
                if (lead.equals("within") || count == null) {
                    return new TemporalMatch(i, u + 1, TimeValue.range(anchor, end, unit));
                }
                // days and weeks, not hours: "6.7 million posts in 10 hours" measures a stretch
                boolean shortUnit = unitWord.startsWith("day") || unitWord.startsWith("week");
                if (lead.equals("in") && (tense == Tense.PAST || tense == Tense.PRESENT && !shortUnit)) {
                    // "the lowest in five years", "made progress in six months": the stretch up to the anchor; but
                    // with no past verb, "the debate in 10 days" or "in two weeks" lies ahead
                    return new TemporalMatch(i, u + 1, TimeValue.range(minus(anchor, unitWord, n), anchor, unit));
                }
                return new TemporalMatch(i, u + 1, TimeValue.approximate(end, end, unit), lead.equals("after"));
            }
            return null;
        }
        return null;
    }

    /** "three days ago", "two weeks later", "a year earlier". */
    private TemporalMatch offset(Document doc, int i, int limit, LocalDate anchor) {
        Integer count = count(doc, i, limit);
        if (count == null) {
            return null;
        }
        int u = i + (doc.token(i).is("a") && i + 1 < limit && doc.token(i + 1).is("few") ? 2 : 1);
        if (u + 1 >= limit || !UNITS.containsKey(doc.token(u).lower())) {
            return null;
        }
        String unitWord = doc.token(u).lower();
        String direction = doc.token(u + 1).lower();
        if (!direction.equals("ago") && !direction.equals("later") && !direction.equals("earlier")) {
            return null;
        }
        if (anchor == null) {
            return new TemporalMatch(i, u + 2, null);
        }
        LocalDate date = direction.equals("later") ? plus(anchor, unitWord, count) : minus(anchor, unitWord, count);
        Granularity unit = UNITS.get(unitWord);
        boolean exact = unit == Granularity.DAY && !doc.token(i).is("few") && !doc.token(i).is("several") && !doc.token(i).is("a");
        boolean ago = direction.equals("ago");
        return new TemporalMatch(i, u + 2, exact && ago ? TimeValue.day(date) : TimeValue.approximate(date, date, unit), !ago);
    }

    /** "Oct. 5", "October 5, 2023", "Sept. 19-20", "March 2016", "in March". */
    private TemporalMatch month(Document doc, int i, int limit, Month month, LocalDate anchor, Tense tense) {
        int k = i + 1;
        if (k < limit && doc.token(k).isPunct('.')) {
            k++;
        }
        int[] days = dayRange(doc, k, limit);
        if (days != null) {
            int end = k + 1;
            Integer year = null;
            if (end + 1 < limit && doc.token(end).isPunct(',')) {
                year = number(doc, end + 1, limit, FIRST_YEAR, LAST_YEAR);
                if (year != null) {
                    end += 2;
                }
            } else if (end < limit && (year = number(doc, end, limit, FIRST_YEAR, LAST_YEAR)) != null) {
                end++;
            }
            // "the Nov. 8 election", "a March 5 caucus": a modifier, not governed by the clause's verb
            boolean attributive = i > 0 && (doc.token(i - 1).kind() == Token.Kind.POSSESSIVE
                    || doc.token(i - 1).is("the") || doc.token(i - 1).is("a") || doc.token(i - 1).is("an"))
                    && end < limit && doc.token(end).isWord() && !doc.token(end).isCapitalized();
            return new TemporalMatch(i, end, monthDays(year, month, days[0], days[1], anchor, attributive ? Tense.PRESENT : tense));
        }
        Integer year = number(doc, k, limit, FIRST_YEAR, LAST_YEAR);
        if (year == null && k + 1 < limit && doc.token(k).isPunct(',')) {
            year = number(doc, k + 1, limit, FIRST_YEAR, LAST_YEAR);
            k = year == null ? k : k + 1;
        }
        if (year != null) {
            return new TemporalMatch(i, k + 1, monthRange(YearMonth.of(year, month)));
        }
        if (i == 0 || !MONTH_LEADS.contains(doc.token(i - 1).lower()) || k != i + 1) {
            return null; // "May" the modal, "March" the verb, "Sept." in a citation
        }
        YearMonth ym = anchor == null ? null : month(YearMonth.from(anchor), month, tense, true);
        return new TemporalMatch(i, i + 1, ym == null ? null : monthRange(ym));
    }

    /** Days [first, last] of a month ("early March": 1-10) as an approximate range. */
    private TemporalMatch monthPart(Document doc, int i, int limit, Month month, LocalDate anchor, Tense tense, int first, int last) {
        Integer year = number(doc, i + 1, limit, FIRST_YEAR, LAST_YEAR);
        int end = year == null ? i + 1 : i + 2;
        if (anchor == null && year == null) {
            return new TemporalMatch(i, end, null);
        }
        YearMonth ym = year != null ? YearMonth.of(year, month) : month(YearMonth.from(anchor), month, tense, true);
        TimeValue v = TimeValue.approximate(ym.atDay(first), ym.atDay(Math.min(last, ym.lengthOfMonth())), Granularity.MONTH);
        return new TemporalMatch(i, end, v);
    }

    /** "5 October", "5 October 2023". */
    private TemporalMatch dayMonth(Document doc, int i, int limit, LocalDate anchor, Tense tense) {
        Integer day = number(doc, i, limit, 1, 31);
        if (day == null || i + 1 >= limit) {
            return null;
        }
        Month month = MONTHS.get(doc.token(i + 1).lower());
        if (month == null || !doc.token(i + 1).isCapitalized()) {
            return null;
        }
        Integer year = number(doc, i + 2, limit, FIRST_YEAR, LAST_YEAR);
        return new TemporalMatch(i, year == null ? i + 2 : i + 3, monthDays(year, month, day, day, anchor, tense));
    }

    /** "2020", "2015-16", "2015-2016", "1990s". */
    private TemporalMatch year(Document doc, int i, int limit) {
        Token t = doc.token(i);
        Integer decade = decade(t);
        if (decade != null && i > 0 && (MONTH_LEADS.contains(doc.token(i - 1).lower()) || doc.token(i - 1).is("the"))) {
            return new TemporalMatch(i, i + 1, TimeValue.range(LocalDate.of(decade, 1, 1), LocalDate.of(decade + 9, 12, 31), Granularity.YEAR));
        }
        String s = t.text();
        int dash = s.indexOf('-');
        if (dash == 4 && s.length() <= 9 && digits(s.substring(0, 4)) && digits(s.substring(5))) {
            int from = Integer.parseInt(s.substring(0, 4));
            String rest = s.substring(5);
            int to = rest.length() == 2 ? from / 100 * 100 + Integer.parseInt(rest) : rest.length() == 4 ? Integer.parseInt(rest) : -1;
            if (from >= FIRST_YEAR && to > from && to <= LAST_YEAR) {
                return new TemporalMatch(i, i + 1, TimeValue.range(LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), Granularity.YEAR));
            }
            return null;
        }
        Integer year = number(doc, i, limit, FIRST_YEAR, LAST_YEAR);
        if (year == null || s.length() != 4 || i > 0 && doc.token(i - 1).isPunct('$')
                || i + 1 < limit && (doc.token(i + 1).isPunct('%') || doc.token(i + 1).is("percent"))) {
            return null;
        }
        return new TemporalMatch(i, i + 1, TimeValue.range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Granularity.YEAR));
    }

    private static TemporalMatch isoDate(Token t, int i) {
        String s = t.text();
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-'
                || !digits(s.substring(0, 4)) || !digits(s.substring(5, 7)) || !digits(s.substring(8))) {
            return null;
        }
        try {
            return new TemporalMatch(i, i + 1, TimeValue.day(LocalDate.parse(s)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Integer decade(Token t) {
        String s = t.text();
        if (s.length() == 5 && s.endsWith("0s") && digits(s.substring(0, 4))) {
            int year = Integer.parseInt(s.substring(0, 4));
            return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
        }
        return null;
    }

    /** "5" or "19-20" as [first, last] day of month, or null. */
    private static int[] dayRange(Document doc, int k, int limit) {
        if (k >= limit) {
            return null;
        }
        String s = doc.token(k).text();
        int dash = s.indexOf('-');
        if (dash > 0) {
            Integer a = dayNumber(s.substring(0, dash));
            Integer b = dayNumber(s.substring(dash + 1));
            return a != null && b != null && b > a ? new int[] {a, b} : null;
        }
        Integer d = number(doc, k, limit, 1, 31);
        return d == null ? null : new int[] {d, d};
    }

    private static Integer dayNumber(String s) {
        if (s.isEmpty() || s.length() > 2 || !digits(s)) {
            return null;
        }
        int v = Integer.parseInt(s);
        return v >= 1 && v <= 31 ? v : null;
    }

    private static TimeValue monthDays(Integer year, Month month, int first, int last, LocalDate anchor, Tense tense) {
        try {
            LocalDate start;
            if (year != null) {
                start = LocalDate.of(year, month, first);
            } else if (anchor == null) {
                return null;
            } else {
                start = directed(anchor, tense, y -> LocalDate.of(y, month, first));
            }
            LocalDate end = start.withDayOfMonth(last);
            return first == last ? TimeValue.day(start) : TimeValue.range(start, end, Granularity.DAY);
        } catch (DateTimeException e) {
            return null; // "Feb. 30": not a date
        }
    }

    /** The candidate date in the anchor's year or a neighbouring one that the tense points to. */
    private static LocalDate directed(LocalDate anchor, Tense tense, java.util.function.IntFunction<LocalDate> inYear) {
        LocalDate best = null;
        for (int y = anchor.getYear() - 1; y <= anchor.getYear() + 1; y++) {
            LocalDate candidate = inYear.apply(y);
            boolean allowed = switch (tense) {
                case PAST -> !candidate.isAfter(anchor);
                case FUTURE -> !candidate.isBefore(anchor);
                case PRESENT -> true;
            };
            if (allowed && (best == null || distance(candidate, anchor) < distance(best, anchor))) {
                best = candidate;
            }
        }
        return best;
    }

    /** The month of that name the tense points to; the anchor's own month counts when {@code includeCurrent}. */
    private static YearMonth month(YearMonth anchor, Month month, Tense tense, boolean includeCurrent) {
        YearMonth best = null;
        for (int y = anchor.getYear() - 1; y <= anchor.getYear() + 1; y++) {
            YearMonth candidate = YearMonth.of(y, month);
            int cmp = candidate.compareTo(anchor);
            boolean allowed = cmp == 0 ? includeCurrent : switch (tense) {
                case PAST -> cmp < 0;
                case FUTURE -> cmp > 0;
                case PRESENT -> true;
            };
            if (allowed && (best == null || Math.abs(ChronoUnit.MONTHS.between(candidate, anchor))
                    < Math.abs(ChronoUnit.MONTHS.between(best, anchor)))) {
                best = candidate;
            }
        }
        return best;
    }

    /** Past: on or before the anchor; future: on or after; otherwise the nearer of the two, the past one on a tie. */
    private static LocalDate weekday(LocalDate anchor, DayOfWeek day, Tense tense) {
        LocalDate before = anchor.with(TemporalAdjusters.previousOrSame(day));
        LocalDate after = anchor.with(TemporalAdjusters.nextOrSame(day));
        return switch (tense) {
            case PAST -> before;
            case FUTURE -> after;
            case PRESENT -> distance(after, anchor) < distance(before, anchor) ? after : before;
        };
    }

    /** The calendar week, month or year containing the anchor, moved by {@code offset} periods. */
    private static TimeValue period(LocalDate anchor, Granularity unit, int offset) {
        return switch (unit) {
            case DAY -> TimeValue.day(anchor.plusDays(offset));
            case WEEK -> {
                LocalDate monday = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(offset);
                yield TimeValue.range(monday, monday.plusDays(6), Granularity.WEEK);
            }
            case MONTH -> monthRange(YearMonth.from(anchor).plusMonths(offset));
            case YEAR -> {
                int year = anchor.getYear() + offset;
                yield TimeValue.range(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Granularity.YEAR);
            }
        };
    }

    /**
     * Saturday and Sunday. Offset 0 ("this weekend", "over the weekend"): the weekend containing the anchor, else the
     * one before it, or after it in a future-tense clause. Offset -1 / 1: the one strictly before / after the anchor.
     */
    private static TimeValue weekend(LocalDate anchor, int offset, Tense tense) {
        LocalDate saturday;
        if (offset < 0) {
            saturday = anchor.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
            if (!saturday.plusDays(1).isBefore(anchor)) {
                saturday = saturday.minusWeeks(1);
            }
        } else if (offset > 0) {
            saturday = anchor.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        } else if (anchor.getDayOfWeek() == DayOfWeek.SUNDAY) {
            saturday = anchor.minusDays(1);
        } else if (anchor.getDayOfWeek() == DayOfWeek.SATURDAY) {
            saturday = anchor;
        } else {
            saturday = tense == Tense.FUTURE ? anchor.with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                    : anchor.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        }
        return TimeValue.range(saturday, saturday.plusDays(1), Granularity.DAY);
    }

    private static TimeValue monthRange(YearMonth ym) {
        return TimeValue.range(ym.atDay(1), ym.atEndOfMonth(), Granularity.MONTH);
    }

    /** "in the coming days" / "in recent weeks": about one larger unit ahead of or behind the anchor. */
    private static TimeValue vagueStretch(LocalDate anchor, String unitWord, boolean back) {
        Granularity unit = UNITS.get(unitWord);
        LocalDate far = switch (unit) {
            case DAY -> back ? anchor.minusWeeks(1) : anchor.plusWeeks(1);
            case WEEK -> back ? anchor.minusMonths(1) : anchor.plusMonths(1);
            case MONTH -> back ? anchor.minusYears(1) : anchor.plusYears(1);
            case YEAR -> back ? anchor.minusYears(10) : anchor.plusYears(10);
        };
        Granularity precision = switch (unit) {
            case DAY -> Granularity.WEEK;
            case WEEK -> Granularity.MONTH;
            case MONTH, YEAR -> Granularity.YEAR;
        };
        return back ? TimeValue.approximate(far, anchor, precision) : TimeValue.approximate(anchor.plusDays(1), far, precision);
    }

    private static LocalDate plus(LocalDate anchor, String unitWord, int n) {
        return switch (unitWord) {
            case "hour", "hours" -> anchor.plusDays((n + 23) / 24);
            case "day", "days" -> anchor.plusDays(n);
            case "week", "weeks" -> anchor.plusWeeks(n);
            case "month", "months" -> anchor.plusMonths(n);
            default -> anchor.plusYears(n);
        };
    }

    private static LocalDate minus(LocalDate anchor, String unitWord, int n) {
        return switch (unitWord) {
            case "hour", "hours" -> anchor.minusDays((n + 23) / 24);
            case "day", "days" -> anchor.minusDays(n);
            case "week", "weeks" -> anchor.minusWeeks(n);
            case "month", "months" -> anchor.minusMonths(n);
            default -> anchor.minusYears(n);
        };
    }

    private static TimeValue dayFrom(LocalDate anchor, int days) {
        return anchor == null ? null : TimeValue.day(anchor.plusDays(days));
    }

    /** A count before a unit: "two", "24", "a", "a few", "several". */
    private static Integer count(Document doc, int k, int limit) {
        if (k >= limit || !doc.token(k).isWord()) {
            return null;
        }
        String w = doc.token(k).lower();
        if (w.equals("a") && k + 1 < limit && doc.token(k + 1).is("few")) {
            return 3;
        }
        Integer n = NUMBERS.get(w);
        return n != null ? n : number(doc, k, limit, 1, 999);
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
        if (!t.isWord() || s.length() > 4 || !digits(s)) {
            return null;
        }
        int v = Integer.parseInt(s);
        return v >= min && v <= max ? v : null;
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int c = 0; c < s.length(); c++) {
            if (!Character.isDigit(s.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    private static int partOfDay(Document doc, int k, int limit) {
        return k < limit && doc.token(k).isWord() && PARTS_OF_DAY.contains(doc.token(k).lower()) ? k + 1 : k;
    }
}
