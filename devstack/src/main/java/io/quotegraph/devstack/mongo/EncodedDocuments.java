package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The BSON bytes of documents, by document instance, for as long as the instance lives, up to a budget of bytes.
 * <p>
 * H2 saves a changed page whole: every document of it is written again, most of them unchanged (a write by {@code _id}
 * changes one document of a page of many). Re-encoding those was most of the store's page writer. The instances in a
 * collection's map are never changed ({@link CopyOnUpdateH2Collection} updates copies and puts the new version in), so
 * an instance's bytes, once encoded or read from the file, stay its bytes: they are remembered here and copied out on
 * the next save. A changed document is a new instance and is encoded anew. Entries go with their instance (weak keys,
 * compared by identity: a document's own equals and hashCode walk its content).
 */
final class EncodedDocuments {

    /** Bytes remembered at most (beyond it, documents are encoded on every save as before). */
    static final long DEFAULT_BUDGET = 128L * 1024 * 1024;

    private final Map<Key, byte[]> bytesByDocument = new ConcurrentHashMap<>();
    private final ReferenceQueue<Document> collected = new ReferenceQueue<>();
    private final AtomicLong remembered = new AtomicLong();
    private final long budget;

    EncodedDocuments(long budget) {
        this.budget = budget;
    }

    /** The bytes remembered for this instance, or null. */
    byte[] get(Document document) {
        return bytesByDocument.get(new Key(document, null));
    }

    /** Remembers an instance's bytes, unless that would pass the budget. The instance must never change. */
    void remember(Document document, byte[] bytes) {
        forgetCollected();
        if (remembered.addAndGet(bytes.length) > budget) {
            remembered.addAndGet(-bytes.length);
            return;
        }
        byte[] before = bytesByDocument.put(new Key(document, collected), bytes);
        if (before != null) {
            remembered.addAndGet(-before.length);
        }
    }

    long rememberedBytes() {
        return remembered.get();
    }

    private void forgetCollected() {
        for (Object key; (key = collected.poll()) != null; ) {
            byte[] bytes = bytesByDocument.remove(key);
            if (bytes != null) {
                remembered.addAndGet(-bytes.length);
            }
        }
    }

    /** A document instance, compared by identity; once collected, equal only to itself. */
    private static final class Key extends WeakReference<Document> {
        private final int hash;

        Key(Document document, ReferenceQueue<Document> queue) {
            super(document, queue);
            hash = System.identityHashCode(document);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Document document = get();
            return other instanceof Key key && document != null && key.get() == document;
        }
    }
}
