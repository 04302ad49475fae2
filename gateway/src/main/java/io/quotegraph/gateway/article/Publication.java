package io.quotegraph.gateway.article;

import io.quotegraph.model.view.PublishedCopy;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("Publication")
@Description("Another outlet's publication of an article's story (an exact or near-duplicate copy).")
public class Publication {

    @Ignore
    private final PublishedCopy copy;

    public Publication(PublishedCopy copy) {
        this.copy = copy;
    }

    public String getSource() {
        return copy.source();
    }

    public String getUrl() {
        return copy.url();
    }

    @NonNull
    public Instant getPublishedAt() {
        return copy.publishedAt();
    }
}
