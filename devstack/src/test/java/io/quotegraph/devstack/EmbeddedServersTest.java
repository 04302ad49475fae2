package io.quotegraph.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTest {

    @TempDir
    Path data;

    @Test
    void postgresKeepsItsDataInTheDataDirectoryAcrossRestarts() throws SQLException {
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory, 0);
             Connection connection = connect(postgres);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE note (text varchar(20))");
            sql.execute("INSERT INTO note VALUES ('kept')");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory, 0);
             Connection connection = connect(postgres);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT text FROM note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("17.");
        }
    }

    @Test
    void mongoCompatibleServerPersistsToItsH2FileAcrossRestarts() {
        Path file = data.resolve("mongo/quotegraph.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            collection(client).insertOne(new Document("_id", "a").append("text", "kept"));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(collection(client).find(new Document("_id", "a")).first()).containsEntry("text", "kept");
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("test").getCollection("notes");
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
