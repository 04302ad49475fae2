package io.quotegraph.gateway.entity;

import io.quotegraph.model.EntityType;
import io.quotegraph.model.view.SpeakerView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("Entity")
@Description("A named entity; event participants are speakers, and their ids are speaker ids.")
public class Entity {

    @Ignore
    private final SpeakerView view;

    public Entity(SpeakerView view) {
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
}
