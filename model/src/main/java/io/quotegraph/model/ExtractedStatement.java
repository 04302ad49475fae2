package io.quotegraph.model;

import java.util.List;

/**
 * One statement found in an article. All spans are offsets into the article's stored text.
 *
 * @param speakerMention the speaker as written at this statement ("he", "the spokesman", "Matthew Miller"); null if none
 * @param speakerKey     the {@link ArticleSpeaker#key()} the mention resolves to; null if unresolved
 * @param cue            the cue verb or noun ("said", "told", "statements"); null if none
 * @param occasion       the event the statement was made at; null if the text gives none
 * @param about          the entities the content names (who or what the statement is about); never null
 * @param aboutEvents    indexes into {@link Extraction#events()} of the events the content talks about; never null
 */
public record ExtractedStatement(
        StatementKind kind,
        Span content,
        Span cue,
        Span speakerMention,
        String speakerKey,
        double confidence,
        Occasion occasion,
        List<EntityMention> about,
        List<Integer> aboutEvents) {

    public ExtractedStatement {
        about = about == null ? List.of() : List.copyOf(about);
        aboutEvents = aboutEvents == null ? List.of() : List.copyOf(aboutEvents);
    }

    /** A statement whose events are not (yet) known. */
    public ExtractedStatement(StatementKind kind, Span content, Span cue, Span speakerMention, String speakerKey,
                              double confidence, Occasion occasion, List<EntityMention> about) {
        this(kind, content, cue, speakerMention, speakerKey, confidence, occasion, about, List.of());
    }

    /** A statement whose entities are not (yet) known. */
    public ExtractedStatement(StatementKind kind, Span content, Span cue, Span speakerMention, String speakerKey,
                              double confidence, Occasion occasion) {
        this(kind, content, cue, speakerMention, speakerKey, confidence, occasion, List.of());
    }

    /** This statement with the entities its content names. */
    public ExtractedStatement withAbout(List<EntityMention> entities) {
        return new ExtractedStatement(kind, content, cue, speakerMention, speakerKey, confidence, occasion, entities, aboutEvents);
    }

    /** This statement with the events its content talks about. */
    public ExtractedStatement withAboutEvents(List<Integer> eventIndexes) {
        return new ExtractedStatement(kind, content, cue, speakerMention, speakerKey, confidence, occasion, about, eventIndexes);
    }
}
