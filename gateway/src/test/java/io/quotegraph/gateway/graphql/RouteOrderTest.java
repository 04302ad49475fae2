package io.quotegraph.gateway.graphql;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.quotegraph.gateway.GraphQL;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the response cache answers ({@link GraphQLRoutes}): after Quarkus's HTTP permission check, so a request it
 * refuses is refused even when its answer is cached; before SmallRye GraphQL's routes (a hit activates no CDI request
 * context, which SmallRye's WebSocket-upgrade route does for every request); and before the body checks, which still
 * reject what they rejected, whatever is cached. A test permission set sends every POST /graphql through a policy that
 * refuses the requests marked with a header.
 */
@QuarkusTest
@TestProfile(RouteOrderTest.CacheAndPermission.class)
@WithTestResource(FakeBackends.class)
class RouteOrderTest {

    public static class CacheAndPermission implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(ResponseCache.ENABLED, "true", ResponseCache.STALENESS, "10m",
                    "quarkus.http.auth.permission.route-order-test.paths", "/graphql",
                    "quarkus.http.auth.permission.route-order-test.policy", RefuseMarked.NAME);
        }
    }

    /** Refuses the requests carrying {@link #HEADER}; only applies where a permission set names it (above). */
    @ApplicationScoped
    public static class RefuseMarked implements HttpSecurityPolicy {
        static final String NAME = "route-order-test-refuse-marked";
        static final String HEADER = "X-Route-Order-Test-Refuse";

        @Override
        public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                                AuthorizationRequestContext requestContext) {
            return request.request().getHeader(HEADER) != null ? Uni.createFrom().item(CheckResult.DENY)
                    : CheckResult.permit();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** Counts activations of the CDI request context (SmallRye GraphQL's handlers activate one per request). */
    @ApplicationScoped
    public static class RequestContexts {
        final AtomicInteger activations = new AtomicInteger();

        void activated(@Observes @Initialized(RequestScoped.class) Object event) {
            activations.incrementAndGet();
        }

        int count() {
            return activations.get();
        }
    }

    private static final String QUERY = "{ articles(first: 2) { edges { node { id title } } } }";

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backend;

    @Inject
    ResponseCache cache;

    @Inject
    RequestContexts requestContexts;

    @BeforeEach
    void reset() {
        cache.invalidate();
        GraphQL.resetCounts(backend);
    }

    @Test
    void aRequestThePermissionCheckRefusesIsRefusedEvenWhenItsAnswerIsCached() {
        String answer = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).as("a hit").isEqualTo(answer);
        assertThat(articleCalls()).isEqualTo(1);

        int status = given().header(RefuseMarked.HEADER, "yes").contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(Map.of("query", QUERY, "variables", Map.of())).post("/graphql")
                .then().extract().statusCode();
        assertThat(status).as("refused by the permission check, not answered from the cache").isIn(401, 403);
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(answer);
        assertThat(articleCalls()).isEqualTo(1);
    }

    @Test
    void aHitIsAnsweredBeforeSmallRyesRoutes() {
        int beforeMiss = requestContexts.count();
        String answer = ResponseCacheTest.post(null, QUERY, Map.of(), null);
        assertThat(requestContexts.count() - beforeMiss).as("a miss runs through SmallRye GraphQL").isPositive();

        int beforeHit = requestContexts.count();
        assertThat(ResponseCacheTest.post(null, QUERY, Map.of(), null)).isEqualTo(answer);
        assertThat(requestContexts.count() - beforeHit).as("a hit activates no request context").isZero();
        assertThat(articleCalls()).isEqualTo(1);
    }

    @Test
    void aBodyTheShapeCheckRejectsIsRejectedEvenWhenItDecodesToACachedOne() throws Exception {
        // the same body but for one byte of a string: a valid U+FFFD, and a malformed byte that a lenient UTF-8
        // decoding reads as U+FFFD; the first is a valid request, cached; the second is not valid JSON
        String prefix = "{\"query\": \"" + QUERY + "\", \"extensions\": {\"note\": \"";
        byte[] valid = body(prefix, "\uFFFD".getBytes(StandardCharsets.UTF_8));
        byte[] malformed = body(prefix, new byte[] {(byte) 0xFF});
        assertThat(new String(malformed, StandardCharsets.UTF_8)).isEqualTo(new String(valid, StandardCharsets.UTF_8));

        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(valid).post("/graphql").then().statusCode(200);
        }
        assertThat(articleCalls()).as("the valid body is cached").isEqualTo(1);
        given().contentType(ContentType.JSON).body(malformed).post("/graphql").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theTokenLimitStillRejectsWithTheCacheOn() {
        String tooLong = "{ articles { edges { node { " + "id ".repeat(6_000) + "} } } }";
        for (int i = 0; i < 2; i++) {
            JsonPath r = given().contentType(ContentType.JSON).body(Map.of("query", tooLong)).post("/graphql")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(GraphQL.errors(r)).singleElement().asString().contains(RequestLimits.MAX_TOKENS);
        }
        assertThat(articleCalls()).isZero();
    }

    private static byte[] body(String prefix, byte[] middle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private int articleCalls() {
        return GraphQL.counts(backend).getOrDefault("GET /articles", 0);
    }
}
