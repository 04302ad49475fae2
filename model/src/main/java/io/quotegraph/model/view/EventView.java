package io.quotegraph.model.view;

import java.time.LocalDate;
import java.util.List;

/**
 * An event statements were made at or talk about.
 *
 * @param participantIds speaker ids of the participants
 * @param articleIds     the articles that mention the event
 * @param status         HAPPENED, PLANNED or PROPOSED
 */
public record EventView(
        String id,
        String type,
        String title,
        LocalDate date,
        LocalDate endDate,
        boolean dateApproximate,
        String status,
        List<String> participantIds,
        List<String> articleIds) {

    public EventView {
        participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }
}
