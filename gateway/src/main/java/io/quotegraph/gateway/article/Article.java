package io.quotegraph.gateway.article;

import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.ArticleView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

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

    @Description("PENDING: not yet extracted; EXTRACTED: not yet queryable; DELIVERED: its statements are queryable; FAILED: retried.")
    public ArticleStatus getStatus() {
        return view.status();
    }
}
