package io.quotegraph.model.view;

import io.quotegraph.model.EntityType;

import java.util.List;

/** A canonical speaker across articles. */
public record SpeakerView(
        String id,
        String name,
        EntityType type,
        List<String> aliases,
        List<RoleView> roles,
        long statementCount) {

    public SpeakerView {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
