package io.quotegraph.extraction.speaker;

import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;
import io.quotegraph.model.Span;

/**
 * A speaker as written at one statement, read into its parts.
 *
 * @param span     the mention as written ("he", "The spokesman", "Armenian Prime Minister Nikol Pashinyan")
 * @param form     how it refers: by name, pronoun, role noun or a generic group
 * @param type     the entity type it implies (a pronoun's is the type it is compatible with)
 * @param name     the proper name for NAME ("Nikol Pashinyan", "Government of Azerbaijan"); the lowercased pronoun
 *                 for PRONOUN and RELATIVE; the phrase without its article for roles and groups ("State Department spokesman")
 * @param role     the stated role, or null
 * @param roleHead the lowercased title the role noun is about ("spokesman"), for matching role mentions; or null
 */
public record Mention(Span span, Form form, EntityType type, String name, Role role, String roleHead) {

    /** RELATIVE: "who"/"which" opening a relative clause; it speaks for the phrase right before it. */
    public enum Form { NAME, PRONOUN, RELATIVE, DEFINITE_ROLE, INDEFINITE_ROLE, GROUP }

    public boolean isPersonName() {
        return form == Form.NAME && type == EntityType.PERSON;
    }
}
