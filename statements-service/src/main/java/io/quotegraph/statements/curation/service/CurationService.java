package io.quotegraph.statements.curation.service;

import io.quotegraph.extraction.entity.EntityClusterer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Updates;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.curation.repository.CurationRepository;
import io.quotegraph.statements.entity.service.GazetteerService;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import io.quotegraph.statements.speaker.service.ClusterResolution;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.quotegraph.statements.statement.service.StatementLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Curators' corrections of resolution: merge, split, add or remove an alias, rename. Each is written as decisions
 * that resolution consults (pins of an article's name to a speaker, alias pins, curated fields of the speaker), so a
 * re-delivery or re-clustering keeps it, and each is logged with its actor and the speakers before and after.
 * Serialised in this instance (curation is rare); the writes are idempotent, so a retried request repairs a failed one.
 */
@ApplicationScoped
public class CurationService {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ACTOR_LENGTH = 100;
    public static final int MAX_IDS = 100;

    @Inject
    SpeakerService speakerService;
    @Inject
    SpeakerRepository speakers;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    CurationRepository curation;
    @Inject
    ClusterResolution clusters;
    @Inject
    GazetteerService gazetteer;
    @Inject
    StatementLinks statementLinks;
    @Inject
    EventService events;
    @Inject
    ObjectMapper json;

    /** One audit record as GET /curation/log answers it. */
    public record CurationLogEntry(String id, Instant at, String actor, String action, List<String> speakerIds,
                                   Map<String, Object> input, List<SpeakerView> before, List<SpeakerView> after) {
    }

    /** Merges the sources into the target: all their names and statements become the target's, for good. */
    public synchronized SpeakerView merge(String targetId, List<String> sourceIds, String actor) {
        String actorName = actor(actor);
        if (sourceIds == null || sourceIds.isEmpty() || sourceIds.size() > MAX_IDS) {
            throw invalid("'sourceIds' must name 1 to " + MAX_IDS + " speakers");
        }
        Document target = current(targetId);
        List<Document> sources = new ArrayList<>();
        for (String sourceId : new LinkedHashSet<>(sourceIds)) {
            Document source = current(sourceId);
            if (source.getString("_id").equals(target.getString("_id"))) {
                throw new ProblemException(ProblemType.CONFLICT, "speaker '" + sourceId + "' is the target or already merged into it");
            }
            sources.add(source);
        }
        List<SpeakerView> before = new ArrayList<>();
        before.add(SpeakerService.view(target));
        sources.forEach(s -> before.add(SpeakerService.view(s)));
        String to = target.getString("_id");
        Set<String> articles = new TreeSet<>();
        Set<String> affected = new TreeSet<>(List.of(to));
        pinAll(to, to, actorName, articles);
        for (Document source : sources) {
            String from = source.getString("_id");
            affected.add(from);
            pinAll(from, to, actorName, articles);
            curation.repin(from, to);
            LinkedHashSet<String> curatedAliases = new LinkedHashSet<>(target.getList("curatedAliases", String.class, List.of()));
            curatedAliases.addAll(source.getList("curatedAliases", String.class, List.of()));
            speakers.set(to, Updates.set("curatedAliases", new ArrayList<>(curatedAliases)));
            speakers.set(from, Updates.set("mergedInto", to));
            articleSpeakers.linkAll(articleSpeakers.findBySpeaker(from).stream()
                    .map(mapping -> new ArticleSpeakerRepository.Link(mapping, to, 1.0, "merged by " + actorName,
                            EntityClusterer.Basis.CURATION.name())).toList());
        }
        finish(articles, affected);
        SpeakerView after = speakerService.get(to);
        log("merge", actorName, affected, Map.of("targetId", to, "sourceIds", sources.stream().map(d -> d.getString("_id")).toList()),
                before, List.of(after));
        return after;
    }

    /**
     * Splits the names the given articles use for a speaker off into a new speaker (for good).
     *
     * @return the speaker as it remains, then the new one
     */
    public synchronized List<SpeakerView> split(String speakerId, List<String> articleIds, String name, String actor) {
        String actorName = actor(actor);
        if (articleIds == null || articleIds.isEmpty() || articleIds.size() > MAX_IDS) {
            throw invalid("'articleIds' must name 1 to " + MAX_IDS + " articles");
        }
        Document speaker = current(speakerId);
        String id = speaker.getString("_id");
        List<Document> moving = articleSpeakers.findByArticleAndSpeaker(new TreeSet<>(articleIds), id);
        List<Document> all = articleSpeakers.findBySpeaker(id);
        if (moving.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "none of these articles names speaker '" + id + "'");
        }
        if (moving.size() == all.size()) {
            throw new ProblemException(ProblemType.CONFLICT, "these articles are all of speaker '" + id + "': nothing would remain");
        }
        String newName = name == null || name.isBlank() ? moving.get(0).getString("name") : checkedName(name);
        SpeakerView before = SpeakerService.view(speaker);
        String newId = UUID.randomUUID().toString();
        speakers.insert(new Document("_id", newId).append("matchKey", "c:" + newId).append("anonymous", false)
                .append("name", newName).append("type", speaker.getString("type"))
                .append("curatedName", name == null || name.isBlank() ? null : newName)
                .append("aliases", List.of(newName)).append("aliasKeys", List.of()).append("searchTokens", List.of())
                .append("roles", List.of()).append("statementCount", 0L)
                .append("listed", false));
        Set<String> articles = new TreeSet<>();
        Set<String> movingKeys = new TreeSet<>();
        for (Document mapping : moving) {
            movingKeys.add(mapping.getString("articleId") + "|" + mapping.getString("speakerKey"));
            curation.pin(mapping.getString("articleId"), mapping.getString("nameKey"), newId, actorName);
            articles.add(mapping.getString("articleId"));
        }
        articleSpeakers.linkAll(moving.stream()
                .map(mapping -> new ArticleSpeakerRepository.Link(mapping, newId, 1.0, "split off by " + actorName,
                        EntityClusterer.Basis.CURATION.name())).toList());
        for (Document mapping : all) {
            if (!movingKeys.contains(mapping.getString("articleId") + "|" + mapping.getString("speakerKey"))) {
                curation.pin(mapping.getString("articleId"), mapping.getString("nameKey"), id, actorName);
            }
        }
        finish(articles, List.of(id, newId));
        List<SpeakerView> after = List.of(speakerService.get(id), speakerService.get(newId));
        log("split", actorName, List.of(id, newId), Map.of("speakerId", id, "articleIds", List.copyOf(new TreeSet<>(articleIds)),
                "name", newName), List.of(before), after);
        return after;
    }

    /** Adds an alias: shown with the speaker, searchable, and from now on the name resolves to this speaker. */
    public synchronized SpeakerView addAlias(String speakerId, String alias, String actor) {
        String actorName = actor(actor);
        String value = checkedName(alias);
        Document speaker = current(speakerId);
        String id = speaker.getString("_id");
        SpeakerView before = SpeakerService.view(speaker);
        LinkedHashSet<String> curated = new LinkedHashSet<>(speaker.getList("curatedAliases", String.class, List.of()));
        curated.add(value);
        List<String> suppressed = new ArrayList<>(speaker.getList("suppressedAliases", String.class, List.of()));
        suppressed.removeIf(s -> sameName(s, value));
        speakers.set(id, Updates.combine(Updates.set("curatedAliases", new ArrayList<>(curated)),
                Updates.set("suppressedAliases", suppressed)));
        EntityType type = speaker.getString("type") == null ? null : EntityType.valueOf(speaker.getString("type"));
        String nameKey = EntityNames.nameKey(value, type);
        curation.pinAlias(nameKey, id, actorName);
        // names already seen elsewhere under this alias now belong here: re-cluster their blocks
        Set<String> blocks = new TreeSet<>();
        articleSpeakers.findByNameKey(nameKey).forEach(m -> blocks.add(m.getString("blockKey")));
        ClusterResolution.Outcome outcome = clusters.resolveBlocks(gazetteer.clusterer(), blocks);
        Set<String> affected = new TreeSet<>(outcome.speakerIds());
        affected.add(id);
        finish(outcome.articleIds(), affected);
        SpeakerView after = speakerService.get(id);
        log("addAlias", actorName, List.of(id), Map.of("speakerId", id, "alias", value), List.of(before), List.of(after));
        return after;
    }

    /** Removes an alias from what the speaker shows and is searched by (the name itself cannot be removed: rename). */
    public synchronized SpeakerView removeAlias(String speakerId, String alias, String actor) {
        String actorName = actor(actor);
        String value = checkedName(alias);
        Document speaker = current(speakerId);
        String id = speaker.getString("_id");
        if (sameName(speaker.getString("name"), value)) {
            throw new ProblemException(ProblemType.CONFLICT, "'" + value + "' is the speaker's name: rename the speaker first");
        }
        if (speaker.getList("aliases", String.class, List.of()).stream().noneMatch(a -> sameName(a, value))) {
            throw new ProblemException(ProblemType.NOT_FOUND, "speaker '" + id + "' has no alias '" + value + "'");
        }
        SpeakerView before = SpeakerService.view(speaker);
        List<String> curated = new ArrayList<>(speaker.getList("curatedAliases", String.class, List.of()));
        curated.removeIf(s -> sameName(s, value));
        LinkedHashSet<String> suppressed = new LinkedHashSet<>(speaker.getList("suppressedAliases", String.class, List.of()));
        suppressed.add(value);
        speakers.set(id, Updates.combine(Updates.set("curatedAliases", curated),
                Updates.set("suppressedAliases", new ArrayList<>(suppressed))));
        EntityType type = speaker.getString("type") == null ? null : EntityType.valueOf(speaker.getString("type"));
        curation.unpinAlias(EntityNames.nameKey(value, type), id);
        speakerService.refresh(List.of(id));
        SpeakerView after = speakerService.get(id);
        log("removeAlias", actorName, List.of(id), Map.of("speakerId", id, "alias", value), List.of(before), List.of(after));
        return after;
    }

    /** Gives the speaker a name of a curator's choosing, kept whatever later articles call it. */
    public synchronized SpeakerView rename(String speakerId, String name, String actor) {
        String actorName = actor(actor);
        String value = checkedName(name);
        Document speaker = current(speakerId);
        String id = speaker.getString("_id");
        SpeakerView before = SpeakerService.view(speaker);
        speakers.set(id, Updates.set("curatedName", value));
        Set<String> renamed = speakerService.refresh(List.of(id));
        events.retitle(renamed);
        SpeakerView after = speakerService.get(id);
        log("rename", actorName, List.of(id), Map.of("speakerId", id, "name", value), List.of(before), List.of(after));
        return after;
    }

    public Page<CurationLogEntry> log(String speakerId, int offset, int limit) {
        return curation.logPage(speakerId, offset, limit, this::entry);
    }

    /** Pins every name of a speaker (by article and name) to a speaker, so re-clustering keeps the decision. */
    private void pinAll(String speakerId, String to, String actor, Set<String> articles) {
        for (Document mapping : articleSpeakers.findBySpeaker(speakerId)) {
            curation.pin(mapping.getString("articleId"), mapping.getString("nameKey"), to, actor);
            articles.add(mapping.getString("articleId"));
        }
    }

    /** Relinks the articles' statements, then refreshes the speakers and the events of moved statements. */
    private void finish(Collection<String> articleIds, Collection<String> speakerIds) {
        Set<String> eventIds = statementLinks.relink(articleIds);
        Set<String> renamed = speakerService.refresh(speakerIds);
        events.refresh(eventIds);
        events.retitle(renamed);
    }

    private Document current(String id) {
        if (id == null || id.isBlank()) {
            throw invalid("a speaker id is required");
        }
        return speakerService.document(id);
    }

    private void log(String action, String actor, Collection<String> speakerIds, Map<String, Object> input,
                     List<SpeakerView> before, List<SpeakerView> after) {
        curation.record(new Document("_id", UUID.randomUUID().toString())
                .append("at", Dates.toBson(Instant.now()))
                .append("actor", actor)
                .append("action", action)
                .append("speakerIds", new ArrayList<>(new LinkedHashSet<>(speakerIds)))
                .append("input", toBson(input))
                .append("before", toBson(before))
                .append("after", toBson(after)));
    }

    private Object toBson(Object value) {
        try {
            return Document.parse("{\"v\":" + json.writeValueAsString(value) + "}").get("v");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not record the curation", e);
        }
    }

    @SuppressWarnings("unchecked")
    private CurationLogEntry entry(Document d) {
        try {
            List<SpeakerView> before = json.readValue(json.writeValueAsString(d.get("before")),
                    json.getTypeFactory().constructCollectionType(List.class, SpeakerView.class));
            List<SpeakerView> after = json.readValue(json.writeValueAsString(d.get("after")),
                    json.getTypeFactory().constructCollectionType(List.class, SpeakerView.class));
            return new CurationLogEntry(d.getString("_id"), Dates.instant(d.get("at")), d.getString("actor"),
                    d.getString("action"), d.getList("speakerIds", String.class, List.of()),
                    json.readValue(((Document) d.get("input")).toJson(), Map.class), before, after);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable curation record " + d.getString("_id"), e);
        }
    }

    static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_INPUT,
                    "the curator is required: header X-Quotegraph-Actor or field 'curator'");
        }
        if (actor.length() > MAX_ACTOR_LENGTH) {
            throw invalid("the curator's name is at most " + MAX_ACTOR_LENGTH + " characters");
        }
        return actor.strip();
    }

    private static String checkedName(String name) {
        if (name == null || TextTokens.words(name).isEmpty()) {
            throw invalid("a name with letters or digits is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid("names are at most " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    private static boolean sameName(String a, String b) {
        return a != null && b != null && TextTokens.words(a).equals(TextTokens.words(b));
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, message);
    }
}
