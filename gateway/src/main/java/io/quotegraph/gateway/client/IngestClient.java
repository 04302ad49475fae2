package io.quotegraph.gateway.client;

import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.Page;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** ingest-service's REST API. Use it through {@link IngestBackend}, which translates failures. */
@RegisterRestClient(configKey = IngestClient.SERVICE)
@RegisterClientHeaders(CallerCredentials.class)
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IngestClient {

    String SERVICE = "ingest-service";
    String NDJSON = "application/x-ndjson";

    @POST
    ArticleView create(NewArticle article);

    /** NDJSON in (one article per line), NDJSON out (one {@link BatchLineResult} per line, in order). */
    @POST
    @Path("/batch")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    String batch(String articles);

    @GET
    @Path("/{id}")
    ArticleView get(@PathParam("id") String id);

    @GET
    Page<ArticleView> list(@QueryParam("source") String source,
                           @QueryParam("from") String from,
                           @QueryParam("to") String to,
                           @QueryParam("offset") Integer offset,
                           @QueryParam("limit") Integer limit);

    @GET
    Page<ArticleView> byIds(@QueryParam("id") List<String> ids, @QueryParam("limit") Integer limit,
                            @QueryParam("withText") Boolean withText);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Problems.toException(SERVICE, response);
    }
}
