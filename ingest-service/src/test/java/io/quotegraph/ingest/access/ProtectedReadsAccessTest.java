package io.quotegraph.ingest.access;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.ingest.support.IngestTestResources;
import io.quotegraph.rest.security.AuthOn;
import io.quotegraph.security.Roles;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With quotegraph.auth.protect-reads=true every read needs a valid token (any role); probes stay public. */
@QuarkusTest
@TestProfile(AuthOn.ProtectedReads.class)
@WithTestResource(IngestTestResources.class)
class ProtectedReadsAccessTest {

    @Test
    void readsNeedAValidToken() {
        for (String path : new String[]{"/articles", "/feeds"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:quotegraph:problem:unauthorized"));
            given().header("Authorization", AuthOn.expired("reader", Roles.INGESTOR)).get(path).then().statusCode(401);
            given().header("Authorization", AuthOn.foreign("reader")).get(path).then().statusCode(401);
            given().header("Authorization", AuthOn.bearer("reader")).get(path).then().statusCode(200);
        }
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
