package io.quotegraph.statements.speaker.rest;

import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.AliasLinkView;
import io.quotegraph.model.view.SpeakerLinkView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.speaker.service.SpeakerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

@Path("/speakers")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    @Inject
    SpeakerService service;

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
