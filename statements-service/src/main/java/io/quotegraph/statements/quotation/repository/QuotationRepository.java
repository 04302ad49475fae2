package io.quotegraph.statements.quotation.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The quotations ({@value #QUOTATIONS}): _id, speakerId (as when founded), statementIds (its members). An occurrence's
 * data (article, source, time, wording) is its statement's link ({@link QuotationLinkRepository}), written once per
 * statement; the canonical text, first-seen time and counts are derived from the members' links when read. So a new
 * member costs one id added to the quotation (an idempotent {@code $addToSet}), not a rewrite of every occurrence's
 * wording, and concurrent deliveries only ever add and pull ids (atomic single-document updates).
 * <p>
 * Stores written before statements-v5 have the members' data embedded as {@code occurrences [{statementId, ...}]}:
 * reads take their statement ids as members too, and removals pull from both, so an old quotation keeps answering
 * and empties out as its statements are re-indexed.
 * <p>
 * And per speaker id, its quotations: the {@link IdSets} of kind {@value IdSets#SPEAKER_QUOTATIONS}, so that a busy
 * speaker's new quotation writes a page of the set, not the speaker's whole list. Older stores kept the list as one
 * document per speaker ({@value #SPEAKERS}: _id = speaker id, quotationIds), copied into the sets
 * once at start-up ({@link #fillSpeakerSets}) and no longer written.
 */
@ApplicationScoped
public class QuotationRepository {

    public static final String QUOTATIONS = "quotations";
    public static final String SPEAKERS = "speaker_quotations";
    private static final String MEMBERS = "statementIds";
    /** The members' embedded data of the shape before statements-v5 (read and pulled, never written). */
    private static final String EMBEDDED = "occurrences";

    @Inject
    Mongo mongo;
    @Inject
    IdSets sets;

    private MongoCollection<Document> quotations() {
        return mongo.collection(QUOTATIONS);
    }

    private MongoCollection<Document> speakers() {
        return mongo.collection(SPEAKERS);
    }

    /** A quotation, with what its view needs (as {@link #findAll}): not the wordings an old shape embeds. */
    public Optional<Document> find(String id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The quotations with these ids that exist, in the given order (lookups by _id). */
    public List<Document> findAll(Collection<String> ids) {
        Map<String, Document> byId = new LinkedHashMap<>();
        ids.forEach(id -> byId.put(id, null));
        for (List<String> chunk : Batches.chunks(ids)) {
            for (Document quotation : quotations().find(Filters.in("_id", chunk))
                    .projection(Projections.include("speakerId", MEMBERS, EMBEDDED + ".statementId"))) {
                byId.put(quotation.getString("_id"), quotation);
            }
        }
        return byId.values().stream().filter(Objects::nonNull).toList();
    }

    /** The statement ids a quotation lists as its members (of either stored shape), each once. */
    public static Set<String> memberIds(Document quotation) {
        Set<String> ids = new LinkedHashSet<>(quotation.getList(MEMBERS, String.class, List.of()));
        for (Document embedded : quotation.getList(EMBEDDED, Document.class, List.of())) {
            ids.add(embedded.getString("statementId"));
        }
        return ids;
    }

    /** Statements joining a quotation of a speaker. */
    public record Members(String quotationId, String speakerId, List<String> statementIds) {
    }

    /**
     * Adds the members, creating their quotations and listing them under their speakers: one idempotent write per
     * quotation (adding a member twice, as a resumed decision may, changes nothing).
     */
    public void addMembers(Collection<Members> members) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, Set<String>> quotationsBySpeaker = new LinkedHashMap<>();
        for (Members m : members) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", m.quotationId()), Updates.combine(
                    Updates.setOnInsert("speakerId", m.speakerId()), Updates.addEachToSet(MEMBERS, m.statementIds())),
                    new UpdateOptions().upsert(true)));
            quotationsBySpeaker.computeIfAbsent(m.speakerId(), k -> new LinkedHashSet<>()).add(m.quotationId());
        }
        // listed before the quotations are written: a speaker's set may list more than exist, never fewer (see IdSets)
        IdSets.Changes listed = new IdSets.Changes();
        quotationsBySpeaker.forEach((speakerId, quotationIds) ->
                listed.addAll(IdSets.SPEAKER_QUOTATIONS, speakerId, quotationIds));
        sets.apply(listed);
        Batches.write(quotations(), writes);
    }

    /** Removes members (quotation id → statement ids); quotations left empty are deleted and unlisted. */
    public void removeMembers(Map<String, ? extends Collection<String>> statementIdsByQuotation) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        statementIdsByQuotation.forEach((quotationId, statementIds) -> writes.add(new UpdateOneModel<>(
                Filters.eq("_id", quotationId), Updates.combine(Updates.pullAll(MEMBERS, new ArrayList<>(statementIds)),
                        Updates.pull(EMBEDDED, new Document("statementId", new Document("$in", new ArrayList<>(statementIds))))))));
        Batches.write(quotations(), writes);
        List<WriteModel<Document>> deletes = new ArrayList<>();
        Map<String, String> speakerOfEmptied = new LinkedHashMap<>();
        for (Document quotation : findAll(statementIdsByQuotation.keySet())) {
            if (memberIds(quotation).isEmpty()) {
                speakerOfEmptied.put(quotation.getString("_id"), quotation.getString("speakerId"));
                // only if still empty: a concurrent delivery may have added a member since
                deletes.add(new DeleteOneModel<>(Filters.and(Filters.eq("_id", quotation.getString("_id")),
                        empty(MEMBERS), empty(EMBEDDED))));
            }
        }
        if (deletes.isEmpty()) {
            return;
        }
        Batches.write(quotations(), deletes);
        // unlisted once gone, and only those: one a concurrent delivery refilled stays listed
        findAll(speakerOfEmptied.keySet()).forEach(kept -> speakerOfEmptied.remove(kept.getString("_id")));
        IdSets.Changes unlisted = new IdSets.Changes();
        speakerOfEmptied.forEach((quotationId, speakerId) ->
                unlisted.remove(IdSets.SPEAKER_QUOTATIONS, speakerId, quotationId));
        sets.apply(unlisted);
    }

    private static Bson empty(String field) {
        return Filters.or(Filters.exists(field, false), Filters.size(field, 0));
    }

    /** The quotation ids listed for a speaker (possibly some deleted since: {@link #findAll} skips those). */
    public Set<String> quotationIdsOfSpeaker(String speakerId) {
        return sets.membersOf(IdSets.SPEAKER_QUOTATIONS, speakerId);
    }

    /**
     * Copies the per-speaker list documents of an older store into the sets, once (a start-up step;
     * repeating it after a crash adds nothing twice).
     */
    public void fillSpeakerSets() {
        if (sets.isFilled(IdSets.SPEAKER_QUOTATIONS)) {
            return;
        }
        for (Document speaker : speakers().find()) {
            sets.add(IdSets.SPEAKER_QUOTATIONS, speaker.getString("_id"),
                    speaker.getList("quotationIds", String.class, List.of()));
        }
        sets.markFilled(IdSets.SPEAKER_QUOTATIONS);
    }
}
