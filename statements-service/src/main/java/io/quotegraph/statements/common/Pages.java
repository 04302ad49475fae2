package io.quotegraph.statements.common;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quotegraph.model.view.Page;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
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
     * A page of bounded candidates named by _id: they are read by _id alone (which the embedded store answers from its
     * _id index; any other field in the filter makes it scan the whole collection), sorted by the store, kept when they
     * meet the criteria, and counted as they come rather than by a second query.
     *
     * @param projection the fields to read (null: all); it must include those the criteria and the sort look at
     */
    public static <T> Page<T> findById(MongoCollection<Document> collection, Collection<String> ids, Criteria criteria,
                                       Bson sort, Bson projection, int offset, int limit, Function<Document, T> toView) {
        List<T> items = new ArrayList<>();
        long total = 0;
        if (ids.isEmpty()) {
            return new Page<>(items, offset, limit, total);
        }
        FindIterable<Document> found = collection.find(Filters.in("_id", new ArrayList<>(ids))).sort(sort);
        if (projection != null) {
            found = found.projection(projection);
        }
        for (Document document : found) {
            if (!criteria.test(document)) {
                continue;
            }
            if (total >= offset && items.size() < limit) {
                items.add(toView.apply(document));
            }
            total++;
        }
        return new Page<>(items, offset, limit, total);
    }
}
