package io.quotegraph.statements.entity.service;

import io.quotegraph.extraction.entity.EntityClusterer;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.service.ClusterResolution;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.quotegraph.statements.statement.service.StatementLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.Set;
import java.util.TreeSet;

/**
 * After the gazetteer changed: the stored names it now maps elsewhere move to their new block, and the old and new
 * blocks are re-clustered (only those, not the world).
 */
@ApplicationScoped
public class EntityNameChanges {

    @Inject
    GazetteerService gazetteer;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    ClusterResolution clusters;
    @Inject
    StatementLinks statementLinks;
    @Inject
    SpeakerService speakers;
    @Inject
    EventService events;

    public void reresolve(GazetteerService.EntryView entry) {
        EntityClusterer clusterer = gazetteer.clusterer();
        Set<String> blocks = new TreeSet<>();
        Set<String> affected = new TreeSet<>();
        Set<String> nameKeys = new TreeSet<>();
        nameKeys.add(EntityNames.nameKey(entry.canonical(), entry.type()));
        entry.aliases().forEach(a -> {
            nameKeys.add(EntityNames.nameKey(a, entry.type()));
            nameKeys.add(EntityNames.nameKey(a, EntityType.PERSON));
        });
        for (String nameKey : nameKeys) {
            for (Document mapping : articleSpeakers.findByNameKey(nameKey)) {
                String blockKey = mapping.getString("blockKey");
                if (blockKey == null) {
                    continue;
                }
                String now = clusterer.blockKey(ClusterResolution.mention(mapping));
                blocks.add(blockKey);
                blocks.add(now);
                if (!now.equals(blockKey)) {
                    articleSpeakers.moveToBlock(mapping, now);
                }
                if (mapping.getString("speakerId") != null) {
                    affected.add(mapping.getString("speakerId"));
                }
            }
        }
        ClusterResolution.Outcome outcome = clusters.resolveBlocks(clusterer, blocks);
        affected.addAll(outcome.speakerIds());
        Set<String> eventIds = statementLinks.relink(outcome.articleIds());
        events.retitle(speakers.refresh(affected));
        events.refresh(eventIds);
    }
}
