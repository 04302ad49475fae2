package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.rest.security.AuthOn;
import io.quotegraph.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.quotegraph.rest.security.AuthOn.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** With auth on: deliveries need the service role, curation the curator role; reads stay public. */
@QuarkusTest
@TestProfile(AuthOn.class)
@WithTestResource(MongoTestResource.class)
class AccessTest {

    private static final String ID = "access-" + Articles.unique();

    private static Map<String, Object> payload(String articleId) {
        return new Articles(articleId).speaker("S1", "Vera Access", "PERSON", List.of(), null, null)
                .statement("DIRECT", "We stand together", "Vera Access", "said", "S1").payload();
    }

    private static RequestSpecification as(String authorization) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return authorization == null ? spec : spec.header("Authorization", authorization);
    }

    @Test
    void deliveryNeedsTheServiceRole() {
        as(null).body(payload(ID)).put("/articles/{id}/extraction", ID)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:quotegraph:problem:unauthorized")).body("status", equalTo(401))
                .body("title", equalTo("Unauthorized")).body("detail", startsWith("a valid bearer token"));
        as(bearer("carol", Roles.CURATOR, Roles.INGESTOR)).body(payload(ID)).put("/articles/{id}/extraction", ID)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:quotegraph:problem:forbidden")).body("status", equalTo(403));
        as(AuthOn.expired("ingest-service", Roles.SERVICE)).body(payload(ID)).put("/articles/{id}/extraction", ID)
                .then().statusCode(401).contentType("application/problem+json");
        as(AuthOn.foreign("ingest-service", Roles.SERVICE)).body(payload(ID)).put("/articles/{id}/extraction", ID)
                .then().statusCode(401).contentType("application/problem+json");
        as("Bearer not-a-jwt").body(payload(ID)).put("/articles/{id}/extraction", ID)
                .then().statusCode(401).contentType("application/problem+json");
        // the batch endpoint is a delivery too
        as(null).body(List.of(payload(ID))).post("/articles/extractions")
                .then().statusCode(401).contentType("application/problem+json");
        as(bearer("carol", Roles.CURATOR, Roles.INGESTOR)).body(List.of(payload(ID))).post("/articles/extractions")
                .then().statusCode(403).contentType("application/problem+json");
        // nothing was stored by the refused attempts
        given().queryParam("articleId", ID).get("/statements").then().statusCode(200).body("totalCount", equalTo(0));

        as(bearer("ingest-service", Roles.SERVICE)).body(payload(ID)).put("/articles/{id}/extraction", ID)
                .then().statusCode(200);
        given().queryParam("articleId", ID).get("/statements").then().statusCode(200).body("totalCount", equalTo(1));
    }

    @Test
    void curationNeedsTheCuratorRoleAndLogsTheTokensPrincipal() {
        String article = ID + "-cur";
        as(bearer("ingest-service", Roles.SERVICE)).body(payload(article))
                .put("/articles/{id}/extraction", article).then().statusCode(200);
        String speakerId = given().get("/statements/{id}", article + ":0").then().statusCode(200)
                .extract().path("speakerId");
        Map<String, Object> rename = Map.of("speakerId", speakerId, "name", "Renamed " + ID);

        as(null).body(rename).post("/curation/rename").then().statusCode(401).contentType("application/problem+json");
        as(bearer("ingest-service", Roles.SERVICE, Roles.INGESTOR)).body(rename).post("/curation/rename")
                .then().statusCode(403).contentType("application/problem+json");
        as(AuthOn.foreign("carol", Roles.CURATOR)).body(rename).post("/curation/rename")
                .then().statusCode(401).contentType("application/problem+json");
        as(null).body(Map.of("name", "Nowhere " + ID, "type", "LOCATION")).post("/gazetteer/entries")
                .then().statusCode(401).contentType("application/problem+json");

        // the log names the token's principal, not the header a caller could set to anything
        as(bearer("carol", Roles.CURATOR)).header("X-Quotegraph-Actor", "mallory").body(rename).post("/curation/rename")
                .then().statusCode(200).body("name", equalTo("Renamed " + ID));
        given().queryParam("speakerId", speakerId).get("/curation/log").then().statusCode(200)
                .body("totalCount", equalTo(1)).body("items[0].actor", equalTo("carol"));
    }

    @Test
    void readsArePublicAndABadTokenNeverFailsThem() {
        given().get("/statements").then().statusCode(200);
        given().get("/speakers").then().statusCode(200);
        given().get("/curation/log").then().statusCode(200);
        given().get("/gazetteer").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-jwt").get("/statements").then().statusCode(200);
        given().header("Authorization", AuthOn.expired("x", Roles.CURATOR)).get("/speakers").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
