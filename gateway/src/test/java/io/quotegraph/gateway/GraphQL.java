package io.quotegraph.gateway;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;

/** Posts GraphQL documents to the running gateway, and reads the fake backends' request counts. */
public final class GraphQL {

    private GraphQL() {
    }

    public static JsonPath query(String document) {
        return query(document, Map.of());
    }

    public static JsonPath query(String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The messages of the response's errors (empty if none). */
    public static List<String> errors(JsonPath response) {
        List<String> messages = response.getList("errors.message", String.class);
        return messages == null ? List.of() : messages;
    }

    public static void resetCounts(String backendUrl) {
        given().post(backendUrl + "/__reset").then().statusCode(200);
    }

    /** Requests per "METHOD /path" since the last reset. */
    public static Map<String, Integer> counts(String backendUrl) {
        Map<String, Integer> raw = given().get(backendUrl + "/__stats").then().statusCode(200)
                .extract().jsonPath().getMap("", String.class, Integer.class);
        return new TreeMap<>(raw);
    }

    /** The raw query string of the last request to a "METHOD /path" (null if none since the last reset). */
    public static String lastQuery(String backendUrl, String route) {
        Map<String, String> last = given().get(backendUrl + "/__last-queries").then().statusCode(200)
                .extract().jsonPath().getMap("", String.class, String.class);
        return last.get(route);
    }
}
