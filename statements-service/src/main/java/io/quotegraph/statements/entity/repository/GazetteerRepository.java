package io.quotegraph.statements.entity.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Gazetteer entries added through the API ({@value #COLLECTION}): _id (the canonical name's key), canonical, type,
 * aliases, revision (1, 2, … in order of change), addedBy, addedAt. The bundled gazetteer is a resource, not stored.
 */
@ApplicationScoped
public class GazetteerRepository {

    public static final String COLLECTION = "gazetteer_additions";

    @Inject
    Mongo mongo;

    public MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    public List<Document> findAll() {
        return collection().find().sort(Sorts.ascending("revision", "_id")).into(new ArrayList<>());
    }

    public void save(Document entry) {
        collection().replaceOne(Filters.eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
    }
}
