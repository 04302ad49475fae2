package io.quotegraph.ingest.article.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quotegraph.model.view.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@code article}. Callers own the transactions. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<ArticleEntity, UUID> {

    /** Filters of the list endpoint; every field may be null (no filter). */
    public record Filter(String source, Instant from, Instant to, Collection<UUID> ids) {
    }

    public Optional<ArticleEntity> findByUrl(String url) {
        return url == null ? Optional.empty() : find("url", url).firstResultOptional();
    }

    public Optional<ArticleEntity> findByContentHash(String contentHash) {
        return find("contentHash", contentHash).firstResultOptional();
    }

    /** The article with this URL, else the one with this content: what a new article duplicates, if anything. */
    public Optional<ArticleEntity> findDuplicate(String url, String contentHash) {
        Optional<ArticleEntity> byUrl = findByUrl(url);
        return byUrl.isPresent() ? byUrl : findByContentHash(contentHash);
    }

    /**
     * A page of the articles' listed columns, newest first: {@link Listed}, without the stored extraction and
     * near-duplicate signature (large, never listed) and, unless {@code withText}, without the text.
     */
    public List<Listed> list(Filter filter, int offset, int limit, boolean withText) {
        Query query = query(filter);
        // the filter's conditions name the attributes unqualified, as Panache's find does
        String jpql = "select new " + Listed.class.getName() + "(id, url, source, title, "
                + (withText ? "text" : "cast(null as String)") + ", publishedAt, language, contentHash, status, "
                + "statusReason, createdAt, languageConfidence, duplicateOf) from ArticleEntity"
                + (query.where.isEmpty() ? "" : " where " + query.where) + " order by publishedAt desc, id";
        var typed = getEntityManager().createQuery(jpql, Listed.class).setFirstResult(offset).setMaxResults(limit);
        query.parameters.map().forEach(typed::setParameter);
        return typed.getResultList();
    }

    /** The columns of an article a list shows ({@code text} null when not asked for). */
    public record Listed(UUID id, String url, String source, String title, String text, Instant publishedAt,
                        String language, String contentHash, ArticleStatus status, String statusReason,
                        Instant createdAt, Double languageConfidence, UUID duplicateOf) {
    }

    public long count(Filter filter) {
        Query query = query(filter);
        return query.where.isEmpty() ? count() : count(query.where, query.parameters);
    }

    private record Query(String where, Parameters parameters) {
    }

    private static Query query(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.source() != null) {
            conditions.add("source = :source");
            parameters.and("source", filter.source());
        }
        if (filter.from() != null) {
            conditions.add("publishedAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("publishedAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.ids() != null) {
            conditions.add("id in :ids");
            parameters.and("ids", filter.ids());
        }
        return new Query(String.join(" and ", conditions), parameters);
    }

    /**
     * Claims up to {@code max} articles due for processing (not delivered, next attempt due) for this worker: they are
     * locked with {@code FOR UPDATE SKIP LOCKED} (other instances skip them) and their next attempt is moved to
     * {@code leaseUntil}, so that an article whose worker dies is taken up again once the lease ends.
     * Must run in a transaction of its own.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now, Instant leaseUntil, int max) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        SELECT id FROM article
                        WHERE status IN ('PENDING', 'EXTRACTED', 'FAILED') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id
                        LIMIT :max
                        FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
        if (!ids.isEmpty()) {
            update("nextAttemptAt = ?1 where id in ?2", leaseUntil, ids);
        }
        return ids;
    }
}
