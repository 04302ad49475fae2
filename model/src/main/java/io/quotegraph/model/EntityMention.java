package io.quotegraph.model;

/**
 * An entity named in a statement's content: who or what the statement is about.
 *
 * @param span       where the content names it
 * @param name       its canonical name where known ("United States" for "the U.S."), else the name as written
 * @param type       PERSON, ORGANIZATION, LOCATION, COUNTRY, OTHER
 * @param speakerKey the {@link ArticleSpeaker#key()} it is, when the article's speakers include it; else null
 * @param role       the title the text gives it here ("President" in "President Aliyev", "secretary"); else null
 */
public record EntityMention(Span span, String name, EntityType type, String speakerKey, String role) {

    public EntityMention(Span span, String name, EntityType type, String speakerKey) {
        this(span, name, type, speakerKey, null);
    }
}
