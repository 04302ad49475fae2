package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The key type of a unique index's H2 map. mongo-java-server opens these maps with H2's default key type, which
 * orders keys it cannot compare (its {@link KeyValue} is not {@code Comparable}) by Java-serialising both sides of
 * every comparison: most of the embedded store's CPU went there. This type compares the key values in MongoDB's
 * order instead and stores them exactly as before.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final ValueComparator VALUE_ORDER = ValueComparator.asc();

    private final ObjectDataType storedForm = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return storedForm.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        storedForm.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) storedForm.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
