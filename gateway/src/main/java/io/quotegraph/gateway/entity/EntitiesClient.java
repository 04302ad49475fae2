package io.quotegraph.gateway.entity;

import io.quotegraph.gateway.client.StatementsClient;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.AliasLinkView;
import io.quotegraph.model.view.SpeakerLinkView;
import io.quotegraph.model.view.SpeakerView;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quotegraph.gateway.client.CallerCredentials;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** statements-service's entity and curation API (the same service and URL as {@link StatementsClient}). */
@RegisterRestClient(configKey = StatementsClient.SERVICE)
@RegisterClientHeaders(CallerCredentials.class)
@Produces(MediaType.APPLICATION_JSON)
public interface EntitiesClient {

    String ACTOR_HEADER = "X-Quotegraph-Actor";

    @GET
    @Path("/entities")
    Page<SpeakerView> entities(@QueryParam("search") String search,
                               @QueryParam("type") String type,
                               @QueryParam("id") List<String> ids,
                               @QueryParam("offset") Integer offset,
                               @QueryParam("limit") Integer limit);

    @GET
    @Path("/entities/{id}")
    SpeakerView entity(@PathParam("id") String id);

    @GET
    @Path("/speakers/{id}/links")
    List<SpeakerLinkView> links(@PathParam("id") String id);

    @GET
    @Path("/speakers/{id}/aliases")
    List<AliasLinkView> aliasLinks(@PathParam("id") String id);

    @POST
    @Path("/curation/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    SpeakerView merge(@HeaderParam(ACTOR_HEADER) String actor, Map<String, Object> body);

    @POST
    @Path("/curation/split")
    @Consumes(MediaType.APPLICATION_JSON)
    List<SpeakerView> split(@HeaderParam(ACTOR_HEADER) String actor, Map<String, Object> body);

    @POST
    @Path("/curation/add-alias")
    @Consumes(MediaType.APPLICATION_JSON)
    SpeakerView addAlias(@HeaderParam(ACTOR_HEADER) String actor, Map<String, Object> body);

    @POST
    @Path("/curation/remove-alias")
    @Consumes(MediaType.APPLICATION_JSON)
    SpeakerView removeAlias(@HeaderParam(ACTOR_HEADER) String actor, Map<String, Object> body);

    @POST
    @Path("/curation/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    SpeakerView rename(@HeaderParam(ACTOR_HEADER) String actor, Map<String, Object> body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return StatementsClient.toException(response);
    }
}
