package io.quotegraph.statements.statement.rest;

import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.statement.service.PerParentStatements;
import io.quotegraph.statements.statement.service.StatementService;
import io.quotegraph.statements.statement.service.StatementService.StatementQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Path("/statements")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    @Inject
    StatementService service;
    @Inject
    PerParentStatements perParentStatements;

    @GET
    @Operation(summary = "Statements matching every given filter, ordered by the article's publishedAt (newest first, or oldest with order=OLDEST), articleId, index")
    public Page<StatementView> list(
            @Parameter(description = "canonical speaker id (repeatable, ≤ 100)") @QueryParam("speakerId") List<String> speakerIds,
            @Parameter(description = "article id (repeatable, ≤ 100)") @QueryParam("articleId") List<String> articleIds,
            @Parameter(description = "event id (repeatable, ≤ 100)") @QueryParam("occasionId") List<String> occasionIds,
            @Parameter(description = "statement id (repeatable, ≤ 100)") @QueryParam("id") List<String> ids,
            @Parameter(description = "canonical entity the statement is about (repeatable, ≤ 100)") @QueryParam("entityId") List<String> entityIds,
            @Parameter(description = "words that must all occur in the content (case-insensitive)") @QueryParam("text") String text,
            @Parameter(description = "DIRECT, INDIRECT or MIXED") @QueryParam("kind") String kind,
            @Parameter(description = "ISO instant; publishedAt ≥ from") @QueryParam("from") String from,
            @Parameter(description = "ISO instant; publishedAt ≤ to") @QueryParam("to") String to,
            @Parameter(description = "the article's source (repeatable, ≤ 100)") @QueryParam("source") List<String> sources,
            @Parameter(description = "NEWEST (default) or OLDEST article first") @QueryParam("order") String order,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        Instant fromInstant = Params.instant("from", from, true);
        Instant toInstant = Params.instant("to", to, false);
        Params.range("from", fromInstant, "to", toInstant);
        StatementQuery query = new StatementQuery(
                Params.values("speakerId", speakerIds), Params.values("articleId", articleIds),
                Params.values("occasionId", occasionIds), Params.values("id", ids),
                text, kind(kind), fromInstant, toInstant, Params.values("entityId", entityIds),
                Params.values("source", sources), oldestFirst(order));
        return service.list(query, Params.offset(offset), Params.limit(limit));
    }

    @GET
    @Path("/per-parent")
    @Operation(summary = "For each given article (or speaker): its first N statements, in the order GET /statements lists "
            + "them for that parent alone, and its total. Exactly one of articleId and speakerId; 1–100 ids; first 1–100; "
            + "ids × first ≤ 1000. An article's total is its last completed delivery's statement count; a speaker's is the "
            + "sum of its article mappings' counts, which can differ from its listed statements while a resolution runs.")
    public List<ParentStatementsView> perParent(
            @Parameter(description = "article id (repeatable, 1–100)") @QueryParam("articleId") List<String> articleIds,
            @Parameter(description = "canonical speaker id (repeatable, 1–100)") @QueryParam("speakerId") List<String> speakerIds,
            @Parameter(description = "statements per parent, 1–100 (required)") @QueryParam("first") String first) {
        List<String> articles = Params.values("articleId", articleIds);
        List<String> speakers = Params.values("speakerId", speakerIds);
        if (articles.isEmpty() == speakers.isEmpty()) {
            throw Params.invalid(articles.isEmpty() ? "articleId" : "speakerId",
                    "give exactly one of 'articleId' and 'speakerId' (1–" + PerParentStatements.MAX_PARENTS + " ids)");
        }
        List<String> parents = articles.isEmpty() ? speakers : articles;
        int perParent = Params.integer("first", first, 0);
        if (perParent < 1 || perParent > PerParentStatements.MAX_FIRST) {
            throw Params.invalid("first", "must be between 1 and " + PerParentStatements.MAX_FIRST
                    + (first == null || first.isBlank() ? " (required)" : ", got " + perParent));
        }
        if ((long) parents.size() * perParent > PerParentStatements.MAX_ITEMS) {
            throw Params.invalid("first", parents.size() + " ids × first " + perParent + " exceeds "
                    + PerParentStatements.MAX_ITEMS + " statements");
        }
        return articles.isEmpty() ? perParentStatements.ofSpeakers(speakers, perParent)
                : perParentStatements.ofArticles(articles, perParent);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One statement by its id \"{articleId}:{index}\"")
    public StatementView get(@PathParam("id") String id) {
        return service.get(id);
    }

    private static boolean oldestFirst(String raw) {
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("NEWEST")) {
            return false;
        }
        if (raw.trim().equalsIgnoreCase("OLDEST")) {
            return true;
        }
        throw Params.invalid("order", "must be NEWEST or OLDEST, got '" + raw + "'");
    }

    private static StatementKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return StatementKind.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Params.invalid("kind", "must be one of DIRECT, INDIRECT, MIXED, got '" + raw + "'");
        }
    }
}
