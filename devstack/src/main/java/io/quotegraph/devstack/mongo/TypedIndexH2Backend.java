package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import java.time.Duration;

/**
 * mongo-java-server's H2 backend with {@link TypedIndexH2Database}s: same behaviour, faster index look-ups, documents
 * stored as BSON. A file written by the stock backend (or an earlier version of this one) is migrated when opened.
 */
public final class TypedIndexH2Backend extends H2Backend {

    private TypedIndexH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Page cache of the store, in MB. H2's default (16 MB) is far smaller than the pages a few hundred deliveries
     * touch: updates then re-read and Java-deserialise whole pages from the file (a sixth of the embedded store's CPU
     * in bench-ingest went to {@code FileStore.readPage} under {@code MVMap.put}).
     */
    static final int CACHE_MB = 256;

    /**
     * Changes kept in memory before the store writes them, in KB of estimated heap (H2's default: 1 MB): about 16 MB
     * of BSON. Each write serialises every changed page whole, and the services update the same large documents (id
     * sets, speakers) many times a second: with the default most of them were rewritten on nearly every delivery. The
     * background writer still saves every {@link #SAVE_INTERVAL}, and closing the store saves everything.
     */
    static final int UNSAVED_KB = 16 * 1024 * BsonDocumentType.HEAP_BYTES_PER_BSON_BYTE;

    /**
     * How long a write may stay unsaved: the background writer saves the changes of this interval after it has passed
     * (sooner if {@link #UNSAVED_KB} fill first). An unclean stop (SIGKILL, power loss) loses at most the writes of
     * the last interval and the save in progress; a clean stop saves everything. H2's default, kept: 5 s wrote a third
     * to a half less in a loaded bench but gained 5 % of the stand-in's CPU in the least loaded pair, and acknowledged
     * deliveries are not redelivered, so a wider window is data a crash loses (docs/ingestion-throughput.md, "The
     * stand-in's writes").
     */
    public static final Duration SAVE_INTERVAL = Duration.ofSeconds(1);

    /** @param fileName the H2 file; null keeps everything in memory */
    public static TypedIndexH2Backend open(String fileName) {
        MVStore.Builder builder = new MVStore.Builder().cacheSize(CACHE_MB).autoCommitBufferSize(UNSAVED_KB)
                .backgroundExceptionHandler(TypedIndexH2Backend::reportBackgroundFailure);
        MVStore store = fileName == null ? builder.open() : builder.fileName(fileName).open();
        store.setAutoCommitDelay((int) SAVE_INTERVAL.toMillis());
        return new TypedIndexH2Backend(store);
    }

    /** H2 drops a failure of its background writer silently (and then closes the store): say what it was. */
    private static void reportBackgroundFailure(Thread thread, Throwable failure) {
        System.err.println("embedded MongoDB store: H2's background writer failed in " + thread.getName() + ":");
        failure.printStackTrace();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return TypedIndexH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
