package io.quotegraph.gateway.quotation;

import io.quotegraph.gateway.client.StatementsClient;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.QuotationView;
import io.quotegraph.model.view.SimilarStatementView;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
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

/** statements-service's quotation API (the same service and URL as {@link StatementsClient}). */
@RegisterRestClient(configKey = StatementsClient.SERVICE)
@RegisterClientHeaders(CallerCredentials.class)
@Produces(MediaType.APPLICATION_JSON)
public interface QuotationsClient {

    @GET
    @Path("/quotations/{id}")
    QuotationView quotation(@PathParam("id") String id);

    @GET
    @Path("/quotations")
    Page<QuotationView> quotations(@QueryParam("speakerId") String speakerId,
                                   @QueryParam("statementId") List<String> statementIds,
                                   @QueryParam("sort") String sort,
                                   @QueryParam("offset") Integer offset,
                                   @QueryParam("limit") Integer limit);

    @GET
    @Path("/similar-statements")
    List<SimilarStatementView> similar(@QueryParam("statementId") List<String> statementIds);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return StatementsClient.toException(response);
    }
}
