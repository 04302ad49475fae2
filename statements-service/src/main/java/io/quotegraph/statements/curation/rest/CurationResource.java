package io.quotegraph.statements.curation.rest;

import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.curation.service.CurationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/**
 * Curation of speakers. Every change names its curator: the token's principal when the caller authenticated (always,
 * with auth on: these writes need the curator role), otherwise header {@value #ACTOR_HEADER} or the body's "curator";
 * it is recorded in the log with the speakers before and after, and survives re-delivery of the articles.
 */
@Path("/curation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CurationResource {

    public static final String ACTOR_HEADER = "X-Quotegraph-Actor";

    @Inject
    CurationService service;

    public record MergeRequest(String targetId, List<String> sourceIds, String curator) {
    }

    public record SplitRequest(String speakerId, List<String> articleIds, String name, String curator) {
    }

    public record AliasRequest(String speakerId, String alias, String curator) {
    }

    public record RenameRequest(String speakerId, String name, String curator) {
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge speakers into a target; answers the merged speaker (the sources' ids then answer as it)")
    public SpeakerView merge(@Context SecurityContext security, @HeaderParam(ACTOR_HEADER) String actor, MergeRequest request) {
        MergeRequest r = required(request);
        return service.merge(r.targetId(), r.sourceIds(), actor(security, actor, r.curator()));
    }

    @POST
    @Path("/split")
    @Operation(summary = "Split the names some articles use for a speaker into a new speaker; answers [remaining, new]")
    public List<SpeakerView> split(@Context SecurityContext security, @HeaderParam(ACTOR_HEADER) String actor, SplitRequest request) {
        SplitRequest r = required(request);
        return service.split(r.speakerId(), r.articleIds(), r.name(), actor(security, actor, r.curator()));
    }

    @POST
    @Path("/add-alias")
    @Operation(summary = "Add an alias to a speaker; the name then resolves to it in every article")
    public SpeakerView addAlias(@Context SecurityContext security, @HeaderParam(ACTOR_HEADER) String actor, AliasRequest request) {
        AliasRequest r = required(request);
        return service.addAlias(r.speakerId(), r.alias(), actor(security, actor, r.curator()));
    }

    @POST
    @Path("/remove-alias")
    @Operation(summary = "Remove an alias from a speaker")
    public SpeakerView removeAlias(@Context SecurityContext security, @HeaderParam(ACTOR_HEADER) String actor, AliasRequest request) {
        AliasRequest r = required(request);
        return service.removeAlias(r.speakerId(), r.alias(), actor(security, actor, r.curator()));
    }

    @POST
    @Path("/rename")
    @Operation(summary = "Rename a speaker; later articles do not change the name")
    public SpeakerView rename(@Context SecurityContext security, @HeaderParam(ACTOR_HEADER) String actor, RenameRequest request) {
        RenameRequest r = required(request);
        return service.rename(r.speakerId(), r.name(), actor(security, actor, r.curator()));
    }

    @GET
    @Path("/log")
    @Operation(summary = "The curation log, newest first: who changed what when, with the speakers before and after")
    public Page<CurationService.CurationLogEntry> log(
            @Parameter(description = "only changes of this speaker") @QueryParam("speakerId") String speakerId,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        return service.log(speakerId == null || speakerId.isBlank() ? null : speakerId,
                Params.offset(offset), Params.limit(limit));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "a JSON body is required");
        }
        return body;
    }

    /** The authenticated principal wins: a token holder cannot log a change under someone else's name. */
    public static String actor(SecurityContext security, String header, String field) {
        if (security != null && security.getUserPrincipal() != null && !security.getUserPrincipal().getName().isBlank()) {
            return security.getUserPrincipal().getName();
        }
        return header != null && !header.isBlank() ? header : field;
    }
}
