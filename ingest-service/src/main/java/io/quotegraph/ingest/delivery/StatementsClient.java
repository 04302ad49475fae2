package io.quotegraph.ingest.delivery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.quotegraph.model.view.DeliveryBatchResult;
import io.quotegraph.rest.security.ServiceCredentials;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;


/**
 * statements-service as ingest-service uses it (base URL: {@code quarkus.rest-client.statements-service.url}); every
 * call carries ingest-service's service token.
 */
@RegisterRestClient(configKey = "statements-service")
@RegisterClientHeaders(ServiceCredentials.class)
@Path("/articles")
public interface StatementsClient {

    /**
     * Applies these articles' extractions in one request (at most 100 articles and 16 MiB); idempotent. One outcome
     * per article, in the order sent. The body is a JSON array of {@link io.quotegraph.model.ArticleExtraction},
     * serialised by the caller (each article's payload once, see {@code DeliveryWorker.prepare}).
     */
    @POST
    @Path("/extractions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    DeliveryBatchResult deliverAll(byte[] extractionsJson);

    /** Lenient answers: a newer statements-service may add fields to its answers. */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return defaultObjectMapper.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return StatementsServiceException.of(response);
    }
}
