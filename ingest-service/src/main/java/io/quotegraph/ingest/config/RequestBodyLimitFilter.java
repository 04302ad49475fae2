package io.quotegraph.ingest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.rest.Problem;
import io.quotegraph.rest.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Answers {@code 413 application/problem+json} to a POST whose declared {@code Content-Length} is over the limit of
 * its endpoint, before anything reads the body. The body is drained (so that the client gets to read the answer)
 * unless it is absurdly large, in which case the connection is closed. Bodies without a length (chunked) are checked
 * while they are read: by the batch reader and by the per-article text limit; Vert.x's
 * {@code quarkus.http.limits.max-body-size} is the last backstop.
 */
@ApplicationScoped
public class RequestBodyLimitFilter {

    private static final Logger LOG = Logger.getLogger(RequestBodyLimitFilter.class);
    /** Before Quarkus's own upload-limit handler (-2) and the REST routes. */
    private static final int ORDER = -10;
    private static final long DRAIN_FACTOR = 4;

    @Inject
    IngestLimits limits;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.post("/articles").order(ORDER).handler(ctx -> check(ctx, limits.maxRequestBytes(), "an article"));
        router.post("/articles/batch").order(ORDER).handler(ctx -> check(ctx, limits.maxBatchBytes(), "a batch"));
    }

    private void check(RoutingContext ctx, long max, String what) {
        long length = contentLength(ctx.request());
        if (length <= max) {
            ctx.next();
            return;
        }
        String detail = "the request body is " + length + " bytes; at most " + max + " bytes are accepted for " + what;
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        HttpServerRequest request = ctx.request();
        Runnable answer = () -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(body));
            }
        };
        LOG.debugf("rejected %s %s: %s", request.method(), request.path(), detail);
        if (request.isEnded() || length > max * DRAIN_FACTOR) {
            answer.run();
            return;
        }
        request.handler(chunk -> {
        });
        request.exceptionHandler(e -> answer.run());
        request.endHandler(v -> answer.run());
        request.resume();
    }

    private static long contentLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
