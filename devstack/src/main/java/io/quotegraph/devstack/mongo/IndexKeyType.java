package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.DataUtils;
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

    /** First byte of a key of strings only; H2's {@link ObjectDataType} never starts a value with it. */
    static final byte STRINGS = (byte) 0xF0;

    private final ObjectDataType storedForm = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            // two strings: what ValueComparator answers for them, without its type dispatch (most keys are string
            // _ids, and this comparison was a tenth of the embedded store's CPU in bench-ingest)
            int order = x instanceof String s && y instanceof String t ? s.compareTo(t) : VALUE_ORDER.compare(x, y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        if (allStrings(key)) {
            int memory = 24;
            for (Object value : key) {
                memory += 40 + 2 * ((String) value).length();
            }
            return memory;
        }
        return storedForm.getMemory(key);
    }

    /**
     * Keys of strings only (most _ids, the id sets' "kind:key" among them) as {@link #STRINGS}, their count and each
     * string; others Java-serialised as before (which is also how keys written before this format read back: their
     * first byte is never {@link #STRINGS}). Serialising every key of every page the store saved was an eighth of
     * the bench JVM's CPU in bench-ingest.
     */
    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (!allStrings(key)) {
            storedForm.write(buffer, key);
            return;
        }
        buffer.put(STRINGS).putVarInt(key.size());
        for (Object value : key) {
            String string = (String) value;
            buffer.putVarInt(string.length()).putStringData(string, string.length());
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != STRINGS) {
            return (KeyValue) storedForm.read(buffer);
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
        }
        return new KeyValue(values);
    }

    private static boolean allStrings(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
