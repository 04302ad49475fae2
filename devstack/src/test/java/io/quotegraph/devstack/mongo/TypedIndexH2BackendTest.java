package io.quotegraph.devstack.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.quotegraph.devstack.EmbeddedMongoServer;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedIndexH2BackendTest {

    @TempDir
    Path data;

    @Test
    void indexKeysAreOrderedByValueAsMongoDbOrdersThem() {
        IndexKeyType type = IndexKeyType.INSTANCE;
        assertThat(type.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(type.compare(new KeyValue(2), new KeyValue(10))).isNegative();
        assertThat(type.compare(new KeyValue(10), new KeyValue("a"))).as("numbers sort before strings").isNegative();
        assertThat(type.compare(new KeyValue("a", 1), new KeyValue("a", 1))).isZero();
        assertThat(type.compare(new KeyValue("a"), new KeyValue("a", 1))).isNegative();
    }

    @Test
    void keysOfStringsAreOrderedExactlyAsMongoJavaServerOrdersThem() {
        // the order of keys already in a file must not change: the string shortcut must agree with ValueComparator
        List<Object> values = List.of("", "a", "A", "ab", "b", "speaker:0f3a|S1", "speaker:0f3a|S10", "é", "e\u0301",
                "€", "\uD83D\uDE00", "\uFFFF", "z", 7, 7.5, java.time.Instant.EPOCH, true);
        ValueComparator mongoOrder = ValueComparator.asc();
        for (Object x : values) {
            for (Object y : values) {
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(new KeyValue(x, "k"), new KeyValue(y, "k"))))
                        .as(x + " vs " + y).isEqualTo(Integer.signum(mongoOrder.compare(x, y)));
            }
        }
    }

    @Test
    void keysOfStringsAreStoredCompactlyAndOtherKeysAndKeysStoredBeforeStillReadBack() {
        IndexKeyType type = IndexKeyType.INSTANCE;
        for (KeyValue key : List.of(new KeyValue("speaker:0f3a|S1"), new KeyValue("a", "€ß…", ""), new KeyValue(42),
                new KeyValue("a", 1L), new KeyValue((Object) null))) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            ByteBuffer written = buffer.getBuffer().flip();
            assertThat(written.get(0) == IndexKeyType.STRINGS).as(key.toString())
                    .isEqualTo(key.stream().allMatch(v -> v instanceof String));
            assertThat(type.read(written)).isEqualTo(key);
            assertThat(written.hasRemaining()).isFalse();
        }
        // as the previous version stored every key
        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, new KeyValue("note:1"));
        assertThat(type.read(old.getBuffer().flip())).isEqualTo(new KeyValue("note:1"));
    }

    @Test
    void idAndUniqueIndexesAnswerAndRejectDuplicates() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(null, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
            notes.createIndex(new Document("slug", 1), new IndexOptions().unique(true));
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                many.add(new Document("_id", "note:" + i).append("slug", "slug-" + i));
            }
            notes.insertMany(many);

            assertThat(notes.find(new Document("_id", "note:1234")).first()).containsEntry("slug", "slug-1234");
            assertThat(notes.countDocuments(new Document("_id", new Document("$in", List.of("note:7", "note:1999", "none")))))
                    .isEqualTo(2);
            assertThatThrownBy(() -> notes.insertOne(new Document("_id", "note:5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> notes.insertOne(new Document("_id", "other").append("slug", "slug-5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");

            notes.deleteOne(new Document("_id", "note:5"));
            notes.insertOne(new Document("_id", "note:5").append("slug", "slug-5"));
            assertThat(notes.countDocuments()).isEqualTo(2_000);
        }
    }

    @Test
    void aFileWrittenByThePlainH2BackendIsReadWithItsIndexes() {
        Path file = data.resolve("legacy.mv");
        MongoServer legacy = new MongoServer(new H2Backend(file.toString()));
        legacy.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + legacy.getLocalAddress().getPort())) {
            MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
            notes.createIndex(new Document("slug", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                notes.insertOne(new Document("_id", "note:" + i).append("slug", "slug-" + i));
            }
        } finally {
            legacy.shutdown();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
            assertThat(notes.find(new Document("_id", "note:299")).first()).containsEntry("slug", "slug-299");
            assertThat(notes.countDocuments()).isEqualTo(300);
            assertThatThrownBy(() -> notes.insertOne(new Document("_id", "note:0")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> notes.insertOne(new Document("_id", "x").append("slug", "slug-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            notes.insertOne(new Document("_id", "note:300").append("slug", "slug-300"));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("test").getCollection("notes").find(new Document("_id", "note:300")).first())
                    .as("the copied index persists").isNotNull();
        }
    }

    /** What the services store: dates, nested documents, arrays, ObjectIds, longs, doubles, nulls; binary too. */
    private static Document everyStoredType(String id) {
        return new Document("_id", id)
                .append("text", "Sie sagte: „Wir schaffen das.“")
                .append("count", 3)
                .append("total", 12_345_678_901L)
                .append("score", 0.875)
                .append("flag", true)
                .append("missing", null)
                .append("at", new Date(1_733_390_130_123L))
                .append("ref", new ObjectId("656f1c2a9d1e8a3b4c5d6e7f"))
                .append("speaker", new Document("name", "Angela Merkel").append("aliases", List.of("Merkel", "A. Merkel")))
                .append("mentions", Arrays.asList(new Document("start", 10).append("end", 16), null, 2.5, "x"))
                .append("hash", new Binary(new byte[]{1, 2, 3, (byte) 0xFE}))
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("clock", new BsonTimestamp(1_733_390_130, 1));
    }

    @Test
    void documentsOfEveryStoredTypeSurviveUpdatesAndRestarts() {
        Path file = data.resolve("store.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> statements = client.getDatabase("quotegraph").getCollection("statements");
            for (int i = 0; i < 500; i++) {
                statements.insertOne(everyStoredType("statement:" + i));
            }
            statements.updateOne(new Document("_id", "statement:7"),
                    new Document("$push", new Document("mentions", new Document("start", 99)))
                            .append("$inc", new Document("total", 1L))
                            .append("$set", new Document("speaker.name", "Merkel")));
            statements.deleteOne(new Document("_id", "statement:8"));
        }

        for (int restart = 0; restart < 2; restart++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> statements = client.getDatabase("quotegraph").getCollection("statements");
                assertThat(statements.countDocuments()).isEqualTo(499);
                assertThat(statements.find(new Document("_id", "statement:499")).first())
                        .isEqualTo(everyStoredType("statement:499"));
                assertThat(statements.find(new Document("_id", "statement:8")).first()).isNull();
                Document updated = statements.find(new Document("_id", "statement:7")).first();
                assertThat(updated.getLong("total")).isEqualTo(12_345_678_902L);
                assertThat(updated.get("speaker", Document.class).getString("name")).isEqualTo("Merkel");
                assertThat(updated.getList("mentions", Object.class)).hasSize(5).last()
                        .isEqualTo(new Document("start", 99));
                assertThat(statements.countDocuments(new Document("at", new Date(1_733_390_130_123L))))
                        .as("queries by date").isEqualTo(499);
                assertThat(statements.countDocuments(new Document("ref", new ObjectId("656f1c2a9d1e8a3b4c5d6e7f"))))
                        .as("queries by ObjectId").isEqualTo(499);
            }
        }
    }

    @Test
    void documentsWrittenByThePlainH2BackendAreMigratedToBsonOnce() {
        Path file = data.resolve("legacy-documents.mv");
        MongoServer legacy = new MongoServer(new H2Backend(file.toString()));
        legacy.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + legacy.getLocalAddress().getPort())) {
            MongoCollection<Document> statements = client.getDatabase("quotegraph").getCollection("statements");
            for (int i = 0; i < 200; i++) {
                statements.insertOne(everyStoredType("statement:" + i));
            }
        } finally {
            legacy.shutdown();
        }

        for (int restart = 0; restart < 2; restart++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 0);
                 MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> statements = client.getDatabase("quotegraph").getCollection("statements");
                assertThat(statements.countDocuments()).isEqualTo(200 + restart);
                assertThat(statements.find(new Document("_id", "statement:123")).first())
                        .isEqualTo(everyStoredType("statement:123"));
                statements.insertOne(everyStoredType("after-restart:" + restart));
            }
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(store.<String, Object>openMap("meta.quotegraph.statements").get(TypedIndexH2Database.DOCUMENT_FORMAT))
                    .isEqualTo(TypedIndexH2Database.BSON_DOCUMENTS);
            assertThat(store.getMapNames()).noneMatch(name -> name.startsWith("migrating-to-bson."));
        } finally {
            store.close();
        }
    }

    @Test
    void droppingACollectionDropsItsIndexes() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(null, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
            notes.insertOne(new Document("_id", "a"));
            notes.drop();
            notes.insertOne(new Document("_id", "a"));
            assertThat(notes.countDocuments()).isEqualTo(1);
        }
    }
}
