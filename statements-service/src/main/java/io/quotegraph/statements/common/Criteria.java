package io.quotegraph.statements.common;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The conditions of a list query, each stated once and usable two ways: as one MongoDB filter document (for a query
 * the store answers itself) and as a test of documents already read by _id ({@link Pages#findById}). The embedded
 * store uses its _id index only for a filter with nothing but an _id condition (any other field makes it scan the
 * collection), so a read of bounded candidates asks for them by _id alone and checks the other conditions here.
 * <p>
 * The tests follow MongoDB's semantics for the operators used: a condition on an array field holds when it holds for
 * one element; comparisons hold only between values of the same kind (numbers, strings, dates); a missing field matches
 * no comparison and no {@code $in}, but does match {@code $ne}. Field names may be dotted paths into sub-documents.
 */
public final class Criteria {

    private final Document filter = new Document();
    private final List<Document> and = new ArrayList<>();
    private final List<Predicate<Document>> tests = new ArrayList<>();

    /** The field (or one of its elements) equals the value. */
    public Criteria eq(String field, Object value) {
        return add(field, value, values -> values.stream().anyMatch(v -> same(v, value)));
    }

    /** The field (or one of its elements) is one of the values; nothing is added for no values. */
    public Criteria in(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        if (values.size() == 1) {
            return eq(field, values.iterator().next());
        }
        Set<Object> wanted = new HashSet<>(values);
        return add(field, new Document("$in", new ArrayList<>(values)), present -> present.stream().anyMatch(wanted::contains));
    }

    /** No element of the field (nor the field) equals the value; a missing field matches. */
    public Criteria ne(String field, Object value) {
        return add(field, new Document("$ne", value), values -> values.stream().noneMatch(v -> same(v, value)));
    }

    /** The array field holds every one of the values. */
    public Criteria all(String field, Collection<?> values) {
        List<Object> wanted = new ArrayList<>(values);
        return add(field, new Document("$all", wanted), present -> present.containsAll(wanted));
    }

    /** from ≤ field ≤ to (either bound may be null: none). */
    public Criteria between(String field, Object from, Object to) {
        Document range = new Document();
        if (from != null) {
            range.put("$gte", from);
        }
        if (to != null) {
            range.put("$lte", to);
        }
        if (range.isEmpty()) {
            return this;
        }
        return add(field, range, values -> values.stream().anyMatch(v -> (from == null || holds(compare(v, from), 0, 1))
                && (to == null || holds(compare(v, to), -1, 0))));
    }

    /** field &gt; value. */
    public Criteria gt(String field, Object value) {
        return add(field, new Document("$gt", value), values -> values.stream().anyMatch(v -> holds(compare(v, value), 1, 1)));
    }

    /** field ≥ value. */
    public Criteria gte(String field, Object value) {
        return between(field, value, null);
    }

    /** The field (or one of its elements) is a string matching the pattern. */
    public Criteria regex(String field, Pattern pattern) {
        int flags = pattern.flags();
        Document regex = new Document("$regex", pattern.pattern());
        if ((flags & Pattern.CASE_INSENSITIVE) != 0) {
            regex.append("$options", "i");
        }
        return add(field, regex, values -> values.stream().anyMatch(v -> v instanceof String s && pattern.matcher(s).find()));
    }

    /** At least one of the alternatives holds (each built with its own Criteria). */
    public Criteria anyOf(Criteria... alternatives) {
        List<Document> or = new ArrayList<>();
        for (Criteria alternative : alternatives) {
            or.add(alternative.filter());
        }
        and.add(new Document("$or", or));
        tests.add(document -> {
            for (Criteria alternative : alternatives) {
                if (alternative.test(document)) {
                    return true;
                }
            }
            return false;
        });
        return this;
    }

    /** The conditions as one filter document (field conditions at the top level, alternatives under $and). */
    public Document filter() {
        Document result = new Document(filter);
        if (!and.isEmpty()) {
            result.put("$and", new ArrayList<>(and));
        }
        return result;
    }

    public boolean isEmpty() {
        return filter.isEmpty() && and.isEmpty();
    }

    /** Whether the document meets every condition. */
    public boolean test(Document document) {
        for (Predicate<Document> test : tests) {
            if (!test.test(document)) {
                return false;
            }
        }
        return true;
    }

    private Criteria add(String field, Object condition, Predicate<List<Object>> onValues) {
        if (filter.containsKey(field)) {
            and.add(new Document(field, condition)); // a second condition on the field: beside the first, not over it
        } else {
            filter.put(field, condition);
        }
        tests.add(document -> onValues.test(values(document, field)));
        return this;
    }

    /** The values at a dotted path: an array contributes its elements (and a missing field nothing). */
    static List<Object> values(Document document, String path) {
        List<Object> current = new ArrayList<>(List.of(document));
        for (String key : path.split("\\.")) {
            List<Object> next = new ArrayList<>();
            for (Object node : current) {
                if (node instanceof Document d && d.containsKey(key)) {
                    Object value = d.get(key);
                    if (value instanceof List<?> list) {
                        next.addAll(list);
                    } else {
                        next.add(value);
                    }
                } else if (node instanceof List<?> list) {
                    for (Object element : list) {
                        if (element instanceof Document d && d.containsKey(key)) {
                            next.add(d.get(key));
                        }
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static boolean same(Object stored, Object wanted) {
        if (stored instanceof Number a && wanted instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return Objects.equals(stored, wanted);
    }

    /** Whether the sign of a comparison is within [low, high]; values that do not compare (null) meet no bound. */
    private static boolean holds(Integer comparison, int low, int high) {
        return comparison != null && Integer.signum(comparison) >= low && Integer.signum(comparison) <= high;
    }

    /** As Comparable, or null for values of different kinds (MongoDB compares only numbers, strings, dates alike). */
    private static Integer compare(Object stored, Object bound) {
        if (stored instanceof Number a && bound instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (stored instanceof String a && bound instanceof String b) {
            return a.compareTo(b);
        }
        if (stored instanceof Date a && bound instanceof Date b) {
            return a.compareTo(b);
        }
        return null;
    }
}
