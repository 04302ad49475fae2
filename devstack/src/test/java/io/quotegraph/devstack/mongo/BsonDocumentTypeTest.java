package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    /**
     * The page cache and the unsaved-changes limit count heap: a document read from the file must be accounted for
     * about the heap its decoded form takes, not its BSON size (a tenth of it), or a cache of 256 MB holds gigabytes.
     */
    @Test
    void aDocumentIsAccountedForTheHeapItsDecodedFormTakes() {
        List<String> words = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            words.add("word" + i);
            ids.add(UUID.nameUUIDFromBytes(new byte[]{(byte) i}).toString());
        }
        Document statement = new Document("_id", "statement:5f1c0a7e|12").append("kind", "indirect")
                .append("text", String.join(" ", words)).append("tokens", words).append("speakerIds", ids)
                .append("speaker", new Document("start", 120).append("end", 134).append("text", "Matthew Miller"))
                .append("confidence", 0.83).append("at", Instant.parse("2026-12-05T08:15:30Z"));
        ByteBuffer bytes = write(statement);
        for (int i = 0; i < 64; i++) {
            write(statement); // the running average of the written sizes settles on this document's
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        type.read(bytes.duplicate()); // loads the decoder's classes before measuring
        long before = threads.getThreadAllocatedBytes(thread);
        Document decoded = type.read(bytes.duplicate());
        long decodedHeap = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(decoded).isEqualTo(statement);
        assertThat((long) type.getMemory(decoded)).isBetween(decodedHeap / 2, decodedHeap * 2);
    }

    @Test
    void everyValueTypeReadsBackAsWritten() {
        Document nested = new Document("name", "Angela Merkel").append("count", 3).append("roles", List.of("chancellor"));
        Document document = new Document("_id", "speaker:0f3a|S1")
                .append("string", "€ß… „quoted“ text")
                .append("int", 42)
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1 + 0.2)
                .append("true", true)
                .append("false", false)
                .append("null", null)
                .append("date", Instant.parse("2026-12-05T08:15:30.123Z"))
                .append("objectId", new ObjectId())
                .append("nested", nested)
                .append("array", Arrays.asList("a", 1, 2L, 3.5, null, new Document("deep", List.of(List.of(1, 2))),
                        Instant.parse("1999-01-01T00:00:00Z")))
                .append("emptyArray", List.of())
                .append("emptyDocument", new Document())
                .append("binary", new BinData(new byte[]{0, 1, 2, (byte) 0xFF}))
                .append("uuid", UUID.fromString("3b241101-e2bb-4255-8caf-4136c566a962"))
                .append("decimal", Decimal128.ONE)
                .append("timestamp", new BsonTimestamp(1_733_390_000L))
                .append("max", MaxKey.getInstance())
                .append("min", MinKey.getInstance());

        Document read = roundTrip(document);

        assertThat(read).isEqualTo(document);
        assertThat(new ArrayList<>(read.keySet())).as("field order").isEqualTo(new ArrayList<>(document.keySet()));
        assertThat(read.get("int")).isInstanceOf(Integer.class);
        assertThat(read.get("long")).isInstanceOf(Long.class);
        assertThat(read.get("double")).isInstanceOf(Double.class);
        assertThat(read.get("date")).isInstanceOf(Instant.class);
        assertThat(read).containsKey("null");
    }

    @Test
    void regularExpressionsReadBackWithPatternAndOptions() {
        // compared by value: BsonRegularExpression has no equals
        Document read = roundTrip(new Document("regex", new BsonRegularExpression("^a.*", "i")));
        assertThat(read.get("regex")).isInstanceOfSatisfying(BsonRegularExpression.class, regex -> {
            assertThat(regex.getPattern()).isEqualTo("^a.*");
            assertThat(regex.getOptions()).isEqualTo("i");
        });
    }

    @Test
    void datesKeepMongoDbsMillisecondPrecision() {
        Document read = roundTrip(new Document("at", Instant.parse("2026-12-05T08:15:30.123456789Z")));
        assertThat(read.get("at")).isEqualTo(Instant.parse("2026-12-05T08:15:30.123Z"));
    }

    @Test
    void documentsWrittenOneAfterAnotherReadBackInTurn() {
        WriteBuffer buffer = new WriteBuffer();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Document document = new Document("_id", "statement:" + i).append("ids", List.of("a".repeat(i), i));
            documents.add(document);
            type.write(buffer, document);
        }
        ByteBuffer written = buffer.getBuffer().flip();
        for (Document document : documents) {
            assertThat(type.read(written)).isEqualTo(document);
        }
        assertThat(written.hasRemaining()).isFalse();
    }

    private ByteBuffer write(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }

    private Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        buffer.put((byte) 7); // a value rarely starts a page: read from where the buffer is, not from 0
        type.write(buffer, document);
        ByteBuffer written = buffer.getBuffer().flip();
        written.get();
        Document read = type.read(written);
        assertThat(written.hasRemaining()).isFalse();
        return read;
    }
}
