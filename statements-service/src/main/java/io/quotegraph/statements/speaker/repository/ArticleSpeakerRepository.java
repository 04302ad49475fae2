package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which canonical speaker each article's speaker maps to ({@value Mongo#ARTICLE_SPEAKERS}), with what the article says
 * about it: _id "{articleId}|{speakerKey}", articleId, speakerKey, speakerId, nameKey, name, type, aliases,
 * roles[{title, organization}], publishedAt, statementCount (the article's statements by this speaker); for resolution:
 * blockKey (mappings are re-clustered block by block), organizations, roleOnly, mention (an entity the article's
 * statements name but that does not speak), score and evidence of the link. A canonical speaker's aliases, roles,
 * articles and statement count are derived from these.
 * <p>
 * The mappings of an article, of a block and of a speaker are found through {@link IdSets}, which this repository
 * keeps up to date with every write: all writes of mappings go through it.
 */
@ApplicationScoped
public class ArticleSpeakerRepository {

    private static final Comparator<Document> BY_ARTICLE_AND_KEY = Comparator
            .<Document, String>comparing(m -> m.getString("articleId")).thenComparing(m -> m.getString("speakerKey"));

    @Inject
    Mongo mongo;
    @Inject
    IdSets sets;

    public MongoCollection<Document> collection() {
        return mongo.collection(Mongo.ARTICLE_SPEAKERS);
    }

    public static String id(String articleId, String speakerKey) {
        return articleId + "|" + speakerKey;
    }

    public void ensureIndexes() {
        MongoCollection<Document> c = collection();
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("articleId"), Indexes.ascending("speakerKey")),
                new IndexOptions().name("article_speakers_article_key").unique(true));
        c.createIndex(Indexes.ascending("nameKey"), new IndexOptions().name("article_speakers_name"));
    }

    /** The mappings resolved together with each other (same surname, or same canonical name), in id order. */
    public List<Document> findByBlock(String blockKey) {
        return members(IdSets.BLOCK_MAPPINGS, blockKey, m -> blockKey.equals(m.getString("blockKey")), BY_ARTICLE_AND_KEY);
    }

    /** The mappings having this name key: a collection scan, for curation and gazetteer changes only. */
    public List<Document> findByNameKey(String nameKey) {
        return collection().find(Filters.eq("nameKey", nameKey)).into(new ArrayList<>());
    }

    public List<Document> findByArticleAndSpeaker(Collection<String> articleIds, String speakerId) {
        return findBySpeaker(speakerId).stream().filter(m -> articleIds.contains(m.getString("articleId"))).toList();
    }

    public List<Document> findByArticle(String articleId) {
        return members(IdSets.ARTICLE_MAPPINGS, articleId, m -> articleId.equals(m.getString("articleId")),
                BY_ARTICLE_AND_KEY);
    }

    public List<Document> findBySpeaker(String speakerId) {
        return members(IdSets.SPEAKER_MAPPINGS, speakerId, m -> speakerId.equals(m.getString("speakerId")),
                Comparator.<Document, java.util.Date>comparing(m -> m.getDate("publishedAt"),
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BY_ARTICLE_AND_KEY));
    }

    private List<Document> members(String kind, String key, java.util.function.Predicate<Document> belongs,
                                   Comparator<Document> order) {
        Set<String> ids = sets.membersOf(kind, key);
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        List<Document> found = collection().find(Filters.in("_id", ids)).into(new ArrayList<>());
        return found.stream().filter(belongs).sorted(order).toList();
    }

    /**
     * Points a mapping at a canonical speaker, with the score and evidence of the link.
     *
     * @param mapping the mapping as stored (its speaker set is left afterwards)
     */
    public void link(Document mapping, String speakerId, double score, String evidence) {
        String id = mapping.getString("_id");
        sets.add(IdSets.SPEAKER_MAPPINGS, speakerId, List.of(id));
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("speakerId", speakerId),
                Updates.set("score", score), Updates.set("evidence", evidence)));
        leave(IdSets.SPEAKER_MAPPINGS, mapping.getString("speakerId"), speakerId, id);
    }

    /** Moves a mapping to another resolution block (the gazetteer changed how its name is keyed). */
    public void moveToBlock(Document mapping, String blockKey) {
        String id = mapping.getString("_id");
        sets.add(IdSets.BLOCK_MAPPINGS, blockKey, List.of(id));
        collection().updateOne(Filters.eq("_id", id), Updates.set("blockKey", blockKey));
        leave(IdSets.BLOCK_MAPPINGS, mapping.getString("blockKey"), blockKey, id);
    }

    /**
     * Writes a mapping (its _id derived from articleId and speakerKey).
     *
     * @param before the mapping as stored until now, or null
     */
    public void upsert(Document mapping, Document before) {
        String id = id(mapping.getString("articleId"), mapping.getString("speakerKey"));
        mapping.put("_id", id);
        sets.add(IdSets.ARTICLE_MAPPINGS, mapping.getString("articleId"), List.of(id));
        sets.add(IdSets.BLOCK_MAPPINGS, mapping.getString("blockKey"), List.of(id));
        sets.add(IdSets.SPEAKER_MAPPINGS, mapping.getString("speakerId"), List.of(id));
        collection().replaceOne(Filters.eq("_id", id), mapping, new ReplaceOptions().upsert(true));
        if (before != null) {
            leave(IdSets.BLOCK_MAPPINGS, before.getString("blockKey"), mapping.getString("blockKey"), id);
            leave(IdSets.SPEAKER_MAPPINGS, before.getString("speakerId"), mapping.getString("speakerId"), id);
        }
    }

    /** Removes these mappings (as stored) and their ids from the sets they were in. */
    public void deleteAll(Collection<Document> mappings) {
        if (mappings.isEmpty()) {
            return;
        }
        collection().deleteMany(Filters.in("_id", mappings.stream().map(m -> m.getString("_id")).toList()));
        for (Document m : mappings) {
            List<String> id = List.of(m.getString("_id"));
            sets.remove(IdSets.BLOCK_MAPPINGS, m.getString("blockKey"), id);
            sets.remove(IdSets.SPEAKER_MAPPINGS, m.getString("speakerId"), id);
            sets.remove(IdSets.ARTICLE_MAPPINGS, m.getString("articleId"), id);
        }
    }

    private void leave(String kind, String left, String now, String id) {
        if (left != null && !Objects.equals(left, now)) {
            sets.remove(kind, left, List.of(id));
        }
    }
}
