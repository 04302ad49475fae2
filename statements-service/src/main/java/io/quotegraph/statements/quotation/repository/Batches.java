package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads by _id in chunks and ordered bulk writes in chunks: an article's index updates in few round trips. */
final class Batches {

    static final int SIZE = 500;

    private Batches() {
    }

    static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }

    /** Writes in order (a pull before its push), {@value #SIZE} operations per round trip. */
    static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        for (int from = 0; from < writes.size(); from += SIZE) {
            collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + SIZE)));
        }
    }
}
