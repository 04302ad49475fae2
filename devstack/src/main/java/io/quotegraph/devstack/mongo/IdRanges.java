package io.quotegraph.devstack.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * The string ranges of a query that is exactly {@code {$or: [{_id: {$gte: "a", $lt: "b"}}, ...]}}: how the services
 * read documents whose {@code _id}s share a prefix (the members of several id sets in one read). mongo-java-server
 * answers a range, and any {@code $or}, with a scan of the whole collection; {@link TypedUniqueIndex} answers this one
 * from the ordered {@code _id} index, and {@link CopyOnUpdateH2Collection} matches it without re-evaluating every
 * branch for every candidate. Both give what MongoDB gives: a comparison with a string matches only string ids.
 */
record IdRanges(List<Range> ranges) {

    private static final String ID = "_id";

    record Range(String from, String to) {
        boolean contains(String id) {
            return id.compareTo(from) >= 0 && id.compareTo(to) < 0;
        }
    }

    /** The ranges of such a query, else null (every other query is answered as mongo-java-server does). */
    static IdRanges of(Document query) {
        if (query.size() != 1 || !(query.get("$or") instanceof List<?> branches) || branches.isEmpty()) {
            return null;
        }
        List<Range> ranges = new ArrayList<>(branches.size());
        for (Object branch : branches) {
            if (!(branch instanceof Document condition) || condition.size() != 1
                    || !(condition.get(ID) instanceof Document bounds) || bounds.size() != 2
                    || !(bounds.get("$gte") instanceof String from) || !(bounds.get("$lt") instanceof String to)) {
                return null;
            }
            ranges.add(new Range(from, to));
        }
        return new IdRanges(ranges);
    }

    boolean contains(Object id) {
        if (id instanceof String string) {
            for (Range range : ranges) {
                if (range.contains(string)) {
                    return true;
                }
            }
        }
        return false;
    }
}
