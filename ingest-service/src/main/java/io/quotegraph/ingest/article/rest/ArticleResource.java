package io.quotegraph.ingest.article.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quotegraph.ingest.article.service.ArticleQuery;
import io.quotegraph.ingest.article.service.ArticleService;
import io.quotegraph.ingest.article.service.ArticleStatusView;
import io.quotegraph.ingest.article.service.IngestResult;
import io.quotegraph.ingest.article.service.NewArticle;
import io.quotegraph.ingest.config.IngestLimits;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.Page;
import io.quotegraph.rest.Problem;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/** The articles API: ingest one or a batch, read one, list and look up by ids. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class ArticleResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final int DEFAULT_LIMIT = 20;

    @Inject
    ArticleService service;

    @Inject
    IngestLimits limits;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one article",
            description = "201 with the stored article, or 200 with the existing one if the same URL or the same content "
                    + "(SHA-256 of the cleaned text) was ingested before. Exactly one of text and html.")
    @APIResponse(responseCode = "201", description = "stored")
    @APIResponse(responseCode = "200", description = "a duplicate of an existing article, which is returned")
    @APIResponse(responseCode = "400", description = "invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "over a limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "not application/json", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewArticle.class)))
    public Response create(InputStream body) {
        NewArticle article = JsonBodies.readArticle(articleReader(), body, limits.maxRequestBytes());
        IngestResult result = service.ingest(article);
        ArticleView view = result.article();
        if (result.created()) {
            return Response.status(Response.Status.CREATED)
                    .header(HttpHeaders.LOCATION, "/articles/" + view.id())
                    .entity(view)
                    .build();
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("/batch")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Ingest a batch of articles",
            description = "One JSON article per line (blank lines are skipped). The answer has one line per article, in "
                    + "order: {\"line\":n,\"status\":\"accepted\"|\"duplicate\"|\"rejected\",\"id\":…,\"reason\":…}. "
                    + "A bad line never fails the others.")
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(implementation = NewArticle.class)))
    @APIResponse(responseCode = "200", description = "one result line per article",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchLineResult.class)))
    @APIResponse(responseCode = "413", description = "over a limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response batch(InputStream body) {
        List<NdjsonBody.Line> lines = NdjsonBody.read(body, limits.maxBatchBytes(), limits.maxBatchLines());
        ObjectReader reader = articleReader();
        // the lines' database work is done for all of them at once (see ArticleService.ingestAll); a line that is
        // too long or no JSON article is rejected alone, as its supplier throws
        List<Supplier<NewArticle>> articles = lines.stream().<Supplier<NewArticle>>map(line -> () -> {
            int bytes = line.content().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limits.maxRequestBytes()) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the line is " + bytes + " bytes; at most "
                        + limits.maxRequestBytes() + " bytes are accepted per article");
            }
            return JsonBodies.readArticle(reader, line.content());
        }).toList();
        List<ArticleService.Ingested> ingested = service.ingestAll(articles);
        List<BatchLineResult> results = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            results.add(IngestOutcomes.of(lines.get(i).number(), ingested.get(i)));
        }
        StringBuilder out = new StringBuilder(lines.size() * 80);
        for (BatchLineResult result : results) {
            try {
                out.append(mapper.writeValueAsString(result)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Response.ok(out.toString(), NDJSON).build();
    }

    private ObjectReader articleReader() {
        return mapper.readerFor(NewArticle.class);
    }

    /** The answer of {@link #statuses}. */
    public record Statuses(List<ArticleStatusView> items) {
    }

    @GET
    @Path("/statuses")
    @Operation(summary = "The processing status of articles by id",
            description = "id=…&id=… (repeatable, at most the page size, 100 by default): each stored article's id, "
                    + "status and deliveredAt, in the order asked (unknown ids are missing). A cheap probe for "
                    + "callers waiting for delivery: one short query, none of the articles' other fields.")
    @APIResponse(responseCode = "200", description = "the statuses")
    @APIResponse(responseCode = "400", description = "no id, or too many", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Statuses statuses(@QueryParam("id") List<String> ids) {
        List<String> idList = distinctIds(ids);
        if (idList == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "id is required (id=…&id=…)");
        }
        return new Statuses(service.statuses(idList));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article by id")
    @APIResponse(responseCode = "200", description = "the article")
    @APIResponse(responseCode = "404", description = "no such article", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ArticleView get(@PathParam("id") String id) {
        return service.get(id).orElseThrow(
                () -> new ProblemException(ProblemType.NOT_FOUND, "no article with id '" + id + "'"));
    }

    @GET
    @Operation(summary = "List articles, newest first",
            description = "Filters: source (exact), from (inclusive) and to (exclusive) on publishedAt as ISO-8601 "
                    + "instants (or dates, meaning midnight UTC). Or id=…&id=… (repeatable, at most 100): exactly those "
                    + "articles (unknown ids are missing). Ordered by publishedAt descending, then id. withText=false "
                    + "leaves the articles' text out (null) for callers that show only their other fields.")
    @APIResponse(responseCode = "200", description = "one page")
    @APIResponse(responseCode = "400", description = "invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ArticleView> list(@QueryParam("source") String source,
                                  @QueryParam("from") String from,
                                  @QueryParam("to") String to,
                                  @QueryParam("offset") String offset,
                                  @QueryParam("limit") String limit,
                                  @QueryParam("id") List<String> ids,
                                  @QueryParam("withText") String withText) {
        int max = limits.maxPageSize();
        List<String> idList = distinctIds(ids);
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "from (" + fromInstant + ") is after to (" + toInstant + ")");
        }
        int offsetValue = integer("offset", offset, 0);
        if (offsetValue < 0) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "offset must be 0 or more, got " + offsetValue);
        }
        int limitValue = integer("limit", limit, idList != null ? max : DEFAULT_LIMIT);
        if (limitValue < 1 || limitValue > max) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "limit must be between 1 and " + max + ", got " + limitValue);
        }
        String sourceValue = source == null || source.isBlank() ? null : source.strip();
        return service.list(new ArticleQuery(sourceValue, fromInstant, toInstant, idList, offsetValue, limitValue,
                bool("withText", withText, true)));
    }

    /**
     * The distinct non-blank ids given, or null when the parameter is absent (blank ids name no article).
     * @throws ProblemException for more than a page of them
     */
    private List<String> distinctIds(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        List<String> idList = List.copyOf(new LinkedHashSet<>(ids.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
        if (idList.size() > limits.maxPageSize()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "id is given " + idList.size() + " times; at most "
                    + limits.maxPageSize() + " ids per request");
        }
        return idList;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ProblemException(ProblemType.INVALID_INPUT, name
                        + " must be an ISO-8601 instant such as 2023-09-26T09:00:00Z (or a date such as 2023-09-26), got '"
                        + abbreviate(v) + "'");
            }
        }
    }

    private static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, name + " must be an integer, got '" + abbreviate(value) + "'");
        }
    }

    private static boolean bool(String name, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProblemException(ProblemType.INVALID_INPUT,
                    name + " must be true or false, got '" + abbreviate(value) + "'");
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
