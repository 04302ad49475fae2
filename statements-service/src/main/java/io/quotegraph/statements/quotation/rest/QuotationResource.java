package io.quotegraph.statements.quotation.rest;

import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.QuotationView;
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

@Path("/quotations")
@Produces(MediaType.APPLICATION_JSON)
public class QuotationResource {

    @Inject
    QuotationService service;

    @GET
    @Operation(summary = "A speaker's quotations (sort=reach: most reporting articles first, the default; firstSeen: "
            + "newest first), or the quotations of the given statements; exactly one of speakerId and statementId")
    public Page<QuotationView> list(
            @Parameter(description = "speaker id (a merged speaker answers as its target)") @QueryParam("speakerId") String speakerId,
            @Parameter(description = "statement id (repeatable, ≤ 100): the quotations these statements report") @QueryParam("statementId") List<String> statementIds,
            @Parameter(description = "reach (default) or firstSeen; with speakerId only") @QueryParam("sort") String sort,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        List<String> statements = Params.values("statementId", statementIds);
        boolean bySpeaker = speakerId != null && !speakerId.isBlank();
        if (bySpeaker == !statements.isEmpty()) {
            throw Params.invalid("speakerId", "give either 'speakerId' or 'statementId', not both or neither");
        }
        int pageOffset = Params.offset(offset);
        int pageLimit = Params.limit(limit);
        if (!bySpeaker) {
            if (sort != null && !sort.isBlank()) {
                throw Params.invalid("sort", "only with 'speakerId'");
            }
            List<QuotationView> all = service.ofStatements(statements);
            int from = Math.min(pageOffset, all.size());
            return new Page<>(all.subList(from, Math.min(all.size(), from + pageLimit)), pageOffset, pageLimit, all.size());
        }
        return service.ofSpeaker(speakerId.trim(), sort(sort), pageOffset, pageLimit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One quotation: its canonical text, first-seen time, reach and every reporting statement")
    public QuotationView get(@PathParam("id") String id) {
        return service.get(id);
    }

    private static QuotationService.Sort sort(String raw) {
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("reach")) {
            return QuotationService.Sort.REACH;
        }
        if (raw.trim().equalsIgnoreCase("firstSeen")) {
            return QuotationService.Sort.FIRST_SEEN;
        }
        throw Params.invalid("sort", "must be 'reach' or 'firstSeen', got '" + raw + "'");
    }
}
