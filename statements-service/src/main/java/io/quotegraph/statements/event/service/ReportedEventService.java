package io.quotegraph.statements.event.service;

import io.quotegraph.extraction.event.EventLinker;
import io.quotegraph.extraction.event.EventTypes;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EventStatus;
import io.quotegraph.model.ExtractedEvent;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Span;
import io.quotegraph.model.TimeValue;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.event.repository.EventMentionRepository;
import io.quotegraph.statements.event.repository.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The events articles report, linked across articles. Each article event is stored as a mention; a new mention is
 * compared with the mentions in its blocking buckets (same type family, neighbouring months) and with the other
 * mentions of their events, and the {@link EventLinker} (extraction) groups them: average-link groups of mentions
 * that contain a linked pair (score at least {@value EventLinker#LINK_THRESHOLD}) and no incompatible one, each
 * identified by its smallest mention id, so that the grouping and the ids do not depend on the order articles arrive
 * in (as long as candidates meet in a bucket).
 */
@ApplicationScoped
public class ReportedEventService {

    public static final String KIND = "REPORTED";
    /** A mention spanning more days than this is filed under years rather than months. */
    private static final int MAX_MONTHLY_SPAN_DAYS = 92;
    /** Years a long range is filed under, at most. */
    private static final int MAX_YEARS = 10;

    @Inject
    EventMentionRepository mentions;
    @Inject
    EventRepository events;
    @Inject
    IdSets sets;

    private final EventTypes types = EventTypes.get();
    private final EventLinker linker = new EventLinker();

    /**
     * Stores an article's events and links them across articles.
     *
     * @param statementIds per article event index, the ids of the article's statements that talk about it
     * @param entityId     the resolved entity id of a participant or place mention, or null
     * @return per article event index, the id of the event it belongs to
     */
    public Map<Integer, String> deliver(String articleId, Instant publishedAt, List<ExtractedEvent> extracted,
                                        Map<Integer, List<String>> statementIds, Function<EntityMention, String> entityId) {
        // reads and writes by _id, batched: a round trip per step, not per mention or bucket
        Set<String> previousEvents = new TreeSet<>();
        int previousCount = mentions.countOfArticle(articleId);
        List<String> previousIds = new ArrayList<>();
        for (int i = 0; i < previousCount; i++) {
            previousIds.add(EventMentionRepository.mentionId(articleId, i));
        }
        List<Document> previous = mentions.findAll(previousIds);
        EventMentionRepository.BucketChanges bucketsLeft = new EventMentionRepository.BucketChanges();
        for (Document old : previous) {
            if (old.getString("eventId") != null) {
                previousEvents.add(old.getString("eventId"));
            }
            bucketsLeft.remove(old.getString("_id"), storeKeys(old));
        }
        mentions.apply(bucketsLeft);
        mentions.deleteAll(previous.stream().map(old -> old.getString("_id")).toList());
        LocalDate published = publishedAt == null ? null : Dates.utcDate(publishedAt);
        Map<String, Document> nodes = new TreeMap<>();
        List<String> ownIds = new ArrayList<>();
        List<Document> own = new ArrayList<>();
        EventMentionRepository.BucketChanges bucketsJoined = new EventMentionRepository.BucketChanges();
        for (int i = 0; i < extracted.size(); i++) {
            Document mention = mentionDocument(articleId, i, extracted.get(i), published,
                    statementIds.getOrDefault(i, List.of()), entityId);
            own.add(mention);
            bucketsJoined.add(mention.getString("_id"), storeKeys(mention));
            nodes.put(mention.getString("_id"), mention);
            ownIds.add(mention.getString("_id"));
        }
        mentions.saveAll(own);
        mentions.apply(bucketsJoined);
        mentions.setCountOfArticle(articleId, extracted.size());

        // the neighbourhood: bucket candidates, and every mention of the events involved (which may merge or split)
        Set<String> eventIds = new TreeSet<>(previousEvents);
        Set<String> lookup = new LinkedHashSet<>();
        ownIds.forEach(ownId -> lookup.addAll(lookupKeys(nodes.get(ownId))));
        for (Document candidate : mentions.findAll(new TreeSet<>(mentions.bucketMembers(lookup)))) {
            nodes.putIfAbsent(candidate.getString("_id"), candidate);
        }
        nodes.values().stream().map(d -> d.getString("eventId")).filter(Objects::nonNull).forEach(eventIds::add);
        Map<String, List<String>> articlesBefore = new HashMap<>();
        Set<String> memberIds = new TreeSet<>();
        for (Document e : events.findByIds(eventIds)) {
            articlesBefore.put(e.getString("_id"), e.getList("articleIds", String.class, List.of()));
            memberIds.addAll(e.getList("mentionIds", String.class, List.of()));
        }
        memberIds.removeAll(nodes.keySet());
        for (Document member : mentions.findAll(memberIds)) {
            nodes.putIfAbsent(member.getString("_id"), member);
        }
        Map<String, String> eventOf = link(nodes);
        Set<String> kept = new TreeSet<>(eventOf.values());
        Map<String, List<Document>> groups = new TreeMap<>();
        nodes.forEach((id, mention) -> groups.computeIfAbsent(eventOf.get(id), e -> new ArrayList<>()).add(mention));
        Set<String> statementsToRelink = new TreeSet<>();
        IdSets.Changes joined = new IdSets.Changes();
        IdSets.Changes left = new IdSets.Changes();
        Map<String, Document> linked = new TreeMap<>();
        Map<String, String> moved = new LinkedHashMap<>();
        for (Map.Entry<String, List<Document>> group : groups.entrySet()) {
            Document event = eventDocument(group.getKey(), group.getValue());
            linked.put(group.getKey(), event);
            EventService.articleSetChanges(event.getString("_id"), articlesBefore.getOrDefault(event.getString("_id"), List.of()),
                    event.getList("articleIds", String.class), joined, left);
            // before the event names them: a participant's set is a superset of their events (see IdSets)
            for (String participantId : event.getList("participantIds", String.class, List.of())) {
                joined.add(IdSets.PARTICIPANT_EVENTS, participantId, group.getKey());
            }
        }
        for (String gone : eventIds) {
            if (!kept.contains(gone)) {
                EventService.articleSetChanges(gone, articlesBefore.getOrDefault(gone, List.of()), List.of(), joined, left);
            }
        }
        // the article sets stay supersets (see IdSets): joined before the events are written, left after
        sets.apply(joined);
        events.replaceAll(linked.values());
        for (Map.Entry<String, List<Document>> group : groups.entrySet()) {
            for (Document mention : group.getValue()) {
                String id = mention.getString("_id");
                if (!group.getKey().equals(mention.getString("eventId"))) {
                    moved.put(id, group.getKey());
                    if (!id.startsWith(articleId + "#")) {
                        statementsToRelink.addAll(mention.getList("statementIds", String.class, List.of()));
                    }
                }
            }
        }
        mentions.setEvents(moved);
        events.deleteAll(eventIds.stream().filter(gone -> !kept.contains(gone)).toList());
        sets.apply(left);
        relinkStatements(statementsToRelink);
        Map<Integer, String> result = new LinkedHashMap<>();
        for (int i = 0; i < ownIds.size(); i++) {
            result.put(i, eventOf.get(ownIds.get(i)));
        }
        return result;
    }

    /** The participants and places of an article's events, for entity resolution. */
    public static List<EntityMention> entities(List<ExtractedEvent> events) {
        List<EntityMention> found = new ArrayList<>();
        for (ExtractedEvent e : events) {
            found.addAll(e.participants());
            if (e.location() != null) {
                found.add(e.location());
            }
        }
        return found;
    }

    /** Per article event index, the ids ("{articleId}:{index}") of the article's statements that talk about it. */
    public static Map<Integer, List<String>> statementIds(String articleId, List<ExtractedStatement> statements) {
        Map<Integer, List<String>> byEvent = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            for (Integer event : statements.get(i).aboutEvents()) {
                byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(articleId + ":" + i);
            }
        }
        return byEvent;
    }

    /** The event mentions a statement talks about. */
    public static List<String> mentionIds(String articleId, ExtractedStatement statement) {
        return statement.aboutEvents().stream().map(i -> EventMentionRepository.mentionId(articleId, i)).toList();
    }

    /** The events a statement talks about, given where the article's events were linked. */
    public static List<String> eventIds(ExtractedStatement statement, Map<Integer, String> eventIdByIndex) {
        return statement.aboutEvents().stream().map(eventIdByIndex::get).filter(Objects::nonNull).distinct().toList();
    }

    /** Other articles' statements whose event mentions moved to another event: a round trip per step. */
    private void relinkStatements(Collection<String> statementIds) {
        if (statementIds.isEmpty()) {
            return;
        }
        List<Document> found = mentions.findStatements(statementIds);
        Map<String, String> eventOfMention = new HashMap<>();
        for (Document mention : mentions.findAll(found.stream().flatMap(statement ->
                statement.getList("aboutEventMentionIds", String.class, List.of()).stream()).distinct().toList())) {
            eventOfMention.put(mention.getString("_id"), mention.getString("eventId"));
        }
        Map<String, List<String>> eventsByStatement = new LinkedHashMap<>();
        for (Document statement : found) {
            Set<String> eventIds = new LinkedHashSet<>();
            for (String mentionId : statement.getList("aboutEventMentionIds", String.class, List.of())) {
                if (eventOfMention.get(mentionId) != null) {
                    eventIds.add(eventOfMention.get(mentionId));
                }
            }
            eventsByStatement.put(statement.getString("_id"), List.copyOf(eventIds));
        }
        mentions.setStatementEvents(eventsByStatement);
    }

    /** Event id per mention id: the linker's groups of mentions, named after their smallest mention id. */
    private Map<String, String> link(Map<String, Document> nodes) {
        Map<String, String> groupOf = linker.groups(nodes.values().stream().map(ReportedEventService::mention).toList());
        Map<String, String> eventOf = new HashMap<>();
        groupOf.forEach((id, root) -> eventOf.put(id, eventId(root)));
        return eventOf;
    }

    static String eventId(String smallestMentionId) {
        return EventService.idOf(KIND + "|" + smallestMentionId);
    }

    /** A stored mention as the linker sees it. */
    static EventLinker.Mention mention(Document d) {
        TimeValue date = d.getString("start") == null ? null : new TimeValue(TimeValue.Kind.valueOf(d.getString("dateKind")),
                LocalDate.parse(d.getString("start")), LocalDate.parse(d.getString("end")),
                TimeValue.Granularity.valueOf(d.getString("granularity")));
        String status = d.getString("status");
        return new EventLinker.Mention(d.getString("_id"), d.getString("type"), status == null ? null : EventStatus.valueOf(status),
                LocalDate.parse(d.getString("published")), date, d.getList("participantKeys", String.class, List.of()),
                d.getString("locationKey"));
    }

    /** The mention's date, or for an undated one the stretch around publication it is assumed to lie in. */
    private static TimeValue blockingDate(Document mention) {
        return EventLinker.blockingDate(mention(mention));
    }

    /** The buckets a mention is filed under: the months of its (blocking) date, or its years when it is long. */
    static Set<String> storeKeys(Document mention) {
        TimeValue date = blockingDate(mention);
        return keys(mention.getString("family"), date.start(), date.end());
    }

    /** The buckets a mention's candidates are filed under: its own and the neighbouring months, and their years. */
    static Set<String> lookupKeys(Document mention) {
        TimeValue date = blockingDate(mention);
        String family = mention.getString("family");
        LocalDate from = date.start().minusDays(31);
        LocalDate to = date.end().plusDays(31);
        Set<String> keys = new TreeSet<>(keys(family, from, to));
        for (int y = from.getYear(); y <= to.getYear() && y < from.getYear() + MAX_YEARS; y++) {
            keys.add(family + "|" + y);
        }
        if (to.toEpochDay() - from.toEpochDay() <= MAX_MONTHLY_SPAN_DAYS + 62) {
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                keys.add(family + "|" + m);
            }
        }
        return keys;
    }

    private static Set<String> keys(String family, LocalDate start, LocalDate end) {
        Set<String> keys = new TreeSet<>();
        if (end.toEpochDay() - start.toEpochDay() > MAX_MONTHLY_SPAN_DAYS) {
            for (int y = start.getYear(); y <= end.getYear() && y < start.getYear() + MAX_YEARS; y++) {
                keys.add(family + "|" + y);
            }
            return keys;
        }
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            keys.add(family + "|" + m);
        }
        return keys;
    }

    private Document mentionDocument(String articleId, int index, ExtractedEvent event, LocalDate published,
                                     List<String> statementIds, Function<EntityMention, String> entityId) {
        List<String> participantKeys = new ArrayList<>();
        List<String> participantIds = new ArrayList<>();
        List<String> participantNames = new ArrayList<>();
        for (EntityMention p : event.participants()) {
            String id = entityId.apply(p);
            participantKeys.add(id != null ? id : "name:" + p.name());
            if (id != null && !participantIds.contains(id)) {
                participantIds.add(id);
            }
            participantNames.add(p.name());
        }
        EntityMention place = event.location();
        String placeId = place == null ? null : entityId.apply(place);
        List<Document> evidence = new ArrayList<>();
        for (Span s : event.evidence()) {
            evidence.add(new Document("articleId", articleId).append("start", s.start()).append("end", s.end()).append("text", s.text()));
        }
        TimeValue date = event.date();
        return new Document("_id", EventMentionRepository.mentionId(articleId, index))
                .append("articleId", articleId)
                .append("index", index)
                .append("type", event.type())
                .append("family", types.root(event.type()))
                .append("status", event.status() == null ? null : event.status().name())
                .append("published", (published == null ? LocalDate.EPOCH : published).toString())
                .append("start", date == null ? null : date.start().toString())
                .append("end", date == null ? null : date.end().toString())
                .append("dateKind", date == null ? null : date.kind().name())
                .append("granularity", date == null ? null : date.granularity().name())
                .append("participantKeys", participantKeys)
                .append("participantIds", participantIds)
                .append("participantNames", participantNames)
                .append("locationKey", place == null ? null : placeId != null ? placeId : "name:" + place.name())
                .append("locationId", placeId)
                .append("locationName", place == null ? null : place.name())
                .append("evidence", evidence)
                .append("statementIds", statementIds);
    }

    /**
     * An event from its mentions: the most specific type, the most precise date, the status most mentions give (on a
     * tie the furthest along), the place most give, every participant.
     */
    private Document eventDocument(String eventId, List<Document> members) {
        members.sort(Comparator.comparing(d -> d.getString("_id")));
        String type = null;
        Document dated = null;
        Map<EventStatus, Integer> statuses = new EnumMap<>(EventStatus.class);
        Map<String, Integer> places = new LinkedHashMap<>();
        Map<String, Document> placeOf = new HashMap<>();
        Set<String> participantIds = new LinkedHashSet<>();
        Set<String> participantNames = new LinkedHashSet<>();
        Set<String> articleIds = new TreeSet<>();
        Set<String> statementIds = new TreeSet<>();
        List<Document> evidence = new ArrayList<>();
        for (Document m : members) {
            type = type == null ? m.getString("type") : types.specific(type, m.getString("type"));
            if (m.getString("start") != null && (dated == null || span(m) < span(dated))) {
                dated = m;
            }
            if (m.getString("status") != null) {
                statuses.merge(EventStatus.valueOf(m.getString("status")), 1, Integer::sum);
            }
            if (m.getString("locationKey") != null) {
                places.merge(m.getString("locationKey"), 1, Integer::sum);
                placeOf.putIfAbsent(m.getString("locationKey"), m);
            }
            participantIds.addAll(m.getList("participantIds", String.class, List.of()));
            participantNames.addAll(m.getList("participantNames", String.class, List.of()));
            articleIds.add(m.getString("articleId"));
            statementIds.addAll(m.getList("statementIds", String.class, List.of()));
            evidence.addAll(m.getList("evidence", Document.class, List.of()));
        }
        EventStatus status = null;
        for (EventStatus s : EventStatus.values()) {
            if (statuses.containsKey(s) && (status == null || statuses.get(s) > statuses.get(status))) {
                status = s;
            }
        }
        String placeKey = null;
        for (Map.Entry<String, Integer> p : places.entrySet()) {
            if (placeKey == null || p.getValue() > places.get(placeKey)) {
                placeKey = p.getKey();
            }
        }
        Document place = placeKey == null ? null : placeOf.get(placeKey);
        LocalDate start = dated == null ? LocalDate.parse(members.get(0).getString("published")) : LocalDate.parse(dated.getString("start"));
        LocalDate end = dated == null ? null : LocalDate.parse(dated.getString("end"));
        return new Document("_id", eventId)
                .append("key", KIND + "|" + members.get(0).getString("_id"))
                .append("kind", KIND)
                .append("type", type)
                .append("title", EventService.title(type, null) + (place == null ? "" : " in " + place.getString("locationName")))
                .append("date", start.toString())
                .append("endDate", end == null || end.equals(start) ? null : end.toString())
                .append("dateApproximate", dated == null || !"DATE".equals(dated.getString("dateKind")) && !"RANGE".equals(dated.getString("dateKind")))
                .append("dateKnown", dated != null)
                .append("granularity", dated == null ? null : dated.getString("granularity"))
                .append("status", status == null ? null : status.name())
                .append("participantIds", List.copyOf(participantIds))
                .append("participantNames", List.copyOf(participantNames))
                .append("locationId", place == null ? null : place.getString("locationId"))
                .append("locationName", place == null ? null : place.getString("locationName"))
                .append("articleIds", List.copyOf(articleIds))
                .append("mentionIds", members.stream().map(d -> d.getString("_id")).toList())
                .append("statementIds", List.copyOf(statementIds))
                .append("evidence", evidence)
                .append("statementCount", (long) statementIds.size())
                .append("mentionCount", (long) members.size());
    }

    private static long span(Document mention) {
        long days = LocalDate.parse(mention.getString("end")).toEpochDay() - LocalDate.parse(mention.getString("start")).toEpochDay();
        return "APPROXIMATE".equals(mention.getString("dateKind")) ? days + 1 : days;
    }
}
