package io.quotegraph.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.quotegraph.devstack.mongo.TypedIndexH2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /**
     * The whole system's stand-in runs in a child JVM (its CPU is its own process's); it still persists to its H2 file
     * when stopped (closing its standard input), and stops when the JVM that started it ends.
     */
    @Test
    void mongoCompatibleServerInItsOwnProcessPersistsAcrossRestartsAndStopsWithItsParent() throws Exception {
        Path file = data.resolve("mongo/quotegraph.mv");
        Path logs = data.resolve("logs");
        long pid;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startProcess(file, 0, logs);
             MongoClient client = MongoClients.create(server.connectionString())) {
            pid = server.pid();
            assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.parent().map(ProcessHandle::pid))
                    .contains(ProcessHandle.current().pid()));
            collection(client).insertOne(new Document("_id", "a").append("text", "kept"));
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("stopped by close").isFalse();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startProcess(file, 0, logs);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(collection(client).find(new Document("_id", "a")).first()).containsEntry("text", "kept");
        }
        assertThat(logs.resolve("mongodb.log")).content().contains("listening on mongodb://127.0.0.1:");
    }

    /** The stand-in's process takes the JVM options it is given ({@code QUOTEGRAPH_JVM_OPTIONS_MONGODB} in the stack). */
    @Test
    void mongoCompatibleServerInItsOwnProcessRunsWithTheGivenJvmOptions() throws IOException {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startProcess(null, 0, data.resolve("logs"),
                List.of("-XX:+UseSerialGC", "-Xmx96m"))) {
            List<String> arguments = commandLine(server.pid());
            assertThat(arguments).contains("-XX:+UseSerialGC");
            assertThat(arguments.stream().filter(argument -> argument.startsWith("-Xmx")))
                    .as("after the default heap, so that it wins").hasSize(2).last().isEqualTo("-Xmx96m");
        }
    }

    /**
     * The process's whole command line. Not {@code ProcessHandle.info().arguments()}: it answered no arguments at all
     * once the class path grew (a Maven repository at /work/m2/NAME/repository instead of ~/.m2 was enough), as the
     * JDK reads only a page of {@code /proc/PID/cmdline}.
     */
    private static List<String> commandLine(long pid) throws IOException {
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        return List.of(cmdline.split("\0"));
    }

    /**
     * An unclean stop (SIGKILL, power loss) loses at most the writes of the last save interval
     * ({@link TypedIndexH2Backend#SAVE_INTERVAL}): an older write survives it, and the restarted store takes new ones.
     */
    @Test
    void mongoCompatibleServerKeepsWritesOlderThanItsSaveDelayWhenKilled() throws Exception {
        Path file = data.resolve("mongo/quotegraph.mv");
        Path logs = data.resolve("logs");
        EmbeddedMongoServer killed = EmbeddedMongoServer.startProcess(file, 0, logs);
        try (MongoClient client = MongoClients.create(killed.connectionString())) {
            collection(client).insertOne(new Document("_id", "a").append("text", "kept"));
            Thread.sleep(TypedIndexH2Backend.SAVE_INTERVAL.plusSeconds(2).toMillis());
            ProcessHandle process = ProcessHandle.of(killed.pid()).orElseThrow();
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            assertThat(process.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            killed.close();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startProcess(file, 0, logs);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(collection(client).find(new Document("_id", "a")).first()).containsEntry("text", "kept");
            collection(client).insertOne(new Document("_id", "b").append("text", "after the restart"));
            assertThat(collection(client).countDocuments()).isEqualTo(2);
        }
    }

    /** A parent that dies without closing it (SIGKILL) leaves no stand-in behind: the child sees its input end. */
    @Test
    void mongoCompatibleServerInItsOwnProcessStopsWhenItsParentDies() throws Exception {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(javaBinary.toString(), "-cp", System.getProperty("java.class.path"),
                StandInParent.class.getName(), data.resolve("logs").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ProcessHandle child = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            child = ProcessHandle.of(Long.parseLong(out.readLine().trim())).orElseThrow();
            assertThat(child.isAlive()).isTrue();
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            parent.destroyForcibly();
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** Starts a stand-in in its own process, prints its pid and waits to be killed. */
    public static final class StandInParent {
        public static void main(String[] args) throws InterruptedException {
            EmbeddedMongoServer server = EmbeddedMongoServer.startProcess(null, 0, Path.of(args[0]));
            System.out.println(server.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("test").getCollection("notes");
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
