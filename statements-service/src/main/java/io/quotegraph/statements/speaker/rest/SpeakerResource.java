package io.quotegraph.statements.speaker.rest;

import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.AliasLinkView;
import io.quotegraph.model.view.SpeakerLinkView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.model.view.TimelineView;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.quotegraph.statements.speaker.service.SpeakerTimeline;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;

@Path("/speakers")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    @Inject
    SpeakerService service;
    @Inject
    SpeakerTimeline timeline;

    @GET
    @Operation(summary = "Canonical speakers, ordered by statementCount (most first), then name")
    public Page<SpeakerView> list(
            @Parameter(description = "words, each a case-insensitive prefix of a word of the name or an alias") @QueryParam("search") String search,
            @Parameter(description = "words, each the start of a word of one of the speaker's role titles") @QueryParam("role") String role,
            @Parameter(description = "speaker id (repeatable, ≤ 100)") @QueryParam("id") List<String> ids,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        return service.list(search, role, Params.values("id", ids), Params.offset(offset), Params.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One canonical speaker")
    public SpeakerView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "The speaker's statements and the events they took part in or spoke at, oldest first",
            description = "A statement is dated by the event it was made at when that date is known, else by its "
                    + "article's publication day; on one day events come before statements. Pages are cut by cursor: "
                    + "pass a page's endCursor as `after` for the next.")
    @APIResponse(responseCode = "200", description = "a page of the timeline")
    @APIResponse(responseCode = "400", description = "a bad date, limit or cursor (problem+json)")
    @APIResponse(responseCode = "404", description = "no such speaker (problem+json)")
    public TimelineView timeline(
            @PathParam("id") String id,
            @Parameter(description = "ISO date; entries on or after it (an event's range overlaps it)") @QueryParam("from") String from,
            @Parameter(description = "ISO date; entries on or before it") @QueryParam("to") String to,
            @Parameter(description = "the cursor of an entry: the page starts after it") @QueryParam("after") String after,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        return timeline.timeline(id, fromDate, toDate, after, Params.limit(limit));
    }

    @GET
    @Path("/timelines")
    @Operation(summary = "The same page of several speakers' timelines (see /speakers/{id}/timeline), in the order asked",
            description = "An unknown speaker id gets an empty timeline.")
    @APIResponse(responseCode = "200", description = "one timeline page per distinct speaker id")
    @APIResponse(responseCode = "400", description = "no or too many ids, a bad date, limit or cursor (problem+json)")
    public List<TimelineView> timelines(
            @Parameter(description = "speaker id (repeatable, 1 to 100)") @QueryParam("speakerId") List<String> speakerIds,
            @Parameter(description = "ISO date; entries on or after it") @QueryParam("from") String from,
            @Parameter(description = "ISO date; entries on or before it") @QueryParam("to") String to,
            @Parameter(description = "the cursor of an entry: each page starts after its position") @QueryParam("after") String after,
            @Parameter(description = "per speaker; default 20, at most 1000") @QueryParam("limit") String limit) {
        List<String> ids = Params.values("speakerId", speakerIds);
        if (ids.isEmpty()) {
            throw Params.invalid("speakerId", "at least one speaker id is required");
        }
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        Params.range("from", fromDate, "to", toDate);
        return List.copyOf(timeline.timelines(ids, fromDate, toDate, after, Params.limit(limit)).values());
    }

    @GET
    @Path("/{id}/links")
    @Operation(summary = "Each article's name for the speaker, with the score and evidence of its link")
    public List<SpeakerLinkView> links(@PathParam("id") String id) {
        return service.links(id);
    }

    @GET
    @Path("/{id}/aliases")
    @Operation(summary = "Each of the speaker's names, with the score, evidence and basis of the link that made it theirs")
    public List<AliasLinkView> aliases(@PathParam("id") String id) {
        return service.aliasLinks(id);
    }
}
