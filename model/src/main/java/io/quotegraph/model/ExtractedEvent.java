package io.quotegraph.model;

import java.util.List;

/**
 * An event an article reports (an offensive, a ceasefire, a meeting, a visit), merged over every mention of it in the
 * article. All spans are offsets into the article's stored text.
 *
 * @param type         event type, e.g. MILITARY_OPERATION, MEETING, MONITORING_MISSION
 * @param status       whether it happened, is planned or is proposed; null when the text does not tell
 * @param date         when, normalised against the publication date (or the date of the statement naming it); null if unknown
 * @param participants who takes part: people, countries, organisations
 * @param location     where, if the text says; null otherwise
 * @param evidence     the text of each mention of the event, in text order; never empty
 */
public record ExtractedEvent(
        String type,
        EventStatus status,
        TimeValue date,
        List<EntityMention> participants,
        EntityMention location,
        List<Span> evidence) {

    public ExtractedEvent {
        participants = participants == null ? List.of() : List.copyOf(participants);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
