package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.event.Event;
import io.quotegraph.model.view.TimelineEntryView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("TimelineEvent")
@Description("An event in a speaker's timeline: one they took part in or made statements at.")
public class TimelineEvent implements TimelineEntry {

    @Ignore
    private final TimelineEntryView view;

    public TimelineEvent(TimelineEntryView view) {
        this.view = view;
    }

    @Override
    @NonNull
    public LocalDate getDate() {
        return view.date();
    }

    @Override
    public LocalDate getEndDate() {
        return view.endDate();
    }

    @Override
    public String getGranularity() {
        return view.granularity();
    }

    @Override
    public boolean isDateApproximate() {
        return view.dateApproximate();
    }

    @NonNull
    public Event getEvent() {
        return new Event(view.event());
    }
}
