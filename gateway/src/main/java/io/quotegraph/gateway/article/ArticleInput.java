package io.quotegraph.gateway.article;

import io.quotegraph.gateway.client.NewArticle;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

@Input("ArticleInput")
@Description("An article to ingest: give `text` or `html` (or both).")
public class ArticleInput {

    private String url;
    private String source;
    private String title;
    private String text;
    private String html;
    @NonNull
    private Instant publishedAt;
    private String language;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html;
    }

    @NonNull
    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** The body ingest-service takes. */
    public NewArticle toNewArticle() {
        return new NewArticle(url, source, title, text, html, publishedAt, language);
    }
}
