package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An H2 collection whose updates change copies of its documents, and which matches a {@code {_id: {$in: [strings]}}}
 * query by a hash lookup.
 * <p>
 * Copies: mongo-java-server updates a document by changing the instance it read from the map. With H2 that instance
 * is the one in the map's page, which H2's background writer may be serialising at that moment, and which a reply
 * sent after the collection's lock was left may be encoding. A change during a save can fail the save; after a failed
 * save H2 closes the store, and its writer was seen spinning forever (bench-ingest stopped delivering:
 * docs/ingestion-write-path.md). Updates therefore work on copies, and the new version replaces the map's instance:
 * no instance in the map is ever changed. Queries hand out the map's instances (nobody changes them), so a read costs
 * no copy.
 * <p>
 * {@code _id $in}: mongo-java-server finds the
 * candidates of such a query through the {@code _id} index and then re-matches every candidate against the whole
 * {@code $in} list, one normalised comparison per element: a read of n ids cost O(n²) comparisons (a 700-id read,
 * the statements of 50 articles, half a million; about a fifth of the embedded store's CPU in bench-ingest). Every
 * other query, and an {@code $in} holding anything but strings, is matched by mongo-java-server as before. For strings
 * the result is the same: a string {@code _id} equals an {@code $in} element exactly when it is that string.
 */
final class CopyOnUpdateH2Collection extends H2Collection {

    private static final String ID = "_id";
    private static final String IN = "$in";

    /** False while H2Collection's constructor runs: it asks for the data size only to log it (see getDataSize). */
    private final boolean opened;

    /** The id set of the last {@code _id $in} query, by the query's identity (one query matches many documents). */
    private volatile IdSetOfQuery lastIdSet;

    /** True while an update of this collection reads the documents it will change (guarded by this collection). */
    private boolean readingForUpdate;

    CopyOnUpdateH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                             MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        opened = true;
    }

    /**
     * No running data size: mongo-java-server keeps one by BSON-encoding the document on every insert and delete and
     * both versions on every update (a twentieth of the embedded store's CPU in bench-ingest), and rewrites the
     * collection's meta entry each time. Only {@code collStats} reports it: {@link #getDataSize} adds it up then.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (!opened) {
            return 0; // for a debug line of the superclass's constructor: not worth reading the whole collection
        }
        long size = streamAllDocumentsWithPosition()
                .mapToLong(entry -> BsonDocumentType.encodedSize(entry.getDocument())).sum();
        return (int) Math.min(size, Integer.MAX_VALUE);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog oplog) {
        readingForUpdate = true;
        try {
            return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
        } finally {
            readingForUpdate = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document command) {
        readingForUpdate = true;
        try {
            return super.findAndModify(command);
        } finally {
            readingForUpdate = false;
        }
    }

    /** Every query, update, delete and count of the collection reads its matching documents through here. */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip,
                                                   int numberToReturn, int batchSize, Comparator<Document> comparator,
                                                   Document projection) {
        if (!readingForUpdate) {
            return super.matchDocumentsFromStream(query, documents, numberToSkip, numberToReturn, batchSize,
                    comparator, projection);
        }
        Stream<Document> copies = documents.filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
        return super.matchDocumentsFromStream(query, copies, numberToSkip, numberToReturn, batchSize, comparator,
                projection);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Set<String> ids = stringIdsOf(query);
        if (ids != null && document.get(ID) instanceof String id) {
            return ids.contains(id);
        }
        return super.documentMatchesQuery(document, query);
    }

    /** The ids of a query that is exactly {@code {_id: {$in: [strings]}}}, else null. */
    private Set<String> stringIdsOf(Document query) {
        IdSetOfQuery last = lastIdSet;
        if (last != null && last.query == query) {
            return last.ids;
        }
        Set<String> ids = null;
        if (query.size() == 1 && query.get(ID) instanceof Document condition && condition.size() == 1
                && condition.get(IN) instanceof Collection<?> values) {
            ids = new HashSet<>(values.size() * 2);
            for (Object value : values) {
                if (!(value instanceof String string)) {
                    ids = null;
                    break;
                }
                ids.add(string);
            }
        }
        lastIdSet = new IdSetOfQuery(query, ids);
        return ids;
    }

    private record IdSetOfQuery(Document query, Set<String> ids) {
    }
}
