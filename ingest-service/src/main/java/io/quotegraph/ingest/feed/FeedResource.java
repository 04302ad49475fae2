package io.quotegraph.ingest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.ingest.config.IngestLimits;
import io.quotegraph.rest.Problem;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Feeds: ingest a posted RSS/Atom document, and the registry of feeds polled on a schedule. */
@Path("/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds")
public class FeedResource {

    @Inject
    FeedService feeds;

    @Inject
    IngestLimits limits;

    @Inject
    ObjectMapper mapper;

    @POST
    @Path("/parse")
    @Consumes({"application/rss+xml", "application/atom+xml", "application/rdf+xml", MediaType.APPLICATION_XML,
            MediaType.TEXT_XML})
    @Operation(summary = "Ingest the items of an RSS or Atom feed document",
            description = "Each item (content, else description, as HTML) is ingested like POST /articles; the answer has "
                    + "one result per item, in order, as POST /articles/batch. `source` overrides the feed's title as "
                    + "the items' source. A document with a DOCTYPE (entity declarations) is refused (400).")
    @APIResponse(responseCode = "200", description = "one result per item")
    @APIResponse(responseCode = "400", description = "not a (safe) RSS or Atom document",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "over the batch size limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FeedService.FeedIngestion parse(InputStream body, @QueryParam("source") String source) {
        byte[] xml;
        try {
            xml = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBatchBytes() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (xml.length > limits.maxBatchBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "the feed is larger than " + limits.maxBatchBytes() + " bytes");
        }
        if (xml.length == 0) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "the body is empty; expected an RSS or Atom document");
        }
        if (source != null && source.length() > 200) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "source must be at most 200 characters");
        }
        return feeds.ingestDocument(xml, source);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a feed to poll",
            description = "{url, source?, pollIntervalSeconds?}: 201 with the feed, polled first right away; 200 with the "
                    + "registered one if the URL is registered already.")
    @APIResponse(responseCode = "201", description = "registered")
    @APIResponse(responseCode = "200", description = "already registered")
    @APIResponse(responseCode = "400", description = "invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(InputStream body) {
        NewFeed input;
        try {
            byte[] bytes = body.readNBytes(64 * 1024 + 1);
            if (bytes.length > 64 * 1024) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than 65536 bytes");
            }
            input = bytes.length == 0 ? null : mapper.readValue(bytes, NewFeed.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body is not a valid feed registration: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FeedService.Registration registration = feeds.register(input);
        Response.ResponseBuilder response = registration.created()
                ? Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/feeds/" + registration.feed().id())
                : Response.ok();
        return response.entity(registration.feed()).build();
    }

    @GET
    @Operation(summary = "The registered feeds with their polling state, oldest registration first")
    public List<FeedView> list() {
        return feeds.listFeeds();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One registered feed with its polling state")
    @APIResponse(responseCode = "404", description = "no such feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FeedView get(@PathParam("id") String id) {
        return feeds.get(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no feed with id '" + id + "'"));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop polling a feed (its articles stay)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no such feed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") String id) {
        if (!feeds.remove(id)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no feed with id '" + id + "'");
        }
        return Response.noContent().build();
    }
}
