package io.quotegraph.statements;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import jakarta.inject.Singleton;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts, per collection, the commands the service sends, the write statements in them, the documents the store reports
 * changed (updated, upserted, inserted, deleted), the update statements that changed nothing, and the documents read,
 * while an action runs (issue 10: every write costs the store a document copy and a page rewrite). A client command
 * listener like {@link MongoTraffic}; it does nothing unless an action is counted.
 */
@Singleton
public class MongoWrites implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete");

    /** What one collection saw. */
    public static final class Tally {
        public long commands;
        /** Statements in write commands: updates, inserted documents, deletes. */
        public long statements;
        /** Documents changed: nModified + upserted for updates, n for inserts and deletes. */
        public long modified;
        /** Update statements that matched a document and left it as it was. */
        public long unchanged;
        public long read;

        void add(Tally other) {
            commands += other.commands;
            statements += other.statements;
            modified += other.modified;
            unchanged += other.unchanged;
            read += other.read;
        }

        @Override
        public String toString() {
            return "commands %d, statements %d, modified %d, unchanged %d, read %d"
                    .formatted(commands, statements, modified, unchanged, read);
        }
    }

    private record Pending(String collection, String command) {
    }

    private volatile Map<String, Tally> counting;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    /** What each collection saw while {@code action} ran, by collection name (and "all"). */
    public synchronized Map<String, Tally> count(Runnable action) {
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        counting = tallies;
        try {
            action.run();
        } finally {
            counting = null;
            pending.clear();
        }
        Map<String, Tally> sorted = new TreeMap<>(tallies);
        Tally all = new Tally();
        tallies.values().forEach(all::add);
        sorted.put("all", all);
        return sorted;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        Map<String, Tally> tallies = counting;
        if (tallies == null) {
            return;
        }
        String name = event.getCommandName();
        BsonDocument command = event.getCommand();
        String collection = string(command.get(name.equals("getMore") ? "collection" : name));
        if (collection == null) {
            return;
        }
        Tally tally = tallies.computeIfAbsent(collection, c -> new Tally());
        synchronized (tally) {
            tally.commands++;
            if (WRITES.contains(name)) {
                BsonValue statements = command.get(name.equals("insert") ? "documents" : name + "s");
                tally.statements += statements instanceof BsonArray array ? array.size() : 0;
            }
        }
        pending.put(event.getRequestId(), new Pending(collection, name));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Map<String, Tally> tallies = counting;
        Pending started = pending.remove(event.getRequestId());
        if (tallies == null || started == null) {
            return;
        }
        BsonDocument response = event.getResponse();
        Tally tally = tallies.computeIfAbsent(started.collection(), c -> new Tally());
        synchronized (tally) {
            switch (started.command()) {
                case "update" -> {
                    long n = number(response, "n");
                    long upserted = response.get("upserted") instanceof BsonArray array ? array.size() : 0;
                    long modified = number(response, "nModified");
                    tally.modified += modified + upserted;
                    tally.unchanged += n - upserted - modified;
                }
                case "insert", "delete" -> tally.modified += number(response, "n");
                case "find", "getMore" -> {
                    BsonDocument cursor = response.getDocument("cursor", new BsonDocument());
                    BsonValue batch = cursor.containsKey("firstBatch") ? cursor.get("firstBatch") : cursor.get("nextBatch");
                    tally.read += batch instanceof BsonArray array ? array.size() : 0;
                }
                default -> {
                }
            }
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        pending.remove(event.getRequestId());
    }

    private static long number(BsonDocument document, String key) {
        BsonValue value = document.get(key);
        return value != null && value.isNumber() ? value.asNumber().longValue() : 0;
    }

    private static String string(BsonValue value) {
        return value != null && value.isString() ? value.asString().getValue() : null;
    }
}
