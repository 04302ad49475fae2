package io.quotegraph.gateway.event;

import io.quotegraph.model.view.EventView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;
import java.util.List;

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

    @Description("HAPPENED, PLANNED or PROPOSED; null when the articles do not tell.")
    public String getStatus() {
        return view.status();
    }

    @Description("How precise the date is: DAY, WEEK, MONTH or YEAR; null when unknown.")
    public String getGranularity() {
        return view.granularity();
    }

    @Description("Where it took place, as the articles name it.")
    public String getLocationName() {
        return view.locationName();
    }

    @Description("The participants as the articles name them, including those not resolved to an entity.")
    @NonNull
    public List<@NonNull String> getParticipantNames() {
        return view.participantNames();
    }

    @Description("The text that reports the event, per article.")
    @NonNull
    public List<@NonNull EventEvidence> getEvidence() {
        return view.evidence().stream().map(EventEvidence::new).toList();
    }
}
