package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.rest.security.AuthOn;
import io.quotegraph.security.Roles;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** With quotegraph.auth.protect-reads=true every read needs a valid token (any role); probes stay public. */
@QuarkusTest
@TestProfile(AuthOn.ProtectedReads.class)
@WithTestResource(MongoTestResource.class)
class ProtectedReadsAccessTest {

    @TestHTTPResource("/statements/stream")
    URI stream;

    @Test
    void readsNeedAValidToken() {
        for (String path : new String[]{"/statements", "/speakers", "/curation/log", "/gazetteer", "/events"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:quotegraph:problem:unauthorized"));
            given().header("Authorization", AuthOn.expired("reader", Roles.CURATOR)).get(path).then().statusCode(401);
            given().header("Authorization", AuthOn.foreign("reader")).get(path).then().statusCode(401);
            given().header("Authorization", AuthOn.bearer("reader")).get(path).then().statusCode(200);
        }
        given().get("/q/health").then().statusCode(200);
    }

    /** The gateway's statement stream: refused without a token, opened with a role-less one (the gateway's own). */
    @Test
    void theStatementStreamNeedsAValidTokenOfAnyRole() throws Exception {
        given().get("/statements/stream").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AuthOn.expired("gateway")).get("/statements/stream").then().statusCode(401);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", AuthOn.bearer("gateway")).timeout(Duration.ofSeconds(10)).build();
        // the response never ends: read its status and first comment, then hang up
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new String(body.readNBytes(":connected".length()))).isEqualTo(":connected");
        }
    }

    @Test
    void writesStillNeedTheirRole() {
        given().header("Authorization", AuthOn.bearer("reader")).contentType("application/json").body("{}")
                .post("/curation/rename").then().statusCode(403).contentType("application/problem+json");
    }
}
