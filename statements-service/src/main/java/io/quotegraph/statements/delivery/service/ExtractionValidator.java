package io.quotegraph.statements.delivery.service;

import io.quotegraph.model.ArticleExtraction;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Span;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a delivered extraction; the first problem found is a 400 whose detail starts with the field's path. */
public final class ExtractionValidator {

    public static final int MAX_STATEMENTS = 5_000;
    public static final int MAX_SPEAKERS = 5_000;
    public static final int MAX_EVENTS = 5_000;
    public static final int MAX_ENTITY_MENTIONS = 20_000;
    public static final int MAX_ID_LENGTH = 512;

    private ExtractionValidator() {
    }

    public static void validate(String pathArticleId, ArticleExtraction body) {
        if (body == null) {
            throw invalid("body", "an ArticleExtraction is required");
        }
        if (body.articleId() == null || body.articleId().isBlank()) {
            throw invalid("articleId", "is required");
        }
        if (!body.articleId().equals(pathArticleId)) {
            throw invalid("articleId", "'" + body.articleId() + "' does not match the path's article id '" + pathArticleId + "'");
        }
        if (pathArticleId.length() > MAX_ID_LENGTH) {
            throw invalid("articleId", "at most " + MAX_ID_LENGTH + " characters");
        }
        if (body.extraction() == null) {
            throw invalid("extraction", "is required");
        }
        List<ExtractedStatement> statements = body.extraction().statements();
        List<ArticleSpeaker> speakers = body.extraction().speakers();
        if (statements.size() > MAX_STATEMENTS) {
            throw invalid("extraction.statements", "at most " + MAX_STATEMENTS + " statements, got " + statements.size());
        }
        if (speakers.size() > MAX_SPEAKERS) {
            throw invalid("extraction.speakers", "at most " + MAX_SPEAKERS + " speakers, got " + speakers.size());
        }
        if (body.extraction().events().size() > MAX_EVENTS) {
            throw invalid("extraction.events", "at most " + MAX_EVENTS + " events, got " + body.extraction().events().size());
        }
        List<EntityMention> entities = body.extraction().entities();
        if (entities.size() > MAX_ENTITY_MENTIONS) {
            throw invalid("extraction.entities", "at most " + MAX_ENTITY_MENTIONS + " entity mentions, got " + entities.size());
        }
        for (int i = 0; i < entities.size(); i++) {
            EntityMention entity = entities.get(i);
            String field = "extraction.entities[" + i + "]";
            if (entity == null || entity.name() == null || entity.name().isBlank() || entity.type() == null) {
                throw invalid(field, "needs a name and a type");
            }
            span(field + ".span", entity.span());
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < speakers.size(); i++) {
            ArticleSpeaker speaker = speakers.get(i);
            String field = "extraction.speakers[" + i + "]";
            if (speaker == null) {
                throw invalid(field, "must not be null");
            }
            if (speaker.key() == null || speaker.key().isBlank()) {
                throw invalid(field + ".key", "is required");
            }
            if (!keys.add(speaker.key())) {
                throw invalid(field + ".key", "duplicate speaker key '" + speaker.key() + "'");
            }
        }
        for (int i = 0; i < statements.size(); i++) {
            ExtractedStatement statement = statements.get(i);
            String field = "extraction.statements[" + i + "]";
            if (statement == null) {
                throw invalid(field, "must not be null");
            }
            if (statement.kind() == null) {
                throw invalid(field + ".kind", "is required (DIRECT, INDIRECT or MIXED)");
            }
            if (statement.content() == null) {
                throw invalid(field + ".content", "is required");
            }
            span(field + ".content", statement.content());
            span(field + ".cue", statement.cue());
            span(field + ".speakerMention", statement.speakerMention());
            if (statement.speakerKey() != null && !keys.contains(statement.speakerKey())) {
                throw invalid(field + ".speakerKey", "'" + statement.speakerKey() + "' is not among the extraction's speakers "
                        + keys.stream().sorted().toList());
            }
            double confidence = statement.confidence();
            if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
                throw invalid(field + ".confidence", "must be between 0 and 1, got " + confidence);
            }
            if (statement.occasion() != null) {
                span(field + ".occasion.evidence", statement.occasion().evidence());
            }
        }
    }

    private static void span(String field, Span span) {
        if (span == null) {
            return;
        }
        if (span.start() < 0 || span.end() < span.start()) {
            throw invalid(field, "span out of order: [" + span.start() + ", " + span.end() + ")");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + message);
    }
}
