package io.quotegraph.statements.event.rest;

import io.quotegraph.model.EventStatus;
import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.event.service.EventService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;
import java.util.Locale;
import java.util.List;

@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventService service;

    @GET
    @Operation(summary = "Events statements were made at or articles report, ordered by date (newest first)")
    public Page<EventView> list(
            @Parameter(description = "ISO date; date ≥ from") @QueryParam("from") String from,
            @Parameter(description = "ISO date; date ≤ to") @QueryParam("to") String to,
            @Parameter(description = "event type, e.g. PRESS_BRIEFING, MEETING") @QueryParam("type") String type,
            @Parameter(description = "HAPPENED, PLANNED or PROPOSED") @QueryParam("status") String status,
            @Parameter(description = "place: canonical id or name") @QueryParam("location") String location,
            @Parameter(description = "participant speaker id (repeatable, ≤ 100)") @QueryParam("participantId") List<String> participantIds,
            @Parameter(description = "article id (repeatable, ≤ 100)") @QueryParam("articleId") List<String> articleIds,
            @Parameter(description = "event id (repeatable, ≤ 100)") @QueryParam("id") List<String> ids,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        return service.list(fromDate, toDate, type, status(status), location, Params.values("participantId", participantIds),
                Params.values("articleId", articleIds), Params.values("id", ids), Params.offset(offset), Params.limit(limit));
    }

    /** HAPPENED, PLANNED or PROPOSED (any case); 400 otherwise. */
    private static String status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return EventStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw Params.invalid("status", "must be HAPPENED, PLANNED or PROPOSED");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One event")
    public EventView get(@PathParam("id") String id) {
        return service.get(id);
    }
}
