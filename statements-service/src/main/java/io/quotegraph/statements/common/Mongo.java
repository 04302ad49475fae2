package io.quotegraph.statements.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's MongoDB database (quarkus.mongodb.database) and its collection names. */
@ApplicationScoped
public class Mongo {

    public static final String STATEMENTS = "statements";
    public static final String SPEAKERS = "speakers";
    public static final String ARTICLE_SPEAKERS = "article_speakers";
    public static final String EVENTS = "events";
    public static final String DELIVERIES = "deliveries";

    @Inject
    MongoClient client;

    @ConfigProperty(name = "quarkus.mongodb.database", defaultValue = "quotegraph")
    String database;

    public MongoDatabase database() {
        return client.getDatabase(database);
    }

    public MongoCollection<Document> collection(String name) {
        return database().getCollection(name);
    }

    /** Whether the failure is a unique-index violation (E11000), from a single write or a bulk write. */
    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e.getCode() == 11000 || ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
