package io.quotegraph.statements.statement.service;

import io.quotegraph.statements.delivery.repository.DeliveryRepository;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.event.service.ReportedEventService;
import io.quotegraph.statements.quotation.service.QuotationService;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps statements pointing at the speakers and entities their article's names resolve to: statements store
 * speakerKey and aboutKeys (article-local), and the speakerId and aboutIds these map to now, and the event and
 * quotation grouping that speaker gives; the events articles report name the participants and places their
 * article's names resolve to now ({@link ReportedEventService#follow}).
 */
@ApplicationScoped
public class StatementLinks {

    @Inject
    StatementRepository statements;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    EventService events;
    @Inject
    QuotationService quotations;
    @Inject
    ReportedEventService reportedEvents;

    /**
     * Re-derives speakerId and aboutIds of the article's statements from its mappings; a statement whose speaker
     * changed moves to the event its occasion gives with the new speaker and is grouped in quotations under it, so that
     * what it is keyed by does not depend on when its speaker was resolved. Idempotent.
     *
     * @return the events statements joined or left (their derived fields need refreshing)
     */
    public Set<String> relink(String articleId) {
        return relink(List.of(articleId));
    }

    /** As {@link #relink(String)}, for several articles: a round trip per step, not per article or statement. */
    public Set<String> relink(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return new TreeSet<>();
        }
        Map<String, Map<String, String>> idsByArticle = new HashMap<>();
        articleSpeakers.findByArticles(articleIds).forEach((articleId, mappings) -> {
            Map<String, String> ids = new HashMap<>();
            mappings.forEach(mapping -> ids.put(mapping.getString("speakerKey"), mapping.getString("speakerId")));
            idsByArticle.put(articleId, ids);
        });
        articleIds.forEach(articleId -> idsByArticle.putIfAbsent(articleId, Map.of()));
        Map<String, List<String>> statementIdsByArticle = new HashMap<>();
        deliveries.statementSlots(articleIds).forEach((articleId, slots) ->
                statementIdsByArticle.put(articleId, StatementRepository.idsOfArticle(articleId, slots)));
        List<String> statementIds = statementIdsByArticle.values().stream().flatMap(List::stream).toList();
        Map<String, StatementRepository.Links> changed = new LinkedHashMap<>();
        List<EventService.SpeakerChange> speakerChanges = new ArrayList<>();
        Set<String> articlesWithNewSpeakers = new TreeSet<>();
        for (Document statement : statements.findFieldsByIds(statementIds, "speakerKey", "speakerId", "aboutKeys",
                "aboutIds", "occasionId")) {
            Map<String, String> ids = idsByArticle.getOrDefault(statement.getString("articleId"), Map.of());
            String key = statement.getString("speakerKey");
            String speakerId = key == null ? null : ids.get(key);
            List<String> about = new ArrayList<>(new LinkedHashSet<>(statement.getList("aboutKeys", String.class, List.of())
                    .stream().map(ids::get).filter(Objects::nonNull).toList()));
            boolean speakerChanged = !Objects.equals(speakerId, statement.getString("speakerId"));
            String occasionId = statement.getString("occasionId");
            if (speakerChanged || !about.equals(statement.getList("aboutIds", String.class, List.of()))) {
                changed.put(statement.getString("_id"), new StatementRepository.Links(speakerId, about, occasionId));
            }
            if (speakerChanged) {
                articlesWithNewSpeakers.add(statement.getString("articleId"));
                if (occasionId != null) {
                    speakerChanges.add(new EventService.SpeakerChange(statement.getString("_id"),
                            statement.getString("articleId"), occasionId, speakerId));
                }
            }
        }
        // new events and their sets first, the statements then, the old events' sets last (sets stay supersets)
        EventService.EventMoves moves = events.follow(speakerChanges);
        moves.eventIds().forEach((statementId, eventId) -> changed.computeIfPresent(statementId, (id, links) ->
                new StatementRepository.Links(links.speakerId(), links.aboutIds(), eventId)));
        statements.setLinks(changed);
        events.removeStatements(moves.left());
        reindexQuotations(articlesWithNewSpeakers, statementIdsByArticle);
        reportedEvents.follow(idsByArticle);
        Set<String> touched = moves.touched();
        speakerChanges.forEach(change -> touched.add(change.eventId()));
        return touched;
    }

    /** Groups the statements of these articles in quotations again, under the speakers they have now. */
    private void reindexQuotations(Set<String> articleIds, Map<String, List<String>> statementIdsByArticle) {
        if (articleIds.isEmpty()) {
            return;
        }
        List<String> statementIds = new ArrayList<>();
        articleIds.forEach(articleId -> statementIds.addAll(statementIdsByArticle.get(articleId)));
        Map<String, List<Document>> byArticle = new LinkedHashMap<>();
        articleIds.forEach(articleId -> byArticle.put(articleId, new ArrayList<>()));
        for (Document statement : statements.findByIdsWithoutTokens(statementIds)) {
            byArticle.get(statement.getString("articleId")).add(statement);
        }
        quotations.index(byArticle);
    }
}
