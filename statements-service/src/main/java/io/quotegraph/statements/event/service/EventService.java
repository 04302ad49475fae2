package io.quotegraph.statements.event.service;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.quotegraph.model.Occasion;
import io.quotegraph.model.Span;
import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Criteria;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.delivery.repository.DeliveryRepository;
import io.quotegraph.statements.event.repository.EventRepository;
import io.quotegraph.statements.speaker.service.SpeakerService;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Events v1, derived from statement occasions: one event per (type, date, canonical participant). An occasion without
 * a date gives an event per (type, article, participant) dated at the article's publication, marked approximate.
 * An event's id is derived from its key, so concurrent deliveries of the same briefing meet at the same document.
 */
@ApplicationScoped
public class EventService {

    public static final String HAPPENED = "HAPPENED";
    /** The extraction's type for an occasion known only by its date ("said Wednesday"). */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    private static final int FILL_BATCH = 500;

    @Inject
    EventRepository events;
    @Inject
    StatementRepository statements;
    @Inject
    SpeakerService speakers;
    @Inject
    IdSets sets;
    @Inject
    DeliveryRepository deliveries;

    /**
     * The id of the event of this occasion; a new event document goes into {@code pending} (by key) for
     * {@link #ensure}, which creates those that do not exist yet, all in one round trip.
     */
    public String eventFor(Occasion occasion, String speakerId, String speakerName, String articleId, Instant publishedAt,
                           Map<String, Document> pending) {
        LocalDate date = occasion.date();
        return eventFor(normaliseType(occasion.type()), date != null ? date : Dates.utcDate(publishedAt), date == null,
                speakerId, speakerName, articleId, pending);
    }

    /** As {@link #eventFor(Occasion, String, String, String, Instant, Map)}, from a normalised type and a date. */
    private static String eventFor(String type, LocalDate date, boolean approximate, String speakerId, String speakerName,
                                   String articleId, Map<String, Document> pending) {
        String when = approximate ? "~article:" + articleId : date.toString();
        String who = speakerId != null ? "speaker:" + speakerId : "article:" + articleId;
        String key = type + "|" + when + "|" + who;
        Document known = pending.get(key);
        if (known != null) {
            return known.getString("_id");
        }
        String id = idOf(key);
        pending.put(key, new Document("_id", id)
                .append("key", key)
                .append("type", type)
                .append("title", title(type, speakerName))
                .append("date", Dates.toBson(date))
                .append("endDate", null)
                .append("dateApproximate", approximate)
                .append("status", HAPPENED)
                .append("participantIds", speakerId == null ? List.of() : List.of(speakerId))
                .append("articleIds", List.of())
                .append("statementCount", 0L));
        return id;
    }

    /** A statement made at {@code eventId} whose speaker is now {@code speakerId} (null: none). */
    public record SpeakerChange(String statementId, String articleId, String eventId, String speakerId) {
    }

