package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unique index over an H2 map keyed by {@link IndexKeyType}; otherwise what mongo-java-server's H2 index does, plus
 * {@code _id} prefix reads ({@link IdRanges}) from the index's order instead of a collection scan.
 */
final class TypedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;

    TypedUniqueIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return idRangesOf(query) != null || super.canHandle(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        IdRanges ranges = idRangesOf(query);
        if (ranges == null) {
            return super.getPositions(query);
        }
        Set<Object> found = new LinkedHashSet<>();
        for (IdRanges.Range range : ranges.ranges()) {
            Cursor<KeyValue, Object> cursor = positions.cursor(new KeyValue(range.from()));
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                if (!(key.get(0) instanceof String id) || !range.contains(id)) {
                    break;
                }
                found.add(cursor.getValue());
            }
        }
        return found;
    }

    /** The ranges of an {@link IdRanges} query when this is the {@code _id} index, else null. */
    private IdRanges idRangesOf(Document query) {
        return keys().equals(List.of("_id")) ? IdRanges.of(query) : null;
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
