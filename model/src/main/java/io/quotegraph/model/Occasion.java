package io.quotegraph.model;

import java.time.LocalDate;

/**
 * The event a statement was made at, where the text gives one ("told a press briefing on Monday").
 *
 * @param type     event type, e.g. PRESS_BRIEFING, INTERVIEW, STATEMENT
 * @param date     the date normalised against the article's publication time, or null when unknown
 * @param evidence the text that names the occasion or its date
 */
public record Occasion(String type, LocalDate date, Span evidence) {
}
