package io.quotegraph.gateway.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.fake.FakeBackends;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.quotegraph.gateway.graphql.RetitlingBackend.NEW_TITLE;
import static io.quotegraph.gateway.graphql.RetitlingBackend.QUERY;
import static io.quotegraph.gateway.graphql.RetitlingBackend.firstTitle;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS the gateway has no plain loopback to recompute an entry with, so an entry past its maximum staleness is
 * never served stale there: within the grace, where a plain-HTTP request would get the old answer at once, an HTTPS
 * request waits for a fresh one, like a miss. Same cache settings as {@link ResponseCacheStaleTest}.
 */
@QuarkusTest
@TestProfile(ResponseCacheStaleTest.StaleWhileRecomputing.class)
@WithTestResource(FakeBackends.class)
@WithTestResource(SelfSignedKeyStore.class)
class ResponseCacheOverTlsTest {

    private static final long MAX_STALENESS_MILLIS = 2_000;

    @TestHTTPResource(value = "/graphql", tls = true)
    URL graphqlOverTls;

    @ConfigProperty(name = "quarkus.rest-client.ingest-service.url")
    String backendUrl;

    private RetitlingBackend backend;

    @Inject
    ResponseCache cache;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    @AfterEach
    void reset() {
        backend = RetitlingBackend.reset(cache, backendUrl);
    }

    @Test
    void withinTheGraceAStaleEntryAskedOverTlsIsComputedAgain() throws Exception {
        String old = askOverTls();
        assertThat(askOverTls()).as("a fresh entry answers over TLS too").isEqualTo(old);
        assertThat(backend.articleCalls()).isEqualTo(1);

        Thread.sleep(MAX_STALENESS_MILLIS + 100);
        backend.retitle();
        double staleBefore = counted("stale");
        double missesBefore = counted("miss");

        String answer = askOverTls();
        assertThat(firstTitle(answer)).as("the new answer, not the stale one").isEqualTo(NEW_TITLE);
        assertThat(backend.articleCalls()).as("computed again while the client waited").isEqualTo(2);
        assertThat(counted("stale")).as("not served stale").isEqualTo(staleBefore);
        assertThat(counted("miss") - missesBefore).isEqualTo(1);
    }

    private String askOverTls() {
        return given().relaxedHTTPSValidation().baseUri(graphqlOverTls.toString())
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", QUERY, "variables", Map.of()))
                .post().then().statusCode(200).extract().asString();
    }

    private double counted(String result) {
        return registry.get(ResponseCache.METRIC).tag("result", result).counter().count();
    }
}
