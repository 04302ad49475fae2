package io.quotegraph.statements;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(MongoTestResource.class)
class PlatformTest {

    @Test
    void readinessIncludesMongo() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("MongoDB"));
    }

    @Test
    void openApiDescribesTheEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/statements/{id}"))
                .body(containsString("/articles/{articleId}/extraction"))
                .body(containsString("/speakers"))
                .body(containsString("/events"))
                .body(containsString("ArticleExtraction"))
                .body(containsString("StatementView"));
    }

    @Test
    void unknownPathIs404Problem() {
        given().get("/nothing-here").then().statusCode(404);
    }
}
