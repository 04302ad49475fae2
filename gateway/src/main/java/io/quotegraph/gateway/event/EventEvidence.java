package io.quotegraph.gateway.event;

import io.quotegraph.model.view.EventView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("EventEvidence")
@Description("A piece of an article's text that reports an event; offsets are code points into the article's text.")
public class EventEvidence {

    @Ignore
    private final EventView.Evidence evidence;

    public EventEvidence(EventView.Evidence evidence) {
        this.evidence = evidence;
    }

    @NonNull
    public String getArticleId() {
        return evidence.articleId();
    }

    @NonNull
    public String getText() {
        return evidence.span().text();
    }

    public int getStart() {
        return evidence.span().start();
    }

    public int getEnd() {
        return evidence.span().end();
    }
}
