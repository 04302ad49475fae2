package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unique index over an H2 map keyed by {@link IndexKeyType}; otherwise what mongo-java-server's H2 index does, except
 * that it also answers a query that names fields besides its key.
 * <p>
 * mongo-java-server uses an index only for a query on exactly its keys: {@code {_id: x, owner: y}}, or
 * {@code {$and: [{_id: x}, ...]}} as the Java driver writes {@code Filters.and}, scanned the whole collection (the
 * conditional deletes of locks and emptied quotations, for instance). Every top-level field of a query, and every term
 * of a top-level {@code $and}, must match, so the documents such a query matches are among those its condition on the
 * key matches: this index finds those, and the collection then matches each of them against the whole query, as it
 * does for every query it answers through an index. Only single-key indexes, and only a key condition this index
 * answers on its own (a value, {@code $in}, a regular expression), as mongo-java-server decides.
 * <p>
 * A document's key under a single top-level field (the {@code _id} index) is read directly: mongo-java-server derives
 * it through its path handling (a regular-expression split of the field name, streams, a map per call), several times
 * per write (the unique check, the insert, before and after an update), which was about a tenth of the stand-in's
 * CPU in bench-ingest.
 */
final class TypedUniqueIndex extends AbstractUniqueIndex<Object> {

    private static final String AND = "$and";

    private final MVMap<KeyValue, Object> positions;

    /** The field of a single-key index on a top-level field (no path); null for any other index. */
    private final String topLevelField;

    /**
     * The key fields, as {@link #keys()} and {@link #keySet()} give them: mongo-java-server builds a new collection by a
     * stream on every call (several per write and per query), which cost as much as the key look-ups themselves.
     */
    private final List<String> keyFields;
    private final Set<String> keyFieldSet;

    TypedUniqueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
        String field = keys.size() == 1 ? keys.get(0).getKey() : null;
        this.topLevelField = field != null && !field.contains(".") && !field.startsWith("$") ? field : null;
        this.keyFields = keys.stream().map(IndexKey::getKey).toList();
        this.keyFieldSet = Collections.unmodifiableSet(new LinkedHashSet<>(keyFields));
    }

    @Override
    protected List<String> keys() {
        return keyFields;
    }

    @Override
    protected Set<String> keySet() {
        return keyFieldSet;
    }

    /** What {@link KeyValue#normalized()} gives, without its stream for a string (which normalises to itself). */
    private static KeyValue normalized(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String ? key : key.normalized();
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        KeyValue key = topLevelKeyOf(document);
        return key == null ? super.getKeyValues(document) : Set.of(normalized(key));
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        KeyValue key = topLevelKeyOf(document);
        if (key == null || isSparse()) {
            super.checkAdd(document, collection);
        } else if (containsKey(normalized(key))) {
            throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
    }

    @Override
    public Object getPosition(Document document) {
        KeyValue key = topLevelKeyOf(document);
        return key == null ? super.getPosition(document) : getPosition(normalized(key));
    }

    @Override
    public synchronized Object remove(Document document) {
        KeyValue key = topLevelKeyOf(document);
        return key == null || isSparse() ? super.remove(document) : removeDocument(normalized(key));
    }

    /**
     * The document's key as mongo-java-server derives it (not normalised; the field's value, or Missing), when this
     * index is on one top-level field and the value is not an array (each of whose elements is a key); else null.
     */
    private KeyValue topLevelKeyOf(Document document) {
        if (topLevelField == null) {
            return null;
        }
        Object value = document.getOrMissing(topLevelField);
        return value instanceof Collection ? null : new KeyValue(value);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || keyConditionOf(query) != null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        if (super.canHandle(query)) {
            return super.getPositions(query);
        }
        return super.getPositions(keyConditionOf(query));
    }

    /**
     * A condition on this index's only key that every document the query matches must meet, as a query on the key
     * alone that this index answers; null if the query has none.
     */
    private Document keyConditionOf(Document query) {
        if (isCompoundIndex()) {
            return null;
        }
        String key = keys().get(0);
        if (query.containsKey(key)) {
            Document condition = query.size() == 1 ? query : new Document(key, query.get(key));
            return super.canHandle(condition) ? condition : null;
        }
        if (query.get(AND) instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document termQuery) {
                    Document condition = keyConditionOf(termQuery);
                    if (condition != null) {
                        return condition;
                    }
                }
            }
        }
        return null;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
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
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
