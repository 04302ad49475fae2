package io.quotegraph.statements.common;

import com.mongodb.client.MongoCollection;
import io.quotegraph.model.view.Page;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a collection: the matching documents from offset, at most limit, plus their total count. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> find(MongoCollection<Document> collection, Bson filter, Bson sort,
                                   int offset, int limit, Function<Document, T> toView) {
        // an unfiltered list is counted from the collection's metadata rather than by scanning it
        boolean unfiltered = filter instanceof Document document && document.isEmpty();
        long total = unfiltered ? collection.estimatedDocumentCount() : collection.countDocuments(filter);
        List<T> items = new ArrayList<>();
        if (limit > 0 && offset < total) {
            for (Document document : collection.find(filter).sort(sort).skip(offset).limit(limit)) {
                items.add(toView.apply(document));
            }
        }
        return new Page<>(items, offset, limit, total);
    }

    /**
     * A page of a filter that names its candidates by _id (a bounded set): all matches are read in one query, which
     * the embedded store answers from its _id index, and counted as they come, rather than counted by a second query.
     * The filter must be one document whose top-level _id condition sits beside the others (not under $and).
     */
    public static <T> Page<T> findById(MongoCollection<Document> collection, Document filter, Bson sort,
                                       int offset, int limit, Function<Document, T> toView) {
        List<T> items = new ArrayList<>();
        long total = 0;
        for (Document document : collection.find(filter).sort(sort)) {
            if (total >= offset && items.size() < limit) {
                items.add(toView.apply(document));
            }
            total++;
        }
        return new Page<>(items, offset, limit, total);
    }
}
