package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The BSON of document instances, by identity, for as long as each instance lives elsewhere (weakly held: an entry
 * goes when its document has been collected, e.g. after its page left H2's page cache). Only for instances that are
 * never changed once their bytes are kept: the documents of a collection's map ({@link CopyOnUpdateH2Collection}
 * replaces a document by a new instance instead of changing it).
 */
final class EncodedDocuments {

    private final ConcurrentHashMap<IdentityKey, byte[]> bytes = new ConcurrentHashMap<>();
    private final ReferenceQueue<Document> collected = new ReferenceQueue<>();

    /** The bytes kept for this very instance, or null. */
    byte[] get(Document document) {
        removeCollected();
        return bytes.get(new Lookup(document));
    }

    void put(Document document, byte[] encoded) {
        removeCollected();
        bytes.put(new WeakKey(document, collected), encoded);
    }

    /** Entries kept now (those of collected documents that were not yet removed among them). */
    int size() {
        removeCollected();
        return bytes.size();
    }

    private void removeCollected() {
        for (Reference<? extends Document> key; (key = collected.poll()) != null; ) {
            bytes.remove(key);
        }
    }

    /** A key equal to another exactly when both name the same live instance (or are the same key). */
    private interface IdentityKey {
        Document document();
    }

    private static boolean sameInstance(IdentityKey key, Object other) {
        if (key == other) {
            return true;
        }
        Document document = key.document();
        return document != null && other instanceof IdentityKey otherKey && otherKey.document() == document;
    }

    private static final class WeakKey extends WeakReference<Document> implements IdentityKey {
        private final int hash;

        WeakKey(Document document, ReferenceQueue<Document> queue) {
            super(document, queue);
            hash = System.identityHashCode(document);
        }

        @Override
        public Document document() {
            return get();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return sameInstance(this, other);
        }
    }

    private record Lookup(Document document) implements IdentityKey {
        @Override
        public int hashCode() {
            return System.identityHashCode(document);
        }

        @Override
        public boolean equals(Object other) {
            return sameInstance(this, other);
        }
    }
}
