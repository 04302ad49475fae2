package io.quotegraph.gateway.event;

import io.quotegraph.model.view.EventView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("Event")
@Description("An event statements were made at or talk about.")
public class Event {

    @Ignore
    private final EventView view;

    public Event(EventView view) {
        this.view = view;
    }

    /** The backend record (not part of the schema). */
    public EventView view() {
        return view;
    }

    @Id
    @NonNull
    public String getId() {
        return view.id();
    }

    @NonNull
    public String getType() {
        return view.type();
    }

    public String getTitle() {
        return view.title();
    }

    public LocalDate getDate() {
        return view.date();
    }

    public LocalDate getEndDate() {
        return view.endDate();
    }

    @Description("True when only part of the date is known (e.g. the month).")
    public boolean isDateApproximate() {
        return view.dateApproximate();
    }

    @Description("HAPPENED, PLANNED or PROPOSED.")
    public String getStatus() {
        return view.status();
    }
}
