package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The value type of a collection's H2 map: each document as the BSON bytes mongo-java-server's own wire codec
 * writes and reads. H2's default value type Java-serialised whole documents whenever a page was saved (a quarter of
 * the embedded store's CPU in bench-ingest) and stored them three to five times larger. Every value a client can
 * send round-trips (the codec is the one that decoded it from the wire); dates keep MongoDB's millisecond precision.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /**
     * The running average of the written sizes, from which a document's heap is estimated for the page cache and the
     * store's unsaved changes, as H2's {@link ObjectDataType} does for serialised objects (sizing each document on every
     * put would walk it). One instance per map, so that the few very large documents of one collection (id sets)
     * do not make every small document of the others count as large: the unsaved-changes limit was then reached
     * every few puts, and the store saved (and stalled) far more often.
     */
    private volatile int averageSize = 10_000;

    /**
     * Heap bytes a decoded document takes per byte of its BSON: 7–10 measured for id set heads, statements and small
     * link documents (every field a map entry, every string an object of its own). Counting the BSON size alone let
     * the 256-MB page cache hold about ten times that in decoded documents: the stand-in ran out of its 1-GB heap and
     * spent most of its CPU in GC after ~3,000 delivered articles (docs/ingestion-throughput.md, the 10⁵-article run).
     */
    static final int HEAP_BYTES_PER_BSON_BYTE = 8;

    BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_BYTES_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(averageSize);
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int size = encoded.readableBytes();
            buffer.put(encoded.nioBuffer());
            averageSize = (size + 15 * averageSize) / 16;
        } finally {
            encoded.release();
        }
    }

    /** The document's size as BSON: what MongoDB counts in a collection's data size. */
    static int encodedSize(Document document) {
        ByteBuf encoded = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, encoded);
            return encoded.readableBytes();
        } finally {
            encoded.release();
        }
    }

    /** A BSON document starts with its length (int32, little-endian, the length included). */
    @Override
    public Document read(ByteBuffer buffer) {
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] bytes = new byte[size];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public int compare(Document a, Document b) {
        throw new UnsupportedOperationException("documents are values, never keys");
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
