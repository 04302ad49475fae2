package io.quotegraph.gateway.entity;

import io.quotegraph.model.view.SpeakerLinkView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("EntityLink")
@Description("One article's name for an entity or speaker, and why resolution linked it to them.")
public class EntityLink {

    @Ignore
    private final SpeakerLinkView view;

    public EntityLink(SpeakerLinkView view) {
        this.view = view;
    }

    @Id
    @NonNull
    public String getArticleId() {
        return view.articleId();
    }

    @NonNull
    @Description("The name the article gives.")
    public String getName() {
        return view.name() == null ? "" : view.name();
    }

    @Description("True when the article names the entity without quoting it.")
    public boolean isMention() {
        return view.mention();
    }

    @Description("How sure the link is, 0..1.")
    public double getScore() {
        return view.score();
    }

    @Description("Why the name was linked, in words (e.g. \"surname 'miller' matches the only compatible full name\").")
    public String getEvidence() {
        return view.evidence();
    }

    @Description("What the link rests on: EXACT_NAME, GAZETTEER_ALIAS, SURNAME_COMPATIBLE_ROLE, SURNAME_DOMINANT, "
            + "SURNAME_ONLY, ANTECEDENT, ROLE_ONLY or CURATION.")
    public String getBasis() {
        return view.basis();
    }
}
