package io.quotegraph.statements.event.service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quotegraph.model.Occasion;
import io.quotegraph.model.Span;
import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.Page;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.Params;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

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

    @Inject
    EventRepository events;
    @Inject
    StatementRepository statements;
    @Inject
    SpeakerService speakers;

    /** The id of the event of this occasion (creating it if new); {@code known} holds the ids this delivery ensured. */
    public String eventFor(Occasion occasion, String speakerId, String speakerName, String articleId, Instant publishedAt,
                           Map<String, String> known) {
        String type = normaliseType(occasion.type());
        LocalDate date = occasion.date();
        boolean approximate = date == null;
        String when = date != null ? date.toString() : "~article:" + articleId;
        if (date == null) {
            date = Dates.utcDate(publishedAt);
        }
        String who = speakerId != null ? "speaker:" + speakerId : "article:" + articleId;
        String key = type + "|" + when + "|" + who;
        String id = known.get(key);
        if (id != null) {
            return id;
        }
        id = idOf(key);
        Document event = new Document("_id", id)
                .append("key", key)
                .append("type", type)
                .append("title", title(type, speakerName))
                .append("date", Dates.toBson(date))
                .append("endDate", null)
                .append("dateApproximate", approximate)
                .append("status", HAPPENED)
                .append("participantIds", speakerId == null ? List.of() : List.of(speakerId))
                .append("articleIds", List.of())
                .append("statementCount", 0L);
        events.insertIfAbsent(event);
        known.put(key, id);
        return id;
    }

    /** Recomputes the articles, statement count and title of these events from their statements (idempotent). */
    public void refresh(Collection<String> eventIds) {
        for (String id : new TreeSet<>(eventIds)) {
            events.findById(id).ifPresent(event -> {
                List<String> articleIds = statements.articleIdsByOccasion(id);
                long count = statements.countByOccasion(id);
                events.set(id, Updates.set("articleIds", articleIds), Updates.set("statementCount", count),
                        Updates.set("title", title(event.getString("type"), participantName(event))));
            });
        }
    }

    /** Re-titles the events of speakers whose name changed. */
    public void retitle(Collection<String> speakerIds) {
        for (String speakerId : speakerIds) {
            for (Document event : events.findByParticipant(speakerId)) {
                events.set(event.getString("_id"), Updates.set("title", title(event.getString("type"), participantName(event))));
            }
        }
    }

    private String participantName(Document event) {
        List<String> participants = event.getList("participantIds", String.class, List.of());
        if (participants.isEmpty()) {
            return null;
        }
        Map<String, String> names = speakers.names(participants);
        return names.get(participants.get(0));
    }

    /**
     * Events having statements, filtered; dates inclusive. Ordered by date (newest first), then title.
     */
    public Page<EventView> list(LocalDate from, LocalDate to, String type, List<String> participantIds,
                                List<String> articleIds, List<String> ids, int offset, int limit) {
        return list(from, to, type, null, null, participantIds, articleIds, ids, offset, limit);
    }

    /**
     * Events having statements (made at them or about them) or reported by articles, filtered; dates inclusive, an event
     * with a range matching when the range overlaps [from, to]. Ordered by date (newest first), then title.
     *
     * @param status   HAPPENED, PLANNED or PROPOSED; null for any
     * @param location a place's canonical id or name (case-insensitive); null for any
     */
    public Page<EventView> list(LocalDate from, LocalDate to, String type, String status, String location,
                                List<String> participantIds, List<String> articleIds, List<String> ids, int offset, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.or(Filters.gt("statementCount", 0), Filters.gt("mentionCount", 0)));
        if (from != null) {
            filters.add(Filters.or(Filters.gte("date", from.toString()), Filters.gte("endDate", from.toString())));
        }
        if (to != null) {
            filters.add(Filters.lte("date", to.toString()));
        }
        if (type != null && !type.isBlank()) {
            filters.add(Filters.eq("type", normaliseType(type)));
        }
        if (status != null && !status.isBlank()) {
            filters.add(Filters.eq("status", normaliseType(status)));
        }
        if (location != null && !location.isBlank()) {
            filters.add(Filters.or(Filters.eq("locationId", location.strip()),
                    Filters.regex("locationName", "^" + java.util.regex.Pattern.quote(location.strip()) + "$", "i")));
        }
        if (!participantIds.isEmpty()) {
            filters.add(Filters.in("participantIds", participantIds));
        }
        if (!articleIds.isEmpty()) {
            filters.add(Filters.in("articleIds", articleIds));
        }
        if (!ids.isEmpty()) {
            filters.add(Filters.in("_id", ids));
        }
        return events.page(Filters.and(filters), offset, limit, EventService::toView);
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
