package io.quotegraph.gateway.graphql;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quotegraph.gateway.fake.FakeBackends;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** GraphiQL is served in every profile unless quarkus.smallrye-graphql.ui.enabled=false; the API stays up. */
@QuarkusTest
@TestProfile(GraphiqlSwitchTest.GraphiqlOff.class)
@WithTestResource(FakeBackends.class)
class GraphiqlSwitchTest {

    public static class GraphiqlOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.ui.enabled", "false");
        }
    }

    @Test
    void graphiqlCanBeTurnedOff() {
        given().redirects().follow(true).get("/graphql-ui/").then().statusCode(404);
        given().contentType("application/json").body(Map.of("query", "{ articles { totalCount } }"))
                .post("/graphql").then().statusCode(200);
    }
}
