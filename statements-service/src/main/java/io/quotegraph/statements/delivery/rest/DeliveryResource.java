package io.quotegraph.statements.delivery.rest;

import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.model.view.DeliveryBatchResult;
import io.quotegraph.model.view.DeliveryResult;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import io.quotegraph.statements.delivery.service.DeliveryService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.util.List;

@Path("/articles")
public class DeliveryResource {

    @Inject
    DeliveryService service;

    @PUT
    @Path("/{articleId}/extraction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces the article's statements with those of its extraction; the same payload again changes nothing")
    public DeliveryResult deliver(
            @PathParam("articleId") String articleId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleExtraction.class))) ArticleExtraction extraction) {
        return service.deliver(articleId, extraction);
    }

    @POST
    @Path("/extractions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Applies the extractions of several articles (at most " + DeliveryService.MAX_BATCH_ARTICLES
            + ", 16 MiB) as one request: each as its PUT would, with one outcome per article; an invalid article is "
            + "rejected (status 400 in its outcome) without the others")
    public DeliveryBatchResult deliverAll(
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleExtraction[].class))) List<ArticleExtraction> extractions) {
        // checked after parsing (a body of up to quarkus.http.limits.max-body-size is read), to answer problem+json
        if (contentLength != null && contentLength > DeliveryService.MAX_BATCH_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "a batch is at most "
                    + DeliveryService.MAX_BATCH_BYTES + " bytes, got " + contentLength);
        }
        return service.deliverAll(extractions);
    }
}
