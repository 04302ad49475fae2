package io.quotegraph.gateway.article;

import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.ArticleView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

@Type("Article")
@Description("A news article. All statement spans are offsets into its `text`.")
public class Article {

    @Ignore
    private final ArticleView view;

    public Article(ArticleView view) {
        this.view = view;
    }

    /** The backend record (not part of the schema). */
    public ArticleView view() {
        return view;
    }

    @Id
    @NonNull
    public String getId() {
        return view.id();
    }

    public String getUrl() {
        return view.url();
    }

    public String getSource() {
        return view.source();
    }

    public String getTitle() {
        return view.title();
    }

    @NonNull
    @Description("The cleaned text all offsets refer to.")
    public String getText() {
        return view.text() == null ? "" : view.text();
    }

    @NonNull
    public Instant getPublishedAt() {
        return view.publishedAt();
    }

    public String getLanguage() {
        return view.language();
    }

    public String getContentHash() {
        return view.contentHash();
    }

    @Description("PENDING: not yet extracted; EXTRACTED: not yet queryable; DELIVERED: its statements are queryable; FAILED: retried; "
            + "DUPLICATE: a republication of `duplicateOf`, whose statements are not counted again; "
            + "SKIPPED: not extracted because the extractor does not support its language (see `statusReason`).")
    public ArticleStatus getStatus() {
        return view.status();
    }

    @Description("Why the article is FAILED, DUPLICATE or SKIPPED.")
    public String getStatusReason() {
        return view.statusReason();
    }

    @Description("The language detector's confidence (0..1) when `language` was detected; null when it was given.")
    public Double getLanguageConfidence() {
        return view.languageConfidence();
    }

    @NonNull
    @Description("Other outlets that published this article's story (exact or near-duplicate copies), oldest first.")
    public List<@NonNull Publication> getAlsoPublishedBy() {
        return view.alsoPublishedBy().stream().map(Publication::new).toList();
    }
}
