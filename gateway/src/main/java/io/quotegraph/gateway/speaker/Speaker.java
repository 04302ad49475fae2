package io.quotegraph.gateway.speaker;

import io.quotegraph.model.EntityType;
import io.quotegraph.model.view.SpeakerView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("Speaker")
@Description("A person or organization that statements are attributed to, across articles.")
public class Speaker {

    @Ignore
    private final SpeakerView view;

    public Speaker(SpeakerView view) {
        this.view = view;
    }

    /** The backend record (not part of the schema). */
    public SpeakerView view() {
        return view;
    }

    @Id
    @NonNull
    public String getId() {
        return view.id();
    }

    @NonNull
    public String getName() {
        return view.name();
    }

    @NonNull
    public EntityType getType() {
        return view.type() == null ? EntityType.OTHER : view.type();
    }

    @NonNull
    public List<@NonNull String> getAliases() {
        return view.aliases();
    }

    @NonNull
    public List<@NonNull Role> getRoles() {
        return view.roles().stream().map(Role::new).toList();
    }

    @NonNull
    @Description("The organisations the speaker's roles name (canonical names), in order of first appearance.")
    public List<@NonNull String> getAffiliations() {
        return view.affiliations();
    }

    @Description("The number of statements attributed to the speaker.")
    public int getStatementCount() {
        return (int) Math.min(Integer.MAX_VALUE, view.statementCount());
    }
}
