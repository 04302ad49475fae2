package io.quotegraph.devstack.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.quotegraph.devstack.EmbeddedMongoServer;
import org.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
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
