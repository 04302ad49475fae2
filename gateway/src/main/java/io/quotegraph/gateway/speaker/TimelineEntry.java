package io.quotegraph.gateway.speaker;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Interface("TimelineEntry")
@Description("An entry of a speaker's timeline: a statement of theirs (TimelineStatement) or an event they took part "
        + "in or spoke at (TimelineEvent).")
public interface TimelineEntry {

    @NonNull
    @Description("A statement's: the date of the event it was made at when known, else its article's publication day. "
            + "An event's: its (first) date.")
    LocalDate getDate();

    @Description("The last day of an event that spans several days; else null.")
    LocalDate getEndDate();

    @Description("How precise the date is: DAY, WEEK, MONTH or YEAR; null when an event's date is not known.")
    String getGranularity();

    @Description("True when the date only bounds the real one (a statement dated by its publication, an event known "
            + "only approximately).")
    boolean isDateApproximate();
}
