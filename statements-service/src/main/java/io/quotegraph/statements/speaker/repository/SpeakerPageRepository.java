package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A speaker's mappings summarised in {@value IdSets#OVERFLOW_PAGES} pages ({@value #COLLECTION}), a mapping falling on
 * the page {@link IdSets#pageNumber} gives its id (the page of the speaker's id set it is filed on once the set's head
 * is full): _id "{speakerId}#{page}", speakerId, writes (bumped around every write of a mapping on the page),
 * derivedAt (the writes the stored partial derivation was made after) and the partial derivation of the page's mappings
 * (see {@code SpeakerDerivation}). A page whose derivedAt is not its writes is stale: its mappings are read again.
 * <p>
 * No transactions: a writer bumps a page before writing its mappings and again after, so a derivation that read the
 * page's mappings before the write completed records a count the page has left behind and is redone by the next
 * refresh; one that read the second bump read the mappings after the write.
 */
@ApplicationScoped
public class SpeakerPageRepository {

    public static final String COLLECTION = "speaker_pages";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    @Inject
    Mongo mongo;

    private MongoCollection<Document> collection() {
        return mongo.collection(COLLECTION);
    }

    public static String id(String speakerId, int page) {
        return speakerId + "#" + page;
    }

    /** The page of a speaker a mapping falls on. */
    public static String pageOf(String speakerId, String mappingId) {
        return id(speakerId, IdSets.pageNumber(mappingId));
    }

    /** Marks pages (by id) as written to; a null-free collection of ids from {@link #pageOf}. */
    public void bump(Collection<String> pageIds) {
        if (!pageIds.isEmpty()) {
            collection().bulkWrite(new TreeSet<>(pageIds).stream().<WriteModel<Document>>map(id -> new UpdateOneModel<>(
                    Filters.eq("_id", id), new Document("$inc", new Document("writes", 1)), UPSERT)).toList());
        }
    }

    /** The stored pages of each of these speakers, by speaker id and page number (one read). */
    public Map<String, Map<Integer, Document>> findBySpeakers(Collection<String> speakerIds) {
        Map<String, Map<Integer, Document>> pages = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (String speakerId : speakerIds) {
            pages.put(speakerId, new TreeMap<>());
            for (int page = 0; page < IdSets.OVERFLOW_PAGES; page++) {
                ids.add(id(speakerId, page));
            }
        }
        if (!ids.isEmpty()) {
            collection().find(Filters.in("_id", ids)).forEach(d -> {
                String id = d.getString("_id");
                int hash = id.lastIndexOf('#');
                pages.get(id.substring(0, hash)).put(Integer.parseInt(id.substring(hash + 1)), d);
            });
        }
        return pages;
    }

    /** Whether a stored page's partial derivation is older than its last write (a page never written is not). */
    public static boolean stale(Document page) {
        Number writes = page == null ? null : page.get("writes", Number.class);
        Number derivedAt = writes == null ? null : page.get("derivedAt", Number.class);
        return writes != null && (derivedAt == null || writes.longValue() != derivedAt.longValue());
    }

    /**
     * Stores partial derivations, each made from the page's mappings read after the page showed {@code writes} (the
     * derivedAt each records; 0 for a page never bumped).
     *
     * @param derived the partial derivations by page id, each with its speakerId and derivedAt
     */
    public void saveDerived(Map<String, Document> derived) {
        if (!derived.isEmpty()) {
            collection().bulkWrite(derived.entrySet().stream().<WriteModel<Document>>map(e -> new UpdateOneModel<>(
                    Filters.eq("_id", e.getKey()), new Document("$set", e.getValue()), UPSERT)).toList());
        }
    }
}
