package io.quotegraph.quotations;

import io.quotegraph.quotations.text.Hashing;
import io.quotegraph.quotations.text.QuoteText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory incremental quotation index (the benchmark's and the evaluation's; statements-service keeps the same
 * structure in MongoDB). Statements are numbered in the order they are added.
 * <p>
 * Blocking as {@link QuoteBlocking}: each speaker's first statements in a list, the others in LSH buckets.
 * Cost of {@link #add}: O(words) to normalise and sign the wording, O(bands) bucket lookups once the speaker's list is
 * full, and at most {@link QuoteBlocking#MAX_CANDIDATES} candidate comparisons of O(words) each, so
 * O(bands + candidates) per statement, independent of the number of statements stored. Memory: O(statements × (words + bands)), about 550 bytes per
 * statement (its hashes, quotation, links and bucket entries). Buckets are chains through an entry array, newest
 * first, so the capacity bound is a walk limit and nothing is ever moved. Not thread-safe.
 */
public final class QuotationIndex {

    private final int speakerListCapacity;
    private final int bucketCapacity;
    private final Map<String, SpeakerList> speakerLists = new HashMap<>();
    private final LongIntHashMap heads = new LongIntHashMap();
    private int[] entryNext = new int[1024];
    private int[] entryStatement = new int[1024];
    private int entries;
    private QuoteText[] texts = new QuoteText[1024];
    private int[] quotations = new int[1024];
    private int[][] similar = new int[1024][];
    private int size;

    public QuotationIndex() {
        this(QuoteBlocking.SPEAKER_LIST_CAPACITY, QuoteBlocking.BUCKET_CAPACITY);
    }

    /** A speaker list capacity of 0 files every statement in the buckets. */
    public QuotationIndex(int speakerListCapacity, int bucketCapacity) {
        this.speakerListCapacity = speakerListCapacity;
        this.bucketCapacity = bucketCapacity;
    }

    /** A speaker's first statements; banded once any of its statements is in the buckets. */
    private static final class SpeakerList {
        int[] statements = new int[4];
        int size;
        boolean banded;
    }

    /** What adding a statement found: its number, its quotation (the number of its first statement), its links. */
    public record Added(int statement, int quotation, List<Grouping.SimilarLink> similar, int candidates) {
    }

    public Added add(String speakerId, String text) {
        QuoteText quote = QuoteText.of(text);
        int statement = size;
        grow(statement + 1);
        SpeakerList list = speakerLists.computeIfAbsent(speakerId, k -> new SpeakerList());
        boolean listed = list.size < speakerListCapacity;
        int[] candidateIds = new int[list.size + (list.banded || !listed ? QuoteBlocking.BANDS * bucketCapacity : 0)];
        System.arraycopy(list.statements, 0, candidateIds, 0, list.size);
        int found = list.size;
        if (list.banded || !listed) {
            long speaker = Hashing.string(speakerId);
            long[] keys = QuoteBlocking.bandKeys(quote);
            for (int band = 0; band < keys.length; band++) {
                long key = Hashing.mix(speaker ^ keys[band]);
                int entry = heads.get(key);
                for (int walked = 0; entry >= 0 && walked < bucketCapacity; walked++, entry = entryNext[entry]) {
                    candidateIds[found++] = entryStatement[entry];
                }
                if (!listed) {
                    addEntry(key, statement);
                }
            }
        }
        if (listed) {
            if (list.size == list.statements.length) {
                list.statements = Arrays.copyOf(list.statements, list.size * 2);
            }
            list.statements[list.size++] = statement;
        } else {
            list.banded = true;
        }
        int[] distinct = Arrays.stream(candidateIds, 0, found).distinct().toArray();
        List<Grouping.Candidate> candidates = new ArrayList<>(distinct.length);
        for (int id : distinct) {
            candidates.add(new Grouping.Candidate(Integer.toString(id), Integer.toString(quotations[id]), texts[id]));
        }
        Grouping.Decision decision = Grouping.decide(quote, candidates);
        texts[statement] = quote;
        quotations[statement] = decision.quotationId() == null ? statement : Integer.parseInt(decision.quotationId());
        similar[statement] = decision.similar().stream().mapToInt(link -> Integer.parseInt(link.statementId())).toArray();
        size++;
        return new Added(statement, quotations[statement], decision.similar(), distinct.length);
    }

    public int size() {
        return size;
    }

    /** The relation the index found between two added statements (similar links point from the later one). */
    public Relation relation(int a, int b) {
        if (quotations[a] == quotations[b]) {
            return Relation.SAME;
        }
        int later = Math.max(a, b);
        int earlier = Math.min(a, b);
        return Arrays.stream(similar[later]).anyMatch(id -> id == earlier) ? Relation.SIMILAR : Relation.UNRELATED;
    }

    private void addEntry(long key, int statement) {
        if (entries == entryNext.length) {
            entryNext = Arrays.copyOf(entryNext, entries * 2);
            entryStatement = Arrays.copyOf(entryStatement, entries * 2);
        }
        entryNext[entries] = heads.get(key);
        entryStatement[entries] = statement;
        heads.put(key, entries);
        entries++;
    }

    private void grow(int capacity) {
        if (capacity > texts.length) {
            int length = texts.length * 2;
            texts = Arrays.copyOf(texts, length);
            quotations = Arrays.copyOf(quotations, length);
            similar = Arrays.copyOf(similar, length);
        }
    }

    /** An open-addressing map from long keys to non-negative ints (-1: absent), linear probing, load ≤ 0.5. */
    static final class LongIntHashMap {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int count;

        int get(long key) {
            int mask = keys.length - 1;
            for (int slot = (int) Hashing.mix(key) & mask; used[slot]; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return values[slot];
                }
            }
            return -1;
        }

        void put(long key, int value) {
            if (2 * (count + 1) > keys.length) {
                rehash();
            }
            int mask = keys.length - 1;
            int slot = (int) Hashing.mix(key) & mask;
            while (used[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (!used[slot]) {
                used[slot] = true;
                keys[slot] = key;
                count++;
            }
            values[slot] = value;
        }

        private void rehash() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            count = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
