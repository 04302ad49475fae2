package io.quotegraph.devstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import io.quotegraph.devstack.EmbeddedMongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CopyOnUpdateH2CollectionTest {

    private static final ObjectId OBJECT_ID = new ObjectId("0123456789abcdef01234567");

    @Test
    void idInQueriesFindExactlyTheDocumentsMongoDbFinds() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(null, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(new Document("_id", "note:" + i).append("n", i));
            }
            documents.add(new Document("_id", 7).append("n", -1));
            documents.add(new Document("_id", OBJECT_ID).append("n", -2));
            documents.add(new Document("_id", "7").append("n", -3));
            notes.insertMany(documents);

            List<String> wanted = new ArrayList<>();
            for (int i = 999; i >= 0; i -= 3) {
                wanted.add("note:" + i);
            }
            wanted.add("note:999");
            wanted.add("absent");
            assertThat(ids(notes, Filters.in("_id", wanted))).as("strings, with a repeat and an unknown id")
                    .hasSize(334).allMatch(id -> id instanceof String s && s.startsWith("note:")
                            && Integer.parseInt(s.substring(5)) % 3 == 0);

            assertThat(ids(notes, Filters.in("_id", List.of("7", "note:1")))).as("a string never equals a number")
                    .containsExactly("7", "note:1");
            assertThat(ids(notes, Filters.in("_id", Arrays.<Object>asList(7.0, "note:2"))))
                    .as("other values are matched by MongoDB's rules: 7.0 equals 7")
                    .containsExactly(7, "note:2");
            assertThat(ids(notes, Filters.in("_id", List.of(OBJECT_ID, "note:3")))).containsExactly(OBJECT_ID, "note:3");
            assertThat(ids(notes, Filters.and(Filters.in("_id", List.of("note:4", "note:5", "note:6")),
                    Filters.gt("n", 4)))).as("another condition beside _id").containsExactly("note:5", "note:6");
            assertThat(ids(notes, Filters.in("_id", List.of()))).isEmpty();

            notes.updateMany(Filters.in("_id", List.of("note:10", "note:11", "absent")), Updates.set("n", -100));
            assertThat(notes.countDocuments(Filters.eq("n", -100))).as("updates by _id $in").isEqualTo(2);
            notes.deleteMany(Filters.in("_id", List.of("note:10", "7")));
            assertThat(notes.countDocuments()).isEqualTo(1_001);
            assertThat(ids(notes, Filters.in("_id", List.of("note:10", "note:11", "7")))).containsExactly("note:11");
        }
    }

    @Test
    void anUpdateNeverChangesTheInstanceTheMapHeldSoASaveOrReplyUnderWayIsUndisturbed() {
        TypedIndexH2Backend backend = TypedIndexH2Backend.open(null);
        try {
            de.bwaldvogel.mongo.MongoCollection<?> notes = backend.resolveDatabase("test")
                    .createCollectionOrThrowIfExists("notes");
            notes.insertDocuments(List.of(doc("_id", "a").append("tags", new ArrayList<>(List.of("x")))
                    .append("meta", doc("n", 1))));

            de.bwaldvogel.mongo.bson.Document before = notes.handleQuery(doc("_id", "a")).iterator().next();
            notes.updateDocuments(doc("_id", "a"), doc("$push", doc("tags", "y")).append("$set", doc("meta.n", 2)),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            notes.findAndModify(doc("query", doc("meta.n", 2)).append("update", doc("$set", doc("title", "t"))));

            assertThat(before.get("tags")).as("the instance read before the updates").isEqualTo(List.of("x"));
            assertThat(((de.bwaldvogel.mongo.bson.Document) before.get("meta")).get("n")).isEqualTo(1);
            assertThat(before).doesNotContainKey("title");
            de.bwaldvogel.mongo.bson.Document after = notes.handleQuery(doc("_id", "a")).iterator().next();
            assertThat(after.get("tags")).isEqualTo(List.of("x", "y"));
            assertThat(((de.bwaldvogel.mongo.bson.Document) after.get("meta")).get("n")).isEqualTo(2);
            assertThat(after.get("title")).isEqualTo("t");
        } finally {
            backend.close();
        }
    }

    @Test
    void collStatsReportsTheSameDataSizeAsTheStockBackendThoughNoWriteTracksIt() {
        MongoServer stock = new MongoServer(H2Backend.inMemory());
        stock.bind("127.0.0.1", 0);
        String stockAddress = "mongodb://127.0.0.1:" + stock.getLocalAddress().getPort();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(null, 0);
             MongoClient ours = MongoClients.create(server.connectionString());
             MongoClient theirs = MongoClients.create(stockAddress)) {
            List<Number> sizes = new ArrayList<>();
            for (MongoClient client : List.of(ours, theirs)) {
                MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
                for (int i = 0; i < 50; i++) {
                    notes.insertOne(new Document("_id", "note:" + i).append("text", "x".repeat(i)).append("n", i));
                }
                notes.updateMany(Filters.lt("n", 20), Updates.push("tags", "a longer tag than before"));
                notes.updateOne(Filters.eq("_id", "note:60"), Updates.set("n", 60), new UpdateOptions().upsert(true));
                notes.deleteMany(Filters.and(Filters.gte("n", 40), Filters.lt("n", 45)));
                sizes.add(client.getDatabase("test").runCommand(new Document("collStats", "notes")).get("size", Number.class));
            }
            assertThat(sizes.get(0).longValue()).isPositive().isEqualTo(sizes.get(1).longValue());
        } finally {
            stock.shutdown();
        }
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).sort(Sorts.ascending("n")).map(d -> d.get("_id")).into(new ArrayList<>());
    }
}