    /**
     * Where statements whose speaker changed are made now: the event their occasion gives with the new speaker, as if
     * they had been written with it (an event is keyed by its speaker, so that re-keying on every speaker change makes
     * a statement's event independent of when its speaker was resolved). Creates the new events and adds the
     * statements to their sets; the caller then writes the statements' occasionId and calls {@link #removeStatements}
     * with {@link EventMoves#left()}.
     */
    public EventMoves follow(Collection<SpeakerChange> changes) {
        EventMoves moves = new EventMoves(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        if (changes.isEmpty()) {
            return moves;
        }
        Map<String, Document> stored = new HashMap<>();
        events.findByIds(new TreeSet<>(changes.stream().map(SpeakerChange::eventId).toList()))
                .forEach(event -> stored.put(event.getString("_id"), event));
        Map<String, Document> pending = new HashMap<>();
        for (SpeakerChange change : changes) {
            Document event = stored.get(change.eventId());
            if (event == null) {
                continue;
            }
            String id = eventFor(event.getString("type"), Dates.date(event.get("date")),
                    Boolean.TRUE.equals(event.getBoolean("dateApproximate")), change.speakerId(), null,
                    change.articleId(), pending);
            if (!id.equals(change.eventId())) {
                moves.eventIds().put(change.statementId(), id);
                moves.joined().computeIfAbsent(id, k -> new ArrayList<>()).add(change.statementId());
                moves.left().computeIfAbsent(change.eventId(), k -> new ArrayList<>()).add(change.statementId());
            }
        }
        // titled by the refresh that follows every relink (the new speaker's name is not known here)
        ensure(pending.values().stream().filter(event -> moves.joined().containsKey(event.getString("_id"))).toList());
        addStatements(moves.joined());
        return moves;
    }

    /**
     * Statements moved to other events by {@link #follow}: statement id → its event now; the statements each event
     * gained, and each lost (event id → statement ids).
     */
    public record EventMoves(Map<String, String> eventIds, Map<String, List<String>> joined,
                             Map<String, List<String>> left) {
        /** Every event a statement joined or left: their derived fields need recomputing. */
        public Set<String> touched() {
            Set<String> touched = new TreeSet<>(joined.keySet());
            touched.addAll(left.keySet());
            return touched;
        }
    }

    /** Creates these events unless they exist (existing ones are left alone); their participants' sets first. */
    public void ensure(Collection<Document> pending) {
        IdSets.Changes participants = new IdSets.Changes();
        for (Document event : pending) {
            for (String participantId : event.getList("participantIds", String.class, List.of())) {
                participants.add(IdSets.PARTICIPANT_EVENTS, participantId, event.getString("_id"));
            }
        }
        sets.apply(participants);
        events.insertAllIfAbsent(pending);
    }

    /** Records that these statements are (about to be) made at these events: event id → statement ids. */
    public void addStatements(Map<String, List<String>> statementIdsByEvent) {
        IdSets.Changes changes = new IdSets.Changes();
        statementIdsByEvent.forEach((eventId, ids) -> changes.addAll(IdSets.EVENT_STATEMENTS, eventId, ids));
        sets.apply(changes);
    }

    /** Records that these statements are no longer made at these events (deleted, or moved to another occasion). */
    public void removeStatements(Map<String, List<String>> statementIdsByEvent) {
        IdSets.Changes changes = new IdSets.Changes();
        statementIdsByEvent.forEach((eventId, ids) -> changes.removeAll(IdSets.EVENT_STATEMENTS, eventId, ids));
        sets.apply(changes);
    }

    /** Recomputes the articles, statement count and title of these events from their statements (idempotent). */
    public void refresh(Collection<String> eventIds) {
        Set<String> ids = new TreeSet<>(eventIds);
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Set<String>> members = sets.membersOf(IdSets.EVENT_STATEMENTS, ids);
        Map<String, List<Document>> made = new HashMap<>();
        for (Document statement : statements.findFieldsByIds(members.values().stream().flatMap(Set::stream)
                .collect(Collectors.toSet()), "occasionId")) {
            String occasionId = statement.getString("occasionId");
            // a set may still list a statement that has moved on: it counts for the event it names now
            if (occasionId != null && members.getOrDefault(occasionId, Set.of()).contains(statement.getString("_id"))) {
                made.computeIfAbsent(occasionId, id -> new ArrayList<>()).add(statement);
            }
        }
        List<Document> stored = events.findByIds(ids);
        Map<String, String> names = speakers.names(stored.stream().map(EventService::firstParticipant)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, Bson> updates = new LinkedHashMap<>();
        IdSets.Changes joined = new IdSets.Changes();
        IdSets.Changes left = new IdSets.Changes();
        for (Document event : stored) {
            String id = event.getString("_id");
            List<Document> statementsMade = made.getOrDefault(id, List.of());
            List<String> articleIds = new ArrayList<>(new TreeSet<>(statementsMade.stream()
                    .map(statement -> statement.getString("articleId")).toList()));
            updates.put(id, Updates.combine(Updates.set("articleIds", articleIds),
                    Updates.set("statementCount", (long) statementsMade.size()),
                    Updates.set("title", title(event.getString("type"), names.get(firstParticipant(event))))));
            articleSetChanges(id, event.getList("articleIds", String.class, List.of()), articleIds, joined, left);
        }
        // the article sets stay supersets (see IdSets): joined before the events are written, left after
        sets.apply(joined);
        events.setAll(updates);
        sets.apply(left);
    }

    /**
     * Fills {@link IdSets#ARTICLE_EVENTS} from the stored events, once: for a store written before these sets existed.
     * Safe beside deliveries (it only adds, and a set may hold more than belongs); an interrupted fill runs again.
     */
    public void fillArticleSets() {
        if (sets.isFilled(IdSets.ARTICLE_EVENTS)) {
            return;
        }
        IdSets.Changes changes = new IdSets.Changes();
        int pending = 0;
        for (Document event : events.collection().find().projection(Projections.include("articleIds"))) {
            for (String articleId : event.getList("articleIds", String.class, List.of())) {
                changes.add(IdSets.ARTICLE_EVENTS, articleId, event.getString("_id"));
                if (++pending == FILL_BATCH) {
                    sets.apply(changes);
                    changes = new IdSets.Changes();
                    pending = 0;
                }
            }
        }
        sets.apply(changes);
        sets.markFilled(IdSets.ARTICLE_EVENTS);
    }

    /** The changes to {@link IdSets#ARTICLE_EVENTS} when an event's articles go from {@code before} to {@code after}. */
    public static void articleSetChanges(String eventId, Collection<String> before, Collection<String> after,
                                         IdSets.Changes joined, IdSets.Changes left) {
        after.forEach(articleId -> joined.add(IdSets.ARTICLE_EVENTS, articleId, eventId));
        before.stream().filter(articleId -> !after.contains(articleId))
                .forEach(articleId -> left.remove(IdSets.ARTICLE_EVENTS, articleId, eventId));
    }

    /** Re-titles the events of speakers whose name changed. */
    public void retitle(Collection<String> speakerIds) {
        if (speakerIds.isEmpty()) {
            return;
        }
        Set<String> eventIds = new TreeSet<>();
        sets.membersOf(IdSets.PARTICIPANT_EVENTS, speakerIds).values().forEach(eventIds::addAll);
        // a reported event is titled by its type and place, not by a participant
        List<Document> participating = events.findByIds(eventIds).stream()
                .filter(event -> !ReportedEventService.KIND.equals(event.getString("kind")))
                .filter(event -> speakerIds.contains(firstParticipant(event))).toList();
        Map<String, String> names = speakers.names(participating.stream().map(EventService::firstParticipant)
                .collect(Collectors.toSet()));
        Map<String, Bson> updates = new LinkedHashMap<>();
        participating.forEach(event -> updates.put(event.getString("_id"),
                Updates.set("title", title(event.getString("type"), names.get(firstParticipant(event))))));
        events.setAll(updates);
    }

    /** The participant an event is titled by (null: none). */
    private static String firstParticipant(Document event) {
        List<String> participants = event.getList("participantIds", String.class, List.of());
        return participants.isEmpty() ? null : participants.get(0);
    }

    public Page<EventView> list(LocalDate from, LocalDate to, String type, List<String> participantIds,
                                List<String> articleIds, List<String> ids, int offset, int limit) {
        return list(from, to, type, null, null, participantIds, articleIds, ids, offset, limit);
    }

    /**
     * Events having statements (made at them or about them) or reported by articles, filtered; dates inclusive, an event
     * with a range matching when the range overlaps [from, to]. Ordered by date (newest first), then title. A lookup by
     * ids or by articles is read by _id (the events of an article from {@link IdSets#ARTICLE_EVENTS}); the participants
     * of reported events are not in the id sets, so the other filters alone read the collection.
     *
     * @param status   HAPPENED, PLANNED or PROPOSED; null for any
     * @param location a place's canonical id or name (case-insensitive); null for any
     */
    public Page<EventView> list(LocalDate from, LocalDate to, String type, String status, String location,
                                List<String> participantIds, List<String> articleIds, List<String> ids, int offset, int limit) {
        Criteria criteria = new Criteria()
                .anyOf(new Criteria().gt("statementCount", 0), new Criteria().gt("mentionCount", 0));
        if (from != null) {
            criteria.anyOf(new Criteria().gte("date", from.toString()), new Criteria().gte("endDate", from.toString()));
        }
        if (to != null) {
            criteria.between("date", null, to.toString());
        }
        if (type != null && !type.isBlank()) {
            criteria.eq("type", normaliseType(type));
        }
        if (status != null && !status.isBlank()) {
            criteria.eq("status", normaliseType(status));
        }
        if (location != null && !location.isBlank()) {
            // a BSON regex is a C string: a NUL would fail in the driver (500); no place name has control characters
            if (location.chars().anyMatch(Character::isISOControl)) {
                throw io.quotegraph.statements.common.Params.invalid("location", "must not contain control characters");
            }
            criteria.anyOf(new Criteria().eq("locationId", location.strip()), new Criteria().regex("locationName",
                    java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(location.strip()) + "$",
                            java.util.regex.Pattern.CASE_INSENSITIVE)));
        }
        criteria.in("participantIds", participantIds).in("articleIds", articleIds);
        if (ids.isEmpty() && articleIds.isEmpty()) {
            return events.page(criteria.filter(), offset, limit, EventService::toView);
        }
        Set<String> candidates = new TreeSet<>();
        if (articleIds.isEmpty()) {
            candidates.addAll(ids);
        } else {
            sets.membersOf(IdSets.ARTICLE_EVENTS, new TreeSet<>(articleIds)).values().forEach(candidates::addAll);
            if (!ids.isEmpty()) {
                candidates.retainAll(ids);
            }
        }
        return events.pageById(candidates, criteria, offset, limit, EventService::toView);
    }

    public EventView get(String id) {
        return events.findById(id)
                .filter(e -> count(e, "statementCount") > 0 || count(e, "mentionCount") > 0)
                .map(EventService::toView)
                .orElseThrow(() -> Params.notFound("event", id));
    }

    private static long count(Document event, String field) {
        Number n = event.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static EventView toView(Document d) {
        List<EventView.Evidence> evidence = new ArrayList<>();
        for (Document e : d.getList("evidence", Document.class, List.of())) {
            evidence.add(new EventView.Evidence(e.getString("articleId"),
                    new Span(e.getInteger("start", 0), e.getInteger("end", 0), e.getString("text"))));
        }
        return new EventView(d.getString("_id"), d.getString("type"), d.getString("title"),
                Dates.date(d.get("date")), Dates.date(d.get("endDate")), Boolean.TRUE.equals(d.getBoolean("dateApproximate")),
                d.getString("granularity"), d.getString("status"), d.getList("participantIds", String.class, List.of()),
                d.getList("participantNames", String.class, List.of()), d.getString("locationId"), d.getString("locationName"),
                d.getList("articleIds", String.class, List.of()), d.getList("statementIds", String.class, List.of()), evidence);
    }

    /** "press briefing" / "Press-Briefing" → "PRESS_BRIEFING"; none → "UNSPECIFIED" (as the extraction names it). */
    static String normaliseType(String type) {
        if (type == null || type.isBlank()) {
            return UNSPECIFIED;
        }
        return type.trim().toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }

    /** "PRESS_BRIEFING", "Matthew Miller" → "Press briefing by Matthew Miller"; UNSPECIFIED → "Remarks by …". */
    static String title(String type, String speakerName) {
        String words = UNSPECIFIED.equals(type) ? "remarks" : type.toLowerCase(Locale.ROOT).replace('_', ' ').trim();
        if (words.isEmpty()) {
            words = "event";
        }
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return speakerName == null || speakerName.isBlank() ? title : title + " by " + speakerName;
    }

    static String idOf(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
