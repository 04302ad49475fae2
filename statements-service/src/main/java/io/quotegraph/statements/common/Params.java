package io.quotegraph.statements.common;

import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/** Parsing and checking of query parameters; every bad value is a 400 problem naming the parameter. */
public final class Params {

    public static final int MAX_VALUES = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 20;

    private Params() {
    }

    /** The distinct non-blank values of a repeatable parameter, at most {@value #MAX_VALUES}. */
    public static List<String> values(String name, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            if (value != null && !value.isBlank()) {
                values.add(value.trim());
            }
        }
        if (values.size() > MAX_VALUES) {
            throw invalid(name, "at most " + MAX_VALUES + " values are allowed, got " + values.size());
        }
        return List.copyOf(values);
    }

    public static int offset(String raw) {
        int offset = integer("offset", raw, 0);
        if (offset < 0) {
            throw invalid("offset", "must be 0 or more, got " + offset);
        }
        return offset;
    }

    public static int limit(String raw) {
        int limit = integer("limit", raw, DEFAULT_LIMIT);
        if (limit < 0 || limit > MAX_LIMIT) {
            throw invalid("limit", "must be between 0 and " + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /** An integer parameter (400 when not one), or the default when absent. */
    public static int integer(String name, String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "not an integer: '" + raw + "'");
        }
    }

    /** An ISO instant ("2023-09-25T10:00:00Z"); a bare ISO date means its first (start) or last (end) millisecond in UTC. */
    public static Instant instant(String name, String raw, boolean start) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
                return start ? dayStart : dayStart.plusSeconds(86_400).minusMillis(1);
            } catch (DateTimeParseException notDate) {
                throw invalid(name, "not an ISO-8601 instant such as 2023-09-25T10:00:00Z: '" + raw + "'");
            }
        }
    }

    /** An ISO date ("2023-09-25"); an ISO instant means its UTC date. */
    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notDate) {
            try {
                return Instant.parse(value).atZone(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException notInstant) {
                throw invalid(name, "not an ISO-8601 date such as 2023-09-25: '" + raw + "'");
            }
        }
    }

    public static void range(String fromName, Comparable<?> from, String toName, Comparable<?> to) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean reversed = from != null && to != null && ((Comparable) from).compareTo(to) > 0;
        if (reversed) {
            throw invalid(fromName, "'" + fromName + "' must not be after '" + toName + "'");
        }
    }

    public static ProblemException invalid(String name, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, "query parameter '" + name + "': " + message);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no " + what + " with id '" + id + "'");
    }
}
