package io.quotegraph.gateway.client;

import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.model.view.TimelineView;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** statements-service's REST API. Use it through {@link StatementsBackend}, which translates failures. */
@RegisterRestClient(configKey = StatementsClient.SERVICE)
@RegisterClientHeaders(CallerCredentials.class)
@Produces(MediaType.APPLICATION_JSON)
public interface StatementsClient {

    String SERVICE = "statements-service";

    @GET
    @Path("/statements")
    Page<StatementView> statements(@QueryParam("speakerId") List<String> speakerIds,
                                   @QueryParam("articleId") List<String> articleIds,
                                   @QueryParam("occasionId") List<String> occasionIds,
                                   @QueryParam("id") List<String> ids,
                                   @QueryParam("text") String text,
                                   @QueryParam("kind") String kind,
                                   @QueryParam("from") String from,
                                   @QueryParam("to") String to,
                                   @QueryParam("entityId") List<String> entityIds,
                                   @QueryParam("source") List<String> sources,
                                   @QueryParam("order") String order,
                                   @QueryParam("offset") Integer offset,
                                   @QueryParam("limit") Integer limit);

    /** Each parent's first statements and total (exactly one of the two id lists; see statements-service). */
    @GET
    @Path("/statements/per-parent")
    List<ParentStatementsView> statementsPerParent(@QueryParam("articleId") List<String> articleIds,
                                                   @QueryParam("speakerId") List<String> speakerIds,
                                                   @QueryParam("first") int first);

    /**
     * The cheapest read, without blocking: may this token read at all (asked when a subscription starts and again when
     * the subscriber's token expires, outside any request: hence the explicit header; null sends none).
     */
    @GET
    @Path("/statements")
    Uni<Page<StatementView>> anyStatement(@HeaderParam("Authorization") String authorization,
                                          @QueryParam("limit") Integer limit);

    @GET
    @Path("/statements/{id}")
    StatementView statement(@PathParam("id") String id);

    @GET
    @Path("/speakers")
    Page<SpeakerView> speakers(@QueryParam("search") String search,
                               @QueryParam("role") String role,
                               @QueryParam("id") List<String> ids,
                               @QueryParam("offset") Integer offset,
                               @QueryParam("limit") Integer limit);

    @GET
    @Path("/speakers/{id}")
    SpeakerView speaker(@PathParam("id") String id);

    @GET
    @Path("/speakers/timelines")
    List<TimelineView> timelines(@QueryParam("speakerId") List<String> speakerIds,
                                 @QueryParam("from") String from,
                                 @QueryParam("to") String to,
                                 @QueryParam("after") String after,
                                 @QueryParam("limit") Integer limit);

    @GET
    @Path("/events")
    Page<EventView> events(@QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @QueryParam("type") String type,
                           @QueryParam("participantId") String participantId,
                           @QueryParam("status") String status,
                           @QueryParam("location") String location,
                           @QueryParam("articleId") List<String> articleIds,
                           @QueryParam("id") List<String> ids,
                           @QueryParam("offset") Integer offset,
                           @QueryParam("limit") Integer limit);

    @GET
    @Path("/events/{id}")
    EventView event(@PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Problems.toException(SERVICE, response);
    }
}
