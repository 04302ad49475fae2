package io.quotegraph.statements.speaker.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quotegraph.statements.common.Mongo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which canonical speaker each article's speaker maps to ({@value Mongo#ARTICLE_SPEAKERS}), with what the article says
 * about it: articleId, speakerKey (unique together), speakerId, nameKey, name, type, aliases, roles[{title, organization}],
 * publishedAt; for resolution: blockKey (mappings are re-clustered block by block), organizations, roleOnly, mention
 * (an entity the article's statements name but that does not speak), score and evidence of the link. A canonical speaker's aliases, roles and articles are derived from these.
 */
@ApplicationScoped
public class ArticleSpeakerRepository {

    @Inject
    Mongo mongo;

    public MongoCollection<Document> collection() {
        return mongo.collection(Mongo.ARTICLE_SPEAKERS);
    }

    public void ensureIndexes() {
        MongoCollection<Document> c = collection();
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("articleId"), Indexes.ascending("speakerKey")),
                new IndexOptions().name("article_speakers_article_key").unique(true));
        c.createIndex(Indexes.ascending("speakerId"), new IndexOptions().name("article_speakers_speaker"));
        c.createIndex(Indexes.ascending("blockKey"), new IndexOptions().name("article_speakers_block"));
        c.createIndex(Indexes.ascending("nameKey"), new IndexOptions().name("article_speakers_name"));
    }

    /** The mappings resolved together with each other (same surname, or same canonical name), in id order. */
    public List<Document> findByBlock(String blockKey) {
        return collection().find(Filters.eq("blockKey", blockKey))
                .sort(Sorts.orderBy(Sorts.ascending("articleId"), Sorts.ascending("speakerKey")))
                .into(new ArrayList<>());
    }

    public List<Document> findByNameKey(String nameKey) {
        return collection().find(Filters.eq("nameKey", nameKey)).into(new ArrayList<>());
    }

    public List<Document> findByArticleAndSpeaker(Collection<String> articleIds, String speakerId) {
        return collection().find(Filters.and(Filters.in("articleId", articleIds), Filters.eq("speakerId", speakerId)))
                .into(new ArrayList<>());
    }

    /** Points a mapping at a canonical speaker, with the score and evidence of the link. */
    public void link(String articleId, String speakerKey, String speakerId, double score, String evidence) {
        collection().updateOne(Filters.and(Filters.eq("articleId", articleId), Filters.eq("speakerKey", speakerKey)),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("speakerId", speakerId),
                        com.mongodb.client.model.Updates.set("score", score),
                        com.mongodb.client.model.Updates.set("evidence", evidence)));
    }

    public List<Document> findByArticle(String articleId) {
        return collection().find(Filters.eq("articleId", articleId)).into(new ArrayList<>());
    }

    public List<Document> findBySpeaker(String speakerId) {
        return collection().find(Filters.eq("speakerId", speakerId))
                .sort(Sorts.orderBy(Sorts.ascending("publishedAt"), Sorts.ascending("articleId"), Sorts.ascending("speakerKey")))
                .into(new ArrayList<>());
    }

    public void upsert(Document mapping) {
        collection().replaceOne(
                Filters.and(Filters.eq("articleId", mapping.getString("articleId")),
                        Filters.eq("speakerKey", mapping.getString("speakerKey"))),
                mapping, new ReplaceOptions().upsert(true));
    }

    /** Removes the article's mappings whose speaker keys are no longer in the article. */
    public void deleteOthers(String articleId, Collection<String> keepKeys) {
        collection().deleteMany(Filters.and(Filters.eq("articleId", articleId), Filters.nin("speakerKey", keepKeys)));
    }
}
