package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.entity.Entity;
import io.quotegraph.model.view.SpeakerView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("Speaker")
@Description("A person or organization that statements are attributed to, across articles.")
public class Speaker extends Entity {

    public Speaker(SpeakerView view) {
        super(view);
    }

    @NonNull
    public List<@NonNull Role> getRoles() {
        return view().roles().stream().map(Role::new).toList();
    }

    @NonNull
    @Description("The organisations the speaker's roles name (canonical names), in order of first appearance.")
    public List<@NonNull String> getAffiliations() {
        return view().affiliations();
    }

    @Description("The number of statements attributed to the speaker.")
    public int getStatementCount() {
        return (int) Math.min(Integer.MAX_VALUE, view().statementCount());
    }
}
