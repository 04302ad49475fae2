package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend with {@link TypedIndexH2Database}s: same files, same behaviour, faster index look-ups. */
public final class TypedIndexH2Backend extends H2Backend {

    private TypedIndexH2Backend(MVStore store) {
        super(store);
    }

    /** @param fileName the H2 file; null keeps everything in memory */
    public static TypedIndexH2Backend open(String fileName) {
        return new TypedIndexH2Backend(MVStore.open(fileName));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return TypedIndexH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
