package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

    /** The quotations with these ids that exist, in the given order, one _id lookup each. */
    public List<Document> findAll(Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    /** Adds (or replaces) the occurrence of a statement, creating the quotation and listing it under its speaker. */
    public void addOccurrence(String quotationId, String speakerId, Document occurrence) {
        String statementId = occurrence.getString("statementId");
        quotations().updateOne(Filters.eq("_id", quotationId), Updates.combine(
                Updates.setOnInsert("speakerId", speakerId),
                Updates.pull("occurrences", new Document("statementId", statementId))), new UpdateOptions().upsert(true));
        quotations().updateOne(Filters.eq("_id", quotationId), Updates.push("occurrences", occurrence));
        speakers().updateOne(Filters.eq("_id", speakerId), Updates.addToSet("quotationIds", quotationId),
                new UpdateOptions().upsert(true));
    }

    /** Removes a statement's occurrence; a quotation left without any is deleted and unlisted from its speaker. */
    public void removeOccurrence(String quotationId, String statementId) {
        quotations().updateOne(Filters.eq("_id", quotationId),
                Updates.pull("occurrences", new Document("statementId", statementId)));
        Document quotation = find(quotationId).orElse(null);
        if (quotation != null && quotation.getList("occurrences", Document.class, List.of()).isEmpty()) {
            speakers().updateOne(Filters.eq("_id", quotation.getString("speakerId")),
                    Updates.pull("quotationIds", quotationId));
            quotations().deleteOne(Filters.and(Filters.eq("_id", quotationId), Filters.size("occurrences", 0)));
        }
    }

    public List<String> quotationIdsOfSpeaker(String speakerId) {
        Document speaker = speakers().find(Filters.eq("_id", speakerId)).first();
        return speaker == null ? List.of() : speaker.getList("quotationIds", String.class, List.of());
    }
}
