package io.quotegraph.devstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TypedUniqueIndexTest {

    /** Queries naming fields besides a unique key, in the shapes the Java driver writes them. */
    private static final List<Bson> QUERIES = List.of(
            Filters.and(Filters.eq("_id", "note:5"), Filters.eq("owner", "a")),
            Filters.and(Filters.eq("_id", "note:5"), Filters.eq("owner", "b")),
            Filters.and(Filters.eq("_id", "absent"), Filters.eq("owner", "a")),
            Filters.and(Filters.in("_id", List.of("note:1", "note:2", "note:3", "note:4", "absent")), Filters.lt("n", 3)),
            Filters.and(Filters.eq("owner", "a"), Filters.or(Filters.eq("_id", "note:4"), Filters.eq("_id", "note:6"))),
            Filters.and(Filters.and(Filters.eq("n", 7), Filters.eq("_id", "note:7")), Filters.exists("owner")),
            new Document("_id", "note:8").append("n", new Document("$gte", 8)),
            new Document("_id", new Document("$in", List.of("note:9", "note:10"))).append("owner", "b"),
            Filters.and(Filters.regex("_id", Pattern.compile("^note:1")), Filters.eq("owner", "a")),
            Filters.and(Filters.ne("_id", "note:1"), Filters.lt("n", 3)),
            Filters.and(Filters.eq("slug", "slug-12"), Filters.eq("n", 12)),
            Filters.and(Filters.eq("slug", null), Filters.lt("n", 100)),
            Filters.and(Filters.eq("_id", 3.0), Filters.eq("owner", "b")));

    @Test
    void queriesNamingOtherFieldsFindWhatAScanFindsAndWritesChangeTheSameDocuments() {
        MongoServer stock = new MongoServer(H2Backend.inMemory());
        stock.bind("127.0.0.1", 0);
        MongoServer ours = new MongoServer(TypedIndexH2Backend.open(null));
        ours.bind("127.0.0.1", 0);
        try (MongoClient stockClient = MongoClients.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort());
             MongoClient ourClient = MongoClients.create("mongodb://127.0.0.1:" + ours.getLocalAddress().getPort())) {
            List<List<List<Object>>> answers = new ArrayList<>();
            for (MongoClient client : List.of(ourClient, stockClient)) {
                MongoCollection<Document> notes = notes(client);
                List<List<Object>> found = new ArrayList<>();
                QUERIES.forEach(query -> found.add(ids(notes, query)));
                notes.updateMany(Filters.and(Filters.in("_id", List.of("note:20", "note:21", "note:22")),
                        Filters.eq("owner", "a")), Updates.set("touched", true));
                notes.updateOne(Filters.and(Filters.eq("_id", "note:30"), Filters.eq("owner", "b")),
                        Updates.set("touched", true), new UpdateOptions().upsert(true));
                notes.deleteOne(Filters.and(Filters.eq("_id", "note:31"), Filters.eq("owner", "a")));
                notes.deleteMany(Filters.and(Filters.in("_id", List.of("note:32", "note:33")), Filters.eq("owner", "b")));
                found.add(ids(notes, Filters.eq("touched", true)));
                found.add(ids(notes, Filters.in("_id", List.of("note:30", "note:31", "note:32", "note:33"))));
                found.add(List.of(notes.countDocuments()));
                answers.add(found);
            }
            assertThat(answers.get(0)).isEqualTo(answers.get(1));
            assertThat(answers.get(0).get(0)).containsExactly("note:5");
            assertThat(answers.get(0).get(1)).isEmpty();
            assertThat(answers.get(0).get(3)).containsExactly("note:1", "note:2");
            assertThat(answers.get(0).get(QUERIES.size())).as("touched").containsExactly("note:21", "note:30");
        } finally {
            ours.shutdown();
            stock.shutdown();
        }
    }

    @Test
    void aQueryNamingOtherFieldsIsAnsweredThroughItsKeyCondition() {
        TypedIndexH2Backend backend = TypedIndexH2Backend.open(null);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            notes(client);
            List<? extends Index<?>> indexes = backend.resolveDatabase("test").resolveCollection("notes", true).getIndexes();
            Index<?> id = indexes.stream().filter(index -> index.getName().equals("_id_")).findFirst().orElseThrow();
            Index<?> slug = indexes.stream().filter(index -> index.getName().equals("slug_1")).findFirst().orElseThrow();

            de.bwaldvogel.mongo.bson.Document byIdAndOwner = doc("_id", "note:5").append("owner", "a");
            assertThat(id.canHandle(byIdAndOwner)).isTrue();
            assertThat(id.getPositions(byIdAndOwner)).hasSize(1);
            de.bwaldvogel.mongo.bson.Document driversAnd = doc("$and", List.of(doc("n", 7),
                    doc("$and", List.of(doc("_id", doc("$in", List.of("note:7", "note:8", "absent")))))));
            assertThat(id.canHandle(driversAnd)).isTrue();
            assertThat(id.getPositions(driversAnd)).hasSize(2);
            assertThat(slug.canHandle(doc("slug", "slug-12").append("n", 12))).isTrue();
            assertThat(slug.getPositions(doc("slug", "slug-12").append("n", 12))).hasSize(1);

            assertThat(id.canHandle(doc("_id", doc("$ne", "note:1")).append("n", 3))).as("not an index look-up").isFalse();
            assertThat(id.canHandle(doc("$or", List.of(doc("_id", "note:1"), doc("n", 3))))).as("either, not both").isFalse();
            assertThat(slug.canHandle(doc("slug", null).append("n", 3))).as("a sparse index has no null keys").isFalse();
            assertThat(id.canHandle(doc("n", 3))).isFalse();
        } finally {
            server.shutdown();
        }
    }

    /**
     * The index reads a top-level field's key itself (without mongo-java-server's path handling): the keys, which
     * documents are rejected as duplicates, found and removed must be exactly what mongo-java-server's own derivation
     * gives.
     */
    @Test
    void keysOfTopLevelFieldsAreThoseMongoJavaServerDerives() {
        List<de.bwaldvogel.mongo.bson.Document> documents = List.of(doc("_id", "a"), doc("_id", 7), doc("_id", 7.0),
                doc("_id", -0.0), doc("_id", 0L), doc("_id", Long.MAX_VALUE), doc("_id", doc("x", 1).append("y", 2.5)),
                doc("_id", doc("x", 1.0).append("y", 2.5)), doc("_id", null), doc("other", 1), doc("_id", true),
                doc("_id", List.of("p", "q")), doc("_id", List.of()), doc("_id", List.of(doc("k", 1))),
                doc("_id", "a").append("slug", List.of("s", "t")), doc("_id", "b").append("slug", "s"));
        TypedIndexH2Backend backend = TypedIndexH2Backend.open(null);
        @SuppressWarnings("unchecked")
        de.bwaldvogel.mongo.MongoCollection<Object> collection = (de.bwaldvogel.mongo.MongoCollection<Object>)
                backend.resolveDatabase("test").createCollectionOrThrowIfExists("notes");
        MVStore store = MVStore.open(null);
        try {
            for (String field : List.of("_id", "slug", "slug.k")) {
                for (boolean sparse : List.of(false, true)) {
                    List<IndexKey> keys = List.of(new IndexKey(field, true));
                    MVMap<KeyValue, Object> map = store.openMap(field + sparse,
                            new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
                    TypedUniqueIndex ours = new TypedUniqueIndex(map, field + "_1", keys, sparse);
                    ReferenceIndex reference = new ReferenceIndex(field + "_1", keys, sparse);
                    assertThat(ours.keys()).isEqualTo(reference.fields());
                    assertThat(ours.keySet()).isEqualTo(reference.fieldSet()).containsExactlyElementsOf(reference.fieldSet());
                    for (int i = 0; i < documents.size(); i++) {
                        de.bwaldvogel.mongo.bson.Document document = documents.get(i);
                        String what = field + (sparse ? " (sparse) " : " ") + document;
                        assertThat(keysOrError(() -> ours.getKeyValues(document)))
                                .as(what).isEqualTo(keysOrError(() -> reference.getKeyValues(document)));
                        Object added = addOrError(ours, collection, document, i);
                        assertThat(added).as(what).isEqualTo(addOrError(reference, collection, document, i));
                        assertThat(ours.getPosition(document)).as(what).isEqualTo(reference.getPosition(document));
                    }
                    for (int i = 0; i < documents.size(); i += 2) {
                        de.bwaldvogel.mongo.bson.Document document = documents.get(i);
                        assertThat(ours.remove(document)).as("removing " + document).isEqualTo(reference.remove(document));
                    }
                    for (de.bwaldvogel.mongo.bson.Document document : documents) {
                        assertThat(ours.getPosition(document)).as("after the removals: " + document)
                                .isEqualTo(reference.getPosition(document));
                    }
                    assertThat(ours.getCount()).isEqualTo(reference.getCount());
                }
            }
        } finally {
            store.close();
            backend.close();
        }
    }

    private static Object keysOrError(java.util.function.Supplier<Object> keys) {
        try {
            return keys.get();
        } catch (MongoServerError | IllegalArgumentException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Object addOrError(AbstractUniqueIndex<Object> index, de.bwaldvogel.mongo.MongoCollection<Object> collection,
                                     de.bwaldvogel.mongo.bson.Document document, int position) {
        try {
            index.add(document, position, collection);
            return "added";
        } catch (MongoServerError e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** mongo-java-server's unique index over a plain map: its own key derivation and checks. */
    private static final class ReferenceIndex extends AbstractUniqueIndex<Object> {
        private final Map<KeyValue, Object> positions = new HashMap<>();

        ReferenceIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        List<String> fields() {
            return keys();
        }

        java.util.Set<String> fieldSet() {
            return keySet();
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return positions.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return positions.putIfAbsent(key, position) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return positions.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return positions.get(key);
        }

        @Override
        public long getCount() {
            return positions.size();
        }

        @Override
        public long getDataSize() {
            return positions.size();
        }
    }

    private static MongoCollection<Document> notes(MongoClient client) {
        MongoCollection<Document> notes = client.getDatabase("test").getCollection("notes");
        notes.createIndex(new Document("slug", 1), new IndexOptions().unique(true).sparse(true));
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Document note = new Document("_id", "note:" + i).append("n", i).append("owner", i % 2 == 0 ? "b" : "a");
            if (i % 3 == 0) {
                note.append("slug", "slug-" + i);
            }
            many.add(note);
        }
        many.add(new Document("_id", 3).append("n", 3).append("owner", "b"));
        notes.insertMany(many);
        return notes;
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).sort(Sorts.ascending("n", "_id")).map(d -> d.get("_id")).into(new ArrayList<>());
    }
}
