package io.quotegraph.statements.statement.service;

import io.quotegraph.statements.delivery.repository.DeliveryRepository;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
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
        Map<String, String> ids = new HashMap<>();
        for (Document mapping : articleSpeakers.findByArticle(articleId)) {
            ids.put(mapping.getString("speakerKey"), mapping.getString("speakerId"));
        }
        Set<String> occasions = new TreeSet<>();
        for (Document statement : statements.findByIds(StatementRepository.idsOfArticle(articleId,
                deliveries.statementSlots(articleId)))) {
            String key = statement.getString("speakerKey");
            String speakerId = key == null ? null : ids.get(key);
            List<String> about = new ArrayList<>(new LinkedHashSet<>(statement.getList("aboutKeys", String.class, List.of())
                    .stream().map(ids::get).filter(Objects::nonNull).toList()));
            boolean speakerChanged = !Objects.equals(speakerId, statement.getString("speakerId"));
            if (speakerChanged || !about.equals(statement.getList("aboutIds", String.class, List.of()))) {
                statements.setLinks(statement.getString("_id"), speakerId, about);
                if (speakerChanged && statement.getString("occasionId") != null) {
                    occasions.add(statement.getString("occasionId"));
                }
            }
        }
        return occasions;
    }
}
