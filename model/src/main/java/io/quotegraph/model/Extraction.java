package io.quotegraph.model;

import java.util.List;

/**
 * Everything the extraction engine finds in one article.
 *
 * @param events the events the article reports; statements refer to them by index ({@link ExtractedStatement#aboutEvents()})
 */
public record Extraction(String extractorVersion, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers,
                         List<ExtractedEvent> events) {

    public Extraction {
        statements = statements == null ? List.of() : List.copyOf(statements);
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** An extraction without events. */
    public Extraction(String extractorVersion, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers) {
        this(extractorVersion, statements, speakers, List.of());
    }
}
