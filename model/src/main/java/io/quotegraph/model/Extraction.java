package io.quotegraph.model;

import java.util.List;

/** Everything the extraction engine finds in one article. */
public record Extraction(String extractorVersion, List<ExtractedStatement> statements, List<ArticleSpeaker> speakers) {

    public Extraction {
        statements = statements == null ? List.of() : List.copyOf(statements);
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
    }
}
