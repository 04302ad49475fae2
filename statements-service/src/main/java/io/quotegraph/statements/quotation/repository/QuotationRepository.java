package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The quotations ({@value #QUOTATIONS}): _id, speakerId (as when founded), occurrences [{statementId, articleId,
 * source, publishedAt, content {start, end, text}}]; the canonical text, first-seen time and counts are derived from
 * the occurrences when read, so that concurrent deliveries only ever push and pull (atomic single-document updates).
 * And per speaker id, its quotations ({@value #SPEAKERS}: _id = speaker id, quotationIds). Read by _id only.
 */
@ApplicationScoped
public class QuotationRepository {

    public static final String QUOTATIONS = "quotations";
    public static final String SPEAKERS = "speaker_quotations";

    @Inject
    Mongo mongo;

    private MongoCollection<Document> quotations() {
        return mongo.collection(QUOTATIONS);
    }

    private MongoCollection<Document> speakers() {
        return mongo.collection(SPEAKERS);
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(quotations().find(Filters.eq("_id", id)).first());
    }

    /** The quotations with these ids that exist, in the given order (lookups by _id). */
    public List<Document> findAll(Collection<String> ids) {
        Map<String, Document> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, null));
        for (List<String> chunk : Batches.chunks(ids)) {
            for (Document quotation : quotations().find(Filters.in("_id", chunk))) {
                byId.put(quotation.getString("_id"), quotation);
            }
        }
        return byId.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** A statement's occurrence in a quotation of a speaker. */
    public record Membership(String quotationId, String speakerId, Document occurrence) {
        String statementId() {
            return occurrence.getString("statementId");
        }
    }

    /**
     * Adds each occurrence, creating its quotation and listing it under its speaker; with {@code replace}, an earlier
     * occurrence of the same statement is pulled first.
     */
    public void addOccurrences(Collection<Membership> memberships, boolean replace) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, Set<String>> quotationsBySpeaker = new LinkedHashMap<>();
        for (Membership m : memberships) {
            if (replace) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", m.quotationId()),
                        Updates.pull("occurrences", new Document("statementId", m.statementId()))));
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", m.quotationId()), Updates.combine(
                    Updates.setOnInsert("speakerId", m.speakerId()), Updates.push("occurrences", m.occurrence())),
                    new UpdateOptions().upsert(true)));
            quotationsBySpeaker.computeIfAbsent(m.speakerId(), k -> new LinkedHashSet<>()).add(m.quotationId());
        }
        Batches.write(quotations(), writes);
        List<WriteModel<Document>> speakerWrites = new ArrayList<>();
        quotationsBySpeaker.forEach((speakerId, quotationIds) -> speakerWrites.add(new UpdateOneModel<>(
                Filters.eq("_id", speakerId), Updates.addEachToSet("quotationIds", new ArrayList<>(quotationIds)),
                new UpdateOptions().upsert(true))));
        Batches.write(speakers(), speakerWrites);
    }

    /** Removes statements' occurrences (statement id → quotation id); quotations left empty are deleted and unlisted. */
    public void removeOccurrences(Map<String, String> quotationByStatement) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        quotationByStatement.forEach((statementId, quotationId) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", quotationId),
                Updates.pull("occurrences", new Document("statementId", statementId)))));
        Batches.write(quotations(), writes);
        List<WriteModel<Document>> speakerWrites = new ArrayList<>();
        List<WriteModel<Document>> deletes = new ArrayList<>();
        for (Document quotation : findAll(new LinkedHashSet<>(quotationByStatement.values()))) {
            if (quotation.getList("occurrences", Document.class, List.of()).isEmpty()) {
                speakerWrites.add(new UpdateOneModel<>(Filters.eq("_id", quotation.getString("speakerId")),
                        Updates.pull("quotationIds", quotation.getString("_id"))));
                deletes.add(new DeleteOneModel<>(Filters.and(Filters.eq("_id", quotation.getString("_id")),
                        Filters.size("occurrences", 0))));
            }
        }
        Batches.write(speakers(), speakerWrites);
        Batches.write(quotations(), deletes);
    }

    public List<String> quotationIdsOfSpeaker(String speakerId) {
        Document speaker = speakers().find(Filters.eq("_id", speakerId)).first();
        return speaker == null ? List.of() : speaker.getList("quotationIds", String.class, List.of());
    }
}
