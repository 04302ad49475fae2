package io.quotegraph.statements.speaker.service;

import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.model.view.TimelineEntryView;
import io.quotegraph.model.view.TimelineView;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.statement.service.StatementService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A speaker's timeline: their statements and the events they took part in or spoke at, oldest first. A statement is
 * dated by the event it was made at when that date is known, else by its article's publication; on one day events come
 * before statements. Everything is read by _id: the statements of the articles that name the speaker, and the events of
 * their statements and of their participant set ({@link IdSets#PARTICIPANT_EVENTS}). Pages are cut by a cursor (the
 * sort key of the last entry seen), so that a page stays put while entries are added before it.
 */
@ApplicationScoped
public class SpeakerTimeline {

    /** date|rank|tie-break, base64url-encoded: rank 0 for events, 1 for statements. */
    private static final Pattern SORT_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\|[01]\\|.+");

    @Inject
    SpeakerService speakers;
    @Inject
    StatementService statements;
    @Inject
    EventService events;
    @Inject
    IdSets sets;

    private record Entry(String sortKey, TimelineEntryView view) {
    }

    /** One speaker's timeline page; 404 for an unknown speaker. */
    public TimelineView timeline(String speakerId, LocalDate from, LocalDate to, String after, int limit) {
        if (after != null && !after.isBlank()) {
            sortKey(after);
        }
        speakers.get(speakerId);
        return timelines(List.of(speakerId), from, to, after, limit).get(speakerId);
    }

    /**
     * The same page of each speaker's timeline, by speaker id (an empty one for an unknown id).
     *
     * @param after a cursor of an entry (of any speaker's timeline): the page starts after its position; null: at the start
     */
    public Map<String, TimelineView> timelines(Collection<String> speakerIds, LocalDate from, LocalDate to, String after,
                                               int limit) {
        String afterKey = after == null || after.isBlank() ? null : sortKey(after);
        Map<String, List<StatementView>> statementsOf = statements.ofSpeakers(speakerIds);
        Map<String, Set<String>> eventIdsOf = sets.membersOf(IdSets.PARTICIPANT_EVENTS, speakerIds);
        Set<String> allEventIds = new TreeSet<>();
        eventIdsOf.values().forEach(allEventIds::addAll);
        statementsOf.values().forEach(list -> list.stream().map(StatementView::occasionId)
                .filter(id -> id != null).forEach(allEventIds::add));
        Map<String, EventView> eventById = new HashMap<>();
        if (!allEventIds.isEmpty()) {
            events.list(null, null, null, null, null, List.of(), List.of(), List.copyOf(allEventIds), 0, allEventIds.size())
                    .items().forEach(e -> eventById.put(e.id(), e));
        }
        Map<String, TimelineView> result = new LinkedHashMap<>();
        for (String speakerId : speakerIds) {
            List<Entry> entries = new ArrayList<>();
            Set<String> eventIds = new TreeSet<>();
            for (StatementView s : statementsOf.getOrDefault(speakerId, List.of())) {
                EventView occasion = s.occasionId() == null ? null : eventById.get(s.occasionId());
                if (occasion != null) {
                    eventIds.add(occasion.id());
                }
                entries.add(statementEntry(s, occasion));
            }
            for (String id : eventIdsOf.getOrDefault(speakerId, Set.of())) {
                EventView e = eventById.get(id);
                // the set may still list an event the speaker no longer takes part in
                if (e != null && e.participantIds().contains(speakerId)) {
                    eventIds.add(id);
                }
            }
            eventIds.forEach(id -> entries.add(eventEntry(eventById.get(id))));
            result.put(speakerId, page(speakerId, entries, from, to, afterKey, limit));
        }
        return result;
    }

    private static TimelineView page(String speakerId, List<Entry> entries, LocalDate from, LocalDate to, String afterKey,
                                     int limit) {
        List<Entry> inRange = entries.stream().filter(e -> overlaps(e.view(), from, to))
                .sorted(Comparator.comparing(Entry::sortKey)).toList();
        List<Entry> rest = afterKey == null ? inRange : inRange.stream().filter(e -> e.sortKey().compareTo(afterKey) > 0).toList();
        List<TimelineEntryView> items = rest.stream().limit(limit).map(Entry::view).toList();
        return new TimelineView(speakerId, items, limit, inRange.size(), rest.size() > items.size(),
                items.isEmpty() ? null : items.get(items.size() - 1).cursor());
    }

    private static boolean overlaps(TimelineEntryView e, LocalDate from, LocalDate to) {
        LocalDate end = e.endDate() == null ? e.date() : e.endDate();
        return (from == null || !end.isBefore(from)) && (to == null || !e.date().isAfter(to));
    }

    private static Entry statementEntry(StatementView s, EventView occasion) {
        boolean dated = occasion != null && occasion.date() != null && !occasion.dateApproximate();
        LocalDate date = dated ? occasion.date() : Dates.utcDate(s.publishedAt());
        if (date == null) {
            date = LocalDate.EPOCH;
        }
        long published = s.publishedAt() == null ? 0 : s.publishedAt().toEpochMilli();
        String key = date + "|1|" + String.format("%015d|%s|%06d", published, s.articleId(), s.index());
        return new Entry(key, new TimelineEntryView(TimelineEntryView.STATEMENT, cursor(key), date, null, "DAY", !dated, s, null));
    }

    private static Entry eventEntry(EventView e) {
        String key = e.date() + "|0|" + e.id();
        String granularity = e.granularity() != null ? e.granularity() : e.dateApproximate() ? null : "DAY";
        return new Entry(key, new TimelineEntryView(TimelineEntryView.EVENT, cursor(key), e.date(), e.endDate(), granularity,
                e.dateApproximate(), null, e));
    }

    static String cursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key a cursor stands for; 400 for anything that is not one of ours. */
    static String sortKey(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (SORT_KEY.matcher(key).matches()) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // not base64: the same answer as a wrong key below
        }
        throw Params.invalid("after", "not a timeline cursor: '" + cursor + "'");
    }
}
