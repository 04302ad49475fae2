package io.quotegraph.statements.delivery.rest;

import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.model.view.DeliveryResult;
import io.quotegraph.statements.delivery.service.DeliveryService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/articles/{articleId}/extraction")
public class DeliveryResource {

    @Inject
    DeliveryService service;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replaces the article's statements with those of its extraction; the same payload again changes nothing")
    public DeliveryResult deliver(
            @PathParam("articleId") String articleId,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleExtraction.class))) ArticleExtraction extraction) {
        return service.deliver(articleId, extraction);
    }
}
