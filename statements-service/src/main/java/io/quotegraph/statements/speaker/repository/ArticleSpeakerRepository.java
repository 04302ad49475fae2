package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
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
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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
    private static final Comparator<Document> BY_PUBLICATION = Comparator.<Document, Date>comparing(
            m -> m.getDate("publishedAt"), Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BY_ARTICLE_AND_KEY);

    @Inject
    Mongo mongo;
    @Inject
    IdSets sets;
    @Inject
    SpeakerPageRepository speakerPages;

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

    /** The mappings of each of these blocks (two reads in all), by block key, each in id order. */
    public Map<String, List<Document>> findByBlocks(Collection<String> blockKeys) {
        Map<String, Set<String>> members = sets.membersOf(IdSets.BLOCK_MAPPINGS, blockKeys);
        Map<String, List<Document>> byBlock = new LinkedHashMap<>();
        blockKeys.forEach(key -> byBlock.put(key, new ArrayList<>()));
        for (Document mapping : findByIds(members.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))) {
            String blockKey = mapping.getString("blockKey");
            // a set may still list a mapping that has moved on: it belongs to the block it names now
            if (blockKey != null && members.getOrDefault(blockKey, Set.of()).contains(mapping.getString("_id"))) {
                byBlock.get(blockKey).add(mapping);
            }
        }
        byBlock.values().forEach(mappings -> mappings.sort(BY_ARTICLE_AND_KEY));
        return byBlock;
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

    /** The mappings of each of these articles (two reads in all), by article id, each in id order. */
    public Map<String, List<Document>> findByArticles(Collection<String> articleIds) {
        Map<String, Set<String>> members = sets.membersOf(IdSets.ARTICLE_MAPPINGS, articleIds);
        Map<String, List<Document>> byArticle = new LinkedHashMap<>();
        articleIds.forEach(id -> byArticle.put(id, new ArrayList<>()));
        for (Document mapping : findByIds(members.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))) {
            String articleId = mapping.getString("articleId");
            if (members.getOrDefault(articleId, Set.of()).contains(mapping.getString("_id"))) {
                byArticle.get(articleId).add(mapping);
            }
        }
        byArticle.values().forEach(mappings -> mappings.sort(BY_ARTICLE_AND_KEY));
        return byArticle;
    }

    public List<Document> findBySpeaker(String speakerId) {
        return findBySpeakers(List.of(speakerId)).get(speakerId);
    }

    /** The mappings of each of these speakers, by speaker id, in order of publication. */
    public Map<String, List<Document>> findBySpeakers(Collection<String> speakerIds) {
        return findBySpeakers(speakerIds, null);
    }

    /**
     * As {@link #findBySpeakers(Collection)}, with only these fields of each mapping (and those that place it: _id,
     * speakerId, articleId, speakerKey, publishedAt): deriving speakers needs none of the resolution fields.
     */
    public Map<String, List<Document>> findFieldsBySpeakers(Collection<String> speakerIds, String... fields) {
        return findBySpeakers(speakerIds, projection(fields));
    }

    /**
     * As {@link #findFieldsBySpeakers}, only the mappings on these pages of each speaker (see
     * {@link SpeakerPageRepository}): the speaker's id set read as its head and those pages, not whole.
     */
    public Map<String, List<Document>> findFieldsOnSpeakerPages(Map<String, Set<Integer>> pagesBySpeaker, String... fields) {
        return inPublicationOrder(sets.membersOnPages(IdSets.SPEAKER_MAPPINGS, pagesBySpeaker), projection(fields));
    }

    private static Bson projection(String... fields) {
        List<String> included = new ArrayList<>(List.of("speakerId", "articleId", "speakerKey", "publishedAt"));
        included.addAll(List.of(fields));
        return Projections.include(included);
    }

    private Map<String, List<Document>> findBySpeakers(Collection<String> speakerIds, Bson projection) {
        return inPublicationOrder(sets.membersOf(IdSets.SPEAKER_MAPPINGS, speakerIds), projection);
    }

    /** The mappings of these members of speaker sets that still belong to them, by speaker id, in publication order. */
    private Map<String, List<Document>> inPublicationOrder(Map<String, Set<String>> members, Bson projection) {
        Map<String, List<Document>> bySpeaker = new LinkedHashMap<>();
        members.keySet().forEach(id -> bySpeaker.put(id, new ArrayList<>()));
        for (Document mapping : findByIds(members.values().stream().flatMap(Set::stream).collect(Collectors.toSet()),
                projection)) {
            String speakerId = mapping.getString("speakerId");
            // a set may still list a mapping that has moved on: it belongs to the speaker it names now
            if (speakerId != null && members.getOrDefault(speakerId, Set.of()).contains(mapping.getString("_id"))) {
                bySpeaker.get(speakerId).add(mapping);
            }
        }
        bySpeaker.values().forEach(mappings -> mappings.sort(BY_PUBLICATION));
        return bySpeaker;
    }

    private List<Document> members(String kind, String key, Predicate<Document> belongs, Comparator<Document> order) {
        return findByIds(sets.membersOf(kind, key)).stream().filter(belongs).sorted(order).toList();
    }

    private List<Document> findByIds(Collection<String> ids) {
        return findByIds(ids, null);
    }

    private List<Document> findByIds(Collection<String> ids, Bson projection) {
        return ids.isEmpty() ? new ArrayList<>() : collection().find(Filters.in("_id", new ArrayList<>(ids)))
                .projection(projection).into(new ArrayList<>());
    }

    /** A mapping (as stored) to point at a canonical speaker, with the score and evidence of the link. */
    public record Link(Document mapping, String speakerId, double score, String evidence, String basis) {
    }

    /** Points mappings at canonical speakers; each leaves the speaker set it was in. */
    public void linkAll(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        IdSets.Changes joined = new IdSets.Changes();
        IdSets.Changes left = new IdSets.Changes();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (Link link : links) {
            String id = link.mapping().getString("_id");
            String before = link.mapping().getString("speakerId");
            if (!Objects.equals(before, link.speakerId())) {
                addPage(pages, before, id);
                addPage(pages, link.speakerId(), id);
            }
            joined.add(IdSets.SPEAKER_MAPPINGS, link.speakerId(), id);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.set("speakerId", link.speakerId()),
                    Updates.set("score", link.score()), Updates.set("evidence", link.evidence()),
                    Updates.set("basis", link.basis()))));
            leave(left, IdSets.SPEAKER_MAPPINGS, before, link.speakerId(), id);
        }
        sets.apply(joined);
        speakerPages.bump(pages);
        collection().bulkWrite(writes);
        speakerPages.bump(pages);
        sets.apply(left);
    }

    /** The speaker's page a mapping is summarised on (see {@link SpeakerPageRepository}), when it has a speaker. */
    private static void addPage(List<String> pages, String speakerId, String mappingId) {
        if (speakerId != null) {
            pages.add(SpeakerPageRepository.pageOf(speakerId, mappingId));
        }
    }

    /** Moves a mapping to another resolution block (the gazetteer changed how its name is keyed). */
    public void moveToBlock(Document mapping, String blockKey) {
        String id = mapping.getString("_id");
        sets.apply(new IdSets.Changes().add(IdSets.BLOCK_MAPPINGS, blockKey, id));
        collection().updateOne(Filters.eq("_id", id), Updates.set("blockKey", blockKey));
        sets.apply(leave(new IdSets.Changes(), IdSets.BLOCK_MAPPINGS, mapping.getString("blockKey"), blockKey, id));
    }

    /**
     * Writes articles' mappings (their _ids derived from articleId and speakerKey).
     *
     * @param before the articles' mappings as stored until now, by mapping id
     */
    public void upsertAll(List<Document> mappings, Map<String, Document> before) {
        if (mappings.isEmpty()) {
            return;
        }
        IdSets.Changes joined = new IdSets.Changes();
        IdSets.Changes left = new IdSets.Changes();
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        for (Document mapping : mappings) {
            String id = id(mapping.getString("articleId"), mapping.getString("speakerKey"));
            mapping.put("_id", id);
            addPage(pages, mapping.getString("speakerId"), id);
            joined.add(IdSets.ARTICLE_MAPPINGS, mapping.getString("articleId"), id)
                    .add(IdSets.BLOCK_MAPPINGS, mapping.getString("blockKey"), id)
                    .add(IdSets.SPEAKER_MAPPINGS, mapping.getString("speakerId"), id);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), mapping, new ReplaceOptions().upsert(true)));
            Document previous = before.get(id);
            if (previous != null) {
                addPage(pages, previous.getString("speakerId"), id);
                leave(left, IdSets.BLOCK_MAPPINGS, previous.getString("blockKey"), mapping.getString("blockKey"), id);
                leave(left, IdSets.SPEAKER_MAPPINGS, previous.getString("speakerId"), mapping.getString("speakerId"), id);
            }
        }
        sets.apply(joined);
        speakerPages.bump(pages);
        collection().bulkWrite(writes);
        speakerPages.bump(pages);
        sets.apply(left);
    }

    /** Removes these mappings (as stored) and their ids from the sets they were in. */
    public void deleteAll(Collection<Document> mappings) {
        if (mappings.isEmpty()) {
            return;
        }
        List<String> pages = new ArrayList<>();
        mappings.forEach(m -> addPage(pages, m.getString("speakerId"), m.getString("_id")));
        speakerPages.bump(pages);
        collection().deleteMany(Filters.in("_id", mappings.stream().map(m -> m.getString("_id")).toList()));
        speakerPages.bump(pages);
        IdSets.Changes left = new IdSets.Changes();
        for (Document m : mappings) {
            String id = m.getString("_id");
            left.remove(IdSets.BLOCK_MAPPINGS, m.getString("blockKey"), id)
                    .remove(IdSets.SPEAKER_MAPPINGS, m.getString("speakerId"), id)
                    .remove(IdSets.ARTICLE_MAPPINGS, m.getString("articleId"), id);
        }
        sets.apply(left);
    }

    private static IdSets.Changes leave(IdSets.Changes changes, String kind, String left, String now, String id) {
        return left != null && !Objects.equals(left, now) ? changes.remove(kind, left, id) : changes;
    }
}
