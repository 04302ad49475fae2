package io.quotegraph.model.view;

import java.time.LocalDate;

/**
 * One entry of a speaker's timeline: a statement of theirs or an event they took part in or spoke at.
 *
 * @param kind            STATEMENT or EVENT (the one of statement and event that is set)
 * @param cursor          opaque: pass it as {@code after} to get the entries after this one
 * @param date            a statement's: the date of the event it was made at if known, else the article's publication
 *                        day; an event's: its (first) date
 * @param endDate         the last day of an event that is a range; else null
 * @param granularity     DAY, WEEK, MONTH or YEAR; null for an event whose date is not known
 * @param dateApproximate whether the date only bounds the real one (a statement dated by its publication, an event
 *                        dated approximately or by the article that reports it)
 */
public record TimelineEntryView(
        String kind,
        String cursor,
        LocalDate date,
        LocalDate endDate,
        String granularity,
        boolean dateApproximate,
        StatementView statement,
        EventView event) {

    public static final String STATEMENT = "STATEMENT";
    public static final String EVENT = "EVENT";
}
