package io.quotegraph.statements.entity.rest;

import io.quotegraph.statements.curation.rest.CurationResource;
import io.quotegraph.statements.entity.service.GazetteerService;
import io.quotegraph.statements.entity.service.EntityNameChanges;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The gazetteer of common names: the bundled, versioned list and the entries curators added. */
@Path("/gazetteer")
@Produces(MediaType.APPLICATION_JSON)
public class GazetteerResource {

    @Inject
    GazetteerService gazetteer;
    @Inject
    EntityNameChanges changes;

    @GET
    @Operation(summary = "The gazetteer in force: its version and every entry")
    public GazetteerService.GazetteerView get() {
        return gazetteer.view();
    }

    @POST
    @Path("/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an entity, or aliases of a known one; names already seen are resolved again at once")
    public Response add(@Context SecurityContext security, @HeaderParam(CurationResource.ACTOR_HEADER) String actor,
                        GazetteerService.NewEntry entry) {
        String curator = CurationResource.actor(security, actor, entry == null ? null : entry.curator());
        if (curator == null || curator.isBlank()) {
            throw new io.quotegraph.rest.ProblemException(io.quotegraph.rest.ProblemType.INVALID_INPUT,
                    "the curator is required: header X-Quotegraph-Actor or field 'curator'");
        }
        GazetteerService.EntryView added = gazetteer.add(entry, curator.strip());
        changes.reresolve(added);
        return Response.status(Response.Status.CREATED).entity(added).build();
    }
}
