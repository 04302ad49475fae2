package io.quotegraph.gateway.statement;

import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.StatementView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Statement")
@Description("Something a speaker said, as reported in one article.")
public class Statement {

    @Ignore
    private final StatementView view;

    public Statement(StatementView view) {
        this.view = view;
    }

    /** The backend record (not part of the schema). */
    public StatementView view() {
        return view;
    }

    @Id
    @NonNull
    @Description("{articleId}:{index}, stable across re-extractions.")
    public String getId() {
        return view.id();
    }

    @NonNull
    public StatementKind getKind() {
        return view.kind();
    }

    @NonNull
    @Description("What was said.")
    public Span getContent() {
        return Span.of(view.content());
    }

    @Description("The reporting verb or phrase, e.g. \"said\".")
    public Span getCue() {
        return Span.of(view.cue());
    }

    @Description("Where the speaker is named in the article.")
    public Span getSpeakerMention() {
        return Span.of(view.speakerMention());
    }

    public double getConfidence() {
        return view.confidence();
    }
}
