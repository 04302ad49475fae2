package io.quotegraph.ingest.article.repository;

import io.quotegraph.model.view.ArticleStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code article} (schema: db/migration/V1__articles.sql). */
@Entity
@Table(name = "article")
// a status change writes its few columns, not the article's text and extraction again
@DynamicUpdate
public class ArticleEntity {

    @Id
    public UUID id;

    public String url;

    public String source;

    public String title;

    @Column(nullable = false)
    public String text;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    public String language;

    @Column(name = "content_hash", nullable = false, columnDefinition = "char(64)")
    public String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArticleStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The {@link io.quotegraph.model.Extraction} as JSON (jsonb); null until extracted. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String extraction;

    @Column(name = "extractor_version")
    public String extractorVersion;

    @Column(name = "extracted_at")
    public Instant extractedAt;

    /** Failed delivery attempts since the last successful one. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The detected language's confidence (0..1); null when the language was given with the article. */
    @Column(name = "language_confidence")
    public Double languageConfidence;

    /** The original this article republishes (status DUPLICATE); null for an original. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    /** MinHash signature of the cleaned text (integer[]); null when the text is too short to compare. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "integer[]")
    public int[] minhash;
}
