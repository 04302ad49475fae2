package io.quotegraph.model.view;

import java.time.LocalDate;

/** A role of a speaker with the first and last publication dates it was seen at. */
public record RoleView(String title, String organization, LocalDate firstSeen, LocalDate lastSeen) {
}
