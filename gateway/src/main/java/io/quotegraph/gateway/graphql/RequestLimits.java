package io.quotegraph.gateway.graphql;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits on a POST to the GraphQL endpoint that SmallRye does not report by name, checked before its routes (where:
 * {@link GraphQLRoutes}):
 * <ul>
 * <li>a body announced larger than {@value #MAX_BODY_SIZE} gets a 413 problem+json naming the limit before anything is
 * read (a chunked body is cut off at the same limit by the body handler);</li>
 * <li>a document over the parser's token limits gets a GraphQL error naming them. SmallRye enforces the same limits
 * (see {@link QueryLimits}) but reports every parse failure as "Unparseable input document". Only documents longer
 * than the smaller limit can exceed one (a token is at least a character), so most requests are not parsed here.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestLimits {

    static final String MAX_BODY_SIZE = "quarkus.http.limits.max-body-size";

    static final String MAX_TOKENS = "quarkus.smallrye-graphql.parser-max-tokens";
    static final String MAX_WHITESPACE_TOKENS = "quarkus.smallrye-graphql.parser-max-whitespace-tokens";

    @ConfigProperty(name = MAX_TOKENS)
    int maxTokens;
    @ConfigProperty(name = MAX_WHITESPACE_TOKENS)
    int maxWhitespaceTokens;
    @ConfigProperty(name = MAX_BODY_SIZE)
    MemorySize maxBodySize;

    /** Reads the body, cutting off a chunked one at the same limit (413). */
    Handler<RoutingContext> bodyReader() {
        return BodyHandler.create().setBodyLimit(maxBodySize.asLongValue());
    }

    void rejectOversizedBody(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            JsonObject problem = new JsonObject()
                    .put("type", "about:blank")
                    .put("title", "Payload Too Large")
                    .put("status", 413)
                    .put("detail", "the request body has " + length.trim() + " bytes; the limit is "
                            + maxBodySize.asLongValue() + " bytes (" + MAX_BODY_SIZE + ")");
            rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(problem.encode());
            return;
        }
        rc.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Vert.x rejects a malformed Content-Length itself
        }
    }

    void checkTokens(RoutingContext rc) {
        String document = document(rc);
        if (document != null && document.length() > Math.min(maxTokens, maxWhitespaceTokens)) {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(
                    o -> o.maxTokens(maxTokens).maxWhitespaceTokens(maxWhitespaceTokens));
            try {
                Parser.parse(ParserEnvironment.newParserEnvironment().document(document).parserOptions(options).build());
            } catch (ParseCancelledException e) {
                JsonObject error = new JsonObject()
                        .put("message", e.getMessage() + " (limits: " + MAX_TOKENS + "=" + maxTokens + ", "
                                + MAX_WHITESPACE_TOKENS + "=" + maxWhitespaceTokens + ")")
                        .put("extensions", new JsonObject().put("classification", "LimitExceeded"));
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
                return;
            } catch (InvalidSyntaxException e) {
                // an ordinary syntax error: SmallRye reports it
            }
        }
        rc.next();
    }

    /** The GraphQL document of a JSON or application/graphql body; null if there is none to check. */
    private static String document(RoutingContext rc) {
        if (rc.body() == null || rc.body().length() == 0) {
            return null;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("application/graphql")) {
            return rc.body().asString();
        }
        try {
            Object query = rc.body().asJsonObject().getValue("query");
            return query instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null; // not a JSON object: SmallRye rejects it
        }
    }
}
