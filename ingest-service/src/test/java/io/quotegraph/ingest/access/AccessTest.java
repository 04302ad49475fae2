package io.quotegraph.ingest.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.ingest.support.IngestTestResources;
import io.quotegraph.rest.security.AuthOn;
import io.quotegraph.security.DevKeys;
import io.quotegraph.security.Roles;
import io.quotegraph.security.TokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.quotegraph.rest.security.AuthOn.bearer;
import static io.quotegraph.ingest.support.Articles.article;
import static io.quotegraph.ingest.support.Articles.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** With auth on: every write needs the ingestor role, reads stay public, deliveries carry a service token. */
@QuarkusTest
@TestProfile(AuthOn.class)
@WithTestResource(IngestTestResources.class)
class AccessTest {

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String statementsUrl;

    private static RequestSpecification as(String authorization) {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        return authorization == null ? spec : spec.header("Authorization", authorization);
    }

    @Test
    void ingestionNeedsTheIngestorRole() {
        Map<String, Object> body = article(unique());
        as(null).body(body).post("/articles").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:quotegraph:problem:unauthorized")).body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401)).body("detail", startsWith("a valid bearer token"));
        as(bearer("carol", Roles.CURATOR, Roles.SERVICE)).body(body).post("/articles").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:quotegraph:problem:forbidden"))
                .body("title", equalTo("Forbidden")).body("status", equalTo(403));
        as(AuthOn.expired("ian", Roles.INGESTOR)).body(body).post("/articles").then().statusCode(401)
                .contentType("application/problem+json").body("detail", startsWith("the bearer token was rejected"));
        as(AuthOn.foreign("ian", Roles.INGESTOR)).body(body).post("/articles").then().statusCode(401)
                .contentType("application/problem+json");
        // a token from another issuer, though signed with the trusted key
        as("Bearer " + new TokenIssuer(DevKeys.privateKey(), "https://elsewhere.example").issue("ian",
                java.util.List.of(Roles.INGESTOR), Duration.ofMinutes(5)))
                .body(body).post("/articles").then().statusCode(401).contentType("application/problem+json");
        as(null).body("{\"url\":\"x\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).contentType("application/x-ndjson").post("/articles/batch")
                .then().statusCode(401).contentType("application/problem+json");
        as(null).body(Map.of("url", "https://feeds.example/" + unique())).post("/feeds").then().statusCode(401);
        as(null).delete("/feeds/00000000-0000-0000-0000-000000000000").then().statusCode(401);

        String id = as(bearer("ian", Roles.INGESTOR)).body(body).post("/articles").then().statusCode(201)
                .extract().path("id");
        given().get("/articles/" + id).then().statusCode(200).body("id", equalTo(id));
        as(bearer("ian", Roles.INGESTOR)).delete("/feeds/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void readsArePublicAndABadTokenNeverFailsThem() {
        given().get("/articles").then().statusCode(200);
        given().get("/feeds").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-jwt").get("/articles").then().statusCode(200);
        given().header("Authorization", AuthOn.expired("x", Roles.INGESTOR)).get("/feeds").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void deliveriesCarryAServiceTokenSignedWithTheServiceKey() throws Exception {
        String id = as(bearer("ian", Roles.INGESTOR)).body(article(unique())).post("/articles").then().statusCode(201)
                .extract().path("id");
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        String authorization = null;
        Instant deadline = Instant.now().plusSeconds(20);
        while (authorization == null && Instant.now().isBefore(deadline)) {
            String puts = http.send(HttpRequest.newBuilder(URI.create(statementsUrl + "/_control/puts")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode put : mapper.readTree(puts)) {
                if (put.get("articleId").asText().equals(id)) {
                    authorization = put.get("authorization").asText();
                }
            }
            Thread.sleep(100);
        }
        assertThat(authorization).as("the delivery of %s", id).startsWith("Bearer ");
        JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(DevKeys.publicKey())
                .setExpectedIssuer(TokenIssuer.DEFAULT_ISSUER).setRequireExpirationTime().build()
                .processToClaims(authorization.substring("Bearer ".length()));
        assertThat(claims.getSubject()).isEqualTo("ingest-service");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly(Roles.SERVICE);
    }
}
