package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

/**
 * The served schema is the reviewed one in {@value #SNAPSHOT} (a schema-registry check): a change to the public API must
 * come with that file updated, in the same commit. Update it with {@value #UPDATE_COMMAND}.
 */
@QuarkusTest
@WithTestResource(FakeBackends.class)
class SchemaSnapshotTest {

    /** Relative to the gateway module (the tests' working directory). */
    static final String SNAPSHOT = "../docs/schema.graphql";
    static final String UPDATE_PROPERTY = "quotegraph.schema.update";
    static final String UPDATE_COMMAND =
            "mvn -B -o -pl gateway verify -Dtest=SchemaSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";
    private static final int MAX_DIFF_LINES = 40;

    @Test
    void servedSchemaIsTheReviewedSnapshot() throws IOException {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Path snapshot = Path.of(SNAPSHOT);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(snapshot, served);
            return;
        }
        String reviewed = Files.exists(snapshot) ? Files.readString(snapshot) : "";
        if (!served.equals(reviewed)) {
            fail("The GraphQL schema changed: docs/schema.graphql is the reviewed schema. If the change is intended, run\n  "
                    + UPDATE_COMMAND + "\nand commit docs/schema.graphql. Lines that differ (- reviewed, + served):\n"
                    + diff(reviewed, served));
        }
    }

    /** The lines only one side has, in order (a hint, not a full diff). */
    static String diff(String reviewed, String served) {
        Set<String> reviewedLines = new LinkedHashSet<>(reviewed.lines().toList());
        Set<String> servedLines = new LinkedHashSet<>(served.lines().toList());
        List<String> out = new ArrayList<>();
        reviewedLines.stream().filter(l -> !servedLines.contains(l)).forEach(l -> out.add("- " + l));
        servedLines.stream().filter(l -> !reviewedLines.contains(l)).forEach(l -> out.add("+ " + l));
        if (out.isEmpty()) {
            return "  (the same lines in another order or repeated)";
        }
        String shown = String.join("\n", out.subList(0, Math.min(out.size(), MAX_DIFF_LINES)));
        return out.size() > MAX_DIFF_LINES ? shown + "\n  ... and " + (out.size() - MAX_DIFF_LINES) + " more" : shown;
    }
}
