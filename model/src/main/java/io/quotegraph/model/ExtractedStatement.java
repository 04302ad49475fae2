package io.quotegraph.model;

/**
 * One statement found in an article. All spans are offsets into the article's stored text.
 *
 * @param speakerMention the speaker as written at this statement ("he", "the spokesman", "Matthew Miller"); null if none
 * @param speakerKey     the {@link ArticleSpeaker#key()} the mention resolves to; null if unresolved
 * @param cue            the cue verb or noun ("said", "told", "statements"); null if none
 * @param occasion       the event the statement was made at; null if the text gives none
 */
public record ExtractedStatement(
        StatementKind kind,
        Span content,
        Span cue,
        Span speakerMention,
        String speakerKey,
        double confidence,
        Occasion occasion) {
}
