package io.quotegraph.model;

import java.util.List;

/**
 * Everything the extraction engine finds in one article.
 *
 * @param events   the events the article reports; statements refer to them by index ({@link ExtractedStatement#aboutEvents()})
 * @param entities every mention of a person, organisation or place anywhere in the article's text (not only in
 *                 statements), in text order; mentions of the article's speakers carry their speaker key
 */
public record Extraction(String extractorVersion, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers,
                         List<ExtractedEvent> events, List<EntityMention> entities) {

    public Extraction {
        statements = statements == null ? List.of() : List.copyOf(statements);
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        events = events == null ? List.of() : List.copyOf(events);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** An extraction whose article-wide entity mentions are not known. */
    public Extraction(String extractorVersion, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers,
                      List<ExtractedEvent> events) {
        this(extractorVersion, statements, speakers, events, List.of());
    }

    /** An extraction without events. */
    public Extraction(String extractorVersion, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers) {
        this(extractorVersion, statements, speakers, List.of());
    }
}
