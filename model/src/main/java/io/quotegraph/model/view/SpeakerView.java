package io.quotegraph.model.view;

import io.quotegraph.model.EntityType;

import java.util.List;

/**
 * A canonical speaker (or any canonical entity) across articles. {@code affiliations}: the canonical names of the
 * organisations its roles state, in order of first appearance.
 */
public record SpeakerView(
        String id,
        String name,
        EntityType type,
        List<String> aliases,
        List<RoleView> roles,
        long statementCount,
        List<String> affiliations) {

    public SpeakerView {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        roles = roles == null ? List.of() : List.copyOf(roles);
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }

    /** A speaker whose affiliations are not known. */
    public SpeakerView(String id, String name, EntityType type, List<String> aliases, List<RoleView> roles,
                       long statementCount) {
        this(id, name, type, aliases, roles, statementCount, List.of());
    }
}
