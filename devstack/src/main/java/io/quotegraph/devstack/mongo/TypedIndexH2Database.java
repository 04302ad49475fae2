package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * An H2 database whose unique indexes (the {@code _id} index among them) use {@link IndexKeyType}. The index maps
 * get a new name, since their order differs from the old maps'; an old map found in the file is copied over once.
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

    private MVStore store() {
        return store != null ? store : STORE_UNDER_CONSTRUCTION.get();
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
