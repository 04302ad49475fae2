package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * An H2 database whose unique indexes (the {@code _id} index among them) use {@link IndexKeyType} and whose
 * collections store their documents as BSON ({@link BsonDocumentType}) and update copies of their documents
 * ({@link CopyOnUpdateH2Collection}). The index maps get a new name, since their
 * order differs from the old maps'; an old map found in the file is copied over once. A collection's document map
 * keeps its name (mongo-java-server finds the databases of a file by it) and is migrated in place once: see
 * {@link #openDocuments}.
 */
final class TypedIndexH2Database extends H2Database {

    /** The store while the super constructor runs: it opens the existing indexes before this class's fields are set. */
    private static final ThreadLocal<MVStore> STORE_UNDER_CONSTRUCTION = new ThreadLocal<>();

    private final MVStore store;

    private TypedIndexH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static TypedIndexH2Database open(String name, MVStore store, CursorRegistry cursors) {
        STORE_UNDER_CONSTRUCTION.set(store);
        try {
            return new TypedIndexH2Database(name, store, cursors);
        } finally {
            STORE_UNDER_CONSTRUCTION.remove();
        }
    }

    /** mongo-java-server's names of a collection's maps (package-private in its H2 backend). */
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String MIGRATION_PREFIX = "migrating-to-bson.";

    /** Meta map entry naming the document map's value format; absent in files written before it. */
    static final String DOCUMENT_FORMAT = "documentFormat";
    static final String BSON_DOCUMENTS = "bson";

    private MVStore store() {
        return store != null ? store : STORE_UNDER_CONSTRUCTION.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<String, Object> meta = store().openMap(META_PREFIX + namespace);
        MVMap<Object, Document> documents = openDocuments(namespace, meta);
        return new CopyOnUpdateH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
    }

    /**
     * The collection's document map with BSON values. A map written by an earlier version (Java-serialised values,
     * no {@link #DOCUMENT_FORMAT} in the collection's meta map) is rewritten once, through a scratch map, so that a
     * crash before the switch leaves the old map intact and the migration simply runs again on the next start.
     */
    private MVMap<Object, Document> openDocuments(String namespace, MVMap<String, Object> meta) {
        MVStore store = store();
        String name = DATABASES_PREFIX + namespace;
        MVMap.Builder<Object, Document> bson = new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
        if (BSON_DOCUMENTS.equals(meta.get(DOCUMENT_FORMAT)) || !store.hasMap(name)) {
            MVMap<Object, Document> documents = store.openMap(name, bson);
            meta.put(DOCUMENT_FORMAT, BSON_DOCUMENTS);
            return documents;
        }
        MVMap<Object, Document> legacy = store.openMap(name);
        MVMap<Object, Document> scratch = store.openMap(MIGRATION_PREFIX + namespace, bson);
        scratch.clear();
        legacy.forEach(scratch::put);
        store.removeMap(legacy);
        store.renameMap(scratch, name);
        meta.put(DOCUMENT_FORMAT, BSON_DOCUMENTS);
        store.commit();
        return scratch;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<KeyValue, Object> positions = store().openMap(indexMapName(collectionName, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        copyLegacyIndex(legacyIndexMapName(collectionName, indexName), positions);
        return new TypedUniqueIndex(positions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(indexMapName(collection.getCollectionName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        List<String> indexNames = collection == null ? List.of()
                : collection.getIndexes().stream().map(Index::getName).toList();
        super.dropCollection(collectionName, oplog);
        indexNames.forEach(indexName -> store.removeMap(indexMapName(collectionName, indexName)));
    }

    private void copyLegacyIndex(String legacyName, MVMap<KeyValue, Object> positions) {
        MVStore store = store();
        if (!store.hasMap(legacyName)) {
            return;
        }
        MVMap<Object, Object> legacy = store.openMap(legacyName);
        if (positions.isEmpty()) {
            legacy.forEach((key, position) -> positions.put((KeyValue) key, position));
        }
        store.removeMap(legacy);
    }

    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._typed_index_" + indexName;
    }

    private String legacyIndexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
