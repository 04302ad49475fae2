package io.quotegraph.statements;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the client and the store exchange about one collection while an action runs: the bytes of the store's
 * answers to reads ({@code find}, {@code getMore}) and of the write commands sent ({@code insert}, {@code update},
 * {@code delete}), so that tests can show what a delivery costs the store. A client command listener (Quarkus
 * registers every {@link CommandListener} bean with the MongoDB client); it does nothing unless an action is measured.
 */
@Singleton
public class MongoTraffic implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete");

    /** Bytes read and written. */
    public record Bytes(long read, long written) {
    }

    /** The measured collection, null while nothing is measured. */
    private volatile String measured;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Reads of the measured collection under way, by request id. */
    private final Map<Integer, Boolean> pendingReads = new ConcurrentHashMap<>();

    /** What the client and the store exchanged about {@code collection} while {@code action} ran. */
    public synchronized Bytes measure(String collection, Runnable action) {
        read.set(0);
        written.set(0);
        measured = collection;
        try {
            action.run();
        } finally {
            measured = null;
            pendingReads.clear();
        }
        return new Bytes(read.get(), written.get());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String collection = measured;
        if (collection == null) {
            return;
        }
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        if (name.equals("find") && collection.equals(string(command.get("find")))
                || name.equals("getMore") && collection.equals(string(command.get("collection")))) {
            pendingReads.put(event.getRequestId(), true);
        } else if (WRITES.contains(name) && collection.equals(string(command.get(name)))) {
            written.addAndGet(size(command));
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (pendingReads.remove(event.getRequestId()) != null) {
            read.addAndGet(size(event.getResponse()));
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        pendingReads.remove(event.getRequestId());
    }

    private static String string(BsonValue value) {
        return value != null && value.isString() ? value.asString().getValue() : null;
    }

    private static long size(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().remaining();
    }
}
