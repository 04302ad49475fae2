package io.quotegraph.gateway.entity;

import io.quotegraph.model.view.AliasLinkView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AliasLink")
@Description("One name of an entity or speaker, with the score and evidence of the link that made it theirs.")
public class AliasLink {

    @Ignore
    private final AliasLinkView view;

    public AliasLink(AliasLinkView view) {
        this.view = view;
    }

    @NonNull
    public String getName() {
        return view.name();
    }

    @Description("How sure the link is, 0..1.")
    public double getScore() {
        return view.score();
    }

    @Description("Why the name is theirs, in words.")
    public String getEvidence() {
        return view.evidence();
    }

    @Description("What the link rests on: EXACT_NAME, GAZETTEER_ALIAS, SURNAME_COMPATIBLE_ROLE, SURNAME_DOMINANT, "
            + "SURNAME_ONLY, ANTECEDENT (a role or name standing for the speaker within its article), ROLE_ONLY or CURATION.")
    public String getBasis() {
        return view.basis();
    }
}
