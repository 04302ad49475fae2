package io.quotegraph.statements.statement.service;

import io.quotegraph.statements.delivery.repository.DeliveryRepository;
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
 * speakerKey and aboutKeys (article-local), and the speakerId and aboutIds these map to now.
 */
@ApplicationScoped
public class StatementLinks {

    @Inject
    StatementRepository statements;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    DeliveryRepository deliveries;

    /**
     * Re-derives speakerId and aboutIds of the article's statements from its mappings. Idempotent.
     *
     * @return the occasions of the statements whose speaker changed (their events need refreshing)
     */
    public Set<String> relink(String articleId) {
        return relink(List.of(articleId));
    }

    /** As {@link #relink(String)}, for several articles: a round trip per step, not per article or statement. */
    public Set<String> relink(Collection<String> articleIds) {
        Set<String> occasions = new TreeSet<>();
        if (articleIds.isEmpty()) {
            return occasions;
        }
        Map<String, Map<String, String>> idsByArticle = new HashMap<>();
        articleSpeakers.findByArticles(articleIds).forEach((articleId, mappings) -> {
            Map<String, String> ids = new HashMap<>();
            mappings.forEach(mapping -> ids.put(mapping.getString("speakerKey"), mapping.getString("speakerId")));
            idsByArticle.put(articleId, ids);
        });
        List<String> statementIds = new ArrayList<>();
        deliveries.statementSlots(articleIds).forEach((articleId, slots) ->
                statementIds.addAll(StatementRepository.idsOfArticle(articleId, slots)));
        Map<String, StatementRepository.Links> changed = new LinkedHashMap<>();
        for (Document statement : statements.findFieldsByIds(statementIds, "speakerKey", "speakerId", "aboutKeys",
                "aboutIds", "occasionId")) {
            Map<String, String> ids = idsByArticle.getOrDefault(statement.getString("articleId"), Map.of());
            String key = statement.getString("speakerKey");
            String speakerId = key == null ? null : ids.get(key);
            List<String> about = new ArrayList<>(new LinkedHashSet<>(statement.getList("aboutKeys", String.class, List.of())
                    .stream().map(ids::get).filter(Objects::nonNull).toList()));
            boolean speakerChanged = !Objects.equals(speakerId, statement.getString("speakerId"));
            if (speakerChanged || !about.equals(statement.getList("aboutIds", String.class, List.of()))) {
                changed.put(statement.getString("_id"), new StatementRepository.Links(speakerId, about));
                if (speakerChanged && statement.getString("occasionId") != null) {
                    occasions.add(statement.getString("occasionId"));
                }
            }
        }
        statements.setLinks(changed);
        return occasions;
    }
}
