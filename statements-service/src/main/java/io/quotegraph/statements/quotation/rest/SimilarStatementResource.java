package io.quotegraph.statements.quotation.rest;

import io.quotegraph.model.view.SimilarStatementView;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.quotation.service.QuotationService;
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

/**
 * Statements of the same speaker saying nearly the same thing on other occasions, with their similarity score.
 * (A separate root: "/statements/{id}/similar" would need a method in the statement package's resource, which owns
 * "/statements".)
 */
@Produces(MediaType.APPLICATION_JSON)
@Path("/similar-statements")
public class SimilarStatementResource {

    @Inject
    QuotationService service;

    @GET
    @Path("/{id}")
    @Operation(summary = "The statements similar to this one, best first (at most 20)")
    public List<SimilarStatementView> ofStatement(@PathParam("id") String id) {
        return service.similar(id);
    }

    @GET
    @Operation(summary = "The statements similar to each given statement (statementId says to which), best first")
    public List<SimilarStatementView> ofStatements(
            @Parameter(description = "statement id (repeatable, 1 to 100)") @QueryParam("statementId") List<String> statementIds) {
        List<String> ids = Params.values("statementId", statementIds);
        if (ids.isEmpty()) {
            throw Params.invalid("statementId", "at least one statement id is required");
        }
        return service.similar(ids);
    }
}
