package io.quotegraph.model.view;

import io.quotegraph.model.Span;

import java.time.LocalDate;
import java.util.List;

/**
 * An event statements were made at (a statement's occasion) or that articles report and statements talk about.
 *
 * @param date             the first day it may have taken place; for an undated reported event the first publication
 * @param endDate          the last day, when it is a range (a week, a year); else null
 * @param dateApproximate  whether the dates are approximate (or, for an undated event, only the publication's)
 * @param granularity      the precision of the date (DAY, WEEK, MONTH, YEAR); null when unknown
 * @param status           HAPPENED, PLANNED or PROPOSED; null when the text does not tell
 * @param participantIds   canonical ids (speakers and entities) of the participants
 * @param participantNames the participants as the articles name them, including those not resolved to an id
 * @param locationId       canonical id of the place, if resolved
 * @param locationName     the place as the articles name it
 * @param articleIds       the articles that mention the event
 * @param statementIds     the statements that talk about it (not those made at it: see occasionId)
 * @param evidence         the text that reports it, per article
 */
public record EventView(
        String id,
        String type,
        String title,
        LocalDate date,
        LocalDate endDate,
        boolean dateApproximate,
        String granularity,
        String status,
        List<String> participantIds,
        List<String> participantNames,
        String locationId,
        String locationName,
        List<String> articleIds,
        List<String> statementIds,
        List<Evidence> evidence) {

    /** A piece of text that reports the event. */
    public record Evidence(String articleId, Span span) {
    }

    public EventView {
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
        participantNames = participantNames == null ? List.of() : List.copyOf(participantNames);
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
        statementIds = statementIds == null ? List.of() : List.copyOf(statementIds);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A statement's occasion: no place, names or evidence of its own. */
    public EventView(String id, String type, String title, LocalDate date, LocalDate endDate, boolean dateApproximate,
                     String status, List<String> participantIds, List<String> articleIds) {
        this(id, type, title, date, endDate, dateApproximate, null, status, participantIds, List.of(), null, null,
                articleIds, List.of(), List.of());
    }
}
