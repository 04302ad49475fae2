package io.quotegraph.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.gateway.fake.FakeBackends;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(FakeBackends.class)
class SchemaAndEndpointsTest {

    @Test
    void schemaHasThePublicNames() throws IOException {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Path out = Path.of("target", "schema.graphql");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sdl);

        assertThat(sdl).contains("scalar DateTime", "scalar Date",
                "type Article {", "type Statement {", "type Speaker {", "type Role {", "type Entity {", "type Event {",
                "type Span {", "type PageInfo {", "enum StatementKind {", "enum EntityType {",
                "type StatementConnection {", "type StatementEdge {", "type ArticleConnection {",
                "type SpeakerConnection {", "type EventConnection {", "input ArticleInput {",
                "ingestArticle(input: ArticleInput!): Article!",
                "statements(after: String, first: Int): StatementConnection!",
                "events: [Event!]", "participants: [Entity!]!", "articles: [Article!]",
                "edges: [StatementEdge!]!", "pageInfo: PageInfo!", "totalCount: Int!",
                "article: Article", "speaker: Speaker", "occasion: Event", "content: Span!",
                "aliases: [String!]!", "roles: [Role!]!", "publishedAt: DateTime!", "dateApproximate: Boolean!",
                "first: Int", "speakerId: ID", "participantId: ID", "from: Date", "from: DateTime", "kind: StatementKind");
        // internals and not-yet-existing fields stay out of the schema
        assertThat(sdl).doesNotContain("view", "speakerId: String", "occasionId", "Page_");
        // entities and curation (issue 5)
        assertThat(sdl).contains("about: [Entity!]!", "affiliations: [String!]!", "type EntityConnection {",
                "entities(after: String, first: Int, search: String, type: EntityType): EntityConnection",
                "mergeSpeakers(", "splitSpeaker(", "addAlias(", "removeAlias(", "renameSpeaker(");
    }

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void graphiqlIsServed() {
        given().redirects().follow(true).get("/graphql-ui/").then().statusCode(200);
    }
}
