package io.quotegraph.statements;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Builds ArticleExtraction payloads (as JSON maps) over an article text, with spans computed from the text. */
final class Articles {

    final String articleId;
    final StringBuilder text = new StringBuilder();
    String publishedAt = "2024-03-05T10:00:00Z";
    String source = "test";
    String extractorVersion = "test-1";
    final List<Map<String, Object>> statements = new ArrayList<>();
    final List<Map<String, Object>> speakers = new ArrayList<>();
    final List<Map<String, Object>> events = new ArrayList<>();
    final List<Map<String, Object>> entities = new ArrayList<>();

    Articles(String articleId) {
        this.articleId = articleId;
    }

    static Articles article(String prefix) {
        return new Articles(prefix + "-" + unique());
    }

    /** A random lower-case word, to keep test data of different tests apart in the shared database. */
    static String unique() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** A capitalised random name such as "Kqzvlmna". */
    static String name() {
        String u = unique();
        return Character.toUpperCase(u.charAt(0)) + u.substring(1);
    }

    Articles publishedAt(String instant) {
        this.publishedAt = instant;
        return this;
    }

    Articles speaker(String key, String name, String type, List<String> aliases, String title, String organization) {
        Map<String, Object> speaker = new LinkedHashMap<>();
        speaker.put("key", key);
        speaker.put("name", name);
        speaker.put("type", type);
        speaker.put("aliases", aliases);
        List<Map<String, Object>> roles = new ArrayList<>();
        if (title != null || organization != null) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("title", title);
            role.put("organization", organization);
            roles.add(role);
        }
        speaker.put("roles", roles);
        speakers.add(speaker);
        return this;
    }

    Articles statement(String kind, String content, String mention, String cue, String speakerKey) {
        return statement(kind, content, mention, cue, speakerKey, null, null);
    }

    /** Appends "“content,” mention cue." to the text, and a statement over it. */
    Articles statement(String kind, String content, String mention, String cue, String speakerKey,
                       String occasionType, String occasionDate) {
        text.append('“');
        Map<String, Object> contentSpan = append(content);
        text.append(",” ");
        Map<String, Object> mentionSpan = mention == null ? null : append(mention);
        text.append(' ');
        Map<String, Object> cueSpan = cue == null ? null : append(cue);
        Map<String, Object> evidence = null;
        if (occasionType != null) {
            text.append(' ');
            evidence = append("at a briefing");
        }
        text.append(". ");
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("kind", kind);
        statement.put("content", contentSpan);
        statement.put("cue", cueSpan);
        statement.put("speakerMention", mentionSpan);
        statement.put("speakerKey", speakerKey);
        statement.put("confidence", 0.9);
        if (occasionType != null) {
            Map<String, Object> occasion = new LinkedHashMap<>();
            occasion.put("type", occasionType);
            occasion.put("date", occasionDate);
            occasion.put("evidence", evidence);
            statement.put("occasion", occasion);
        }
        statements.add(statement);
        return this;
    }

    /** Says the last statement names an entity; its span is the name's first occurrence in that statement's content. */
    @SuppressWarnings("unchecked")
    Articles about(String name, String type, String speakerKey) {
        Map<String, Object> statement = statements.get(statements.size() - 1);
        Map<String, Object> content = (Map<String, Object>) statement.get("content");
        int at = ((String) content.get("text")).indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("'" + name + "' is not in the content");
        }
        int start = (Integer) content.get("start") + at;
        Map<String, Object> mention = new LinkedHashMap<>();
        mention.put("span", span(start, start + name.length(), name));
        mention.put("name", name);
        mention.put("type", type);
        mention.put("speakerKey", speakerKey);
        ((List<Map<String, Object>>) statement.computeIfAbsent("about", k -> new ArrayList<>())).add(mention);
        return this;
    }

    /**
     * Appends "evidence." to the text and reports an event over it; the last statement talks about it when
     * {@code aboutLastStatement}. Participants are country names; date is a TimeValue ("2023-10-05",
     * "2023-10-02/2023-10-08 WEEK", "~2023-09-20 DAY") or null.
     */
    @SuppressWarnings("unchecked")
    Articles event(String type, String status, String date, List<String> participants, String location, String evidence,
                   boolean aboutLastStatement) {
        text.append(' ');
        Map<String, Object> evidenceSpan = append(evidence);
        text.append(". ");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("status", status);
        if (date != null) {
            io.quotegraph.model.TimeValue v = io.quotegraph.model.TimeValue.parse(date);
            event.put("date", Map.of("kind", v.kind().name(), "start", v.start().toString(), "end", v.end().toString(),
                    "granularity", v.granularity().name()));
        }
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String p : participants) {
            parties.add(entity(p, "COUNTRY"));
        }
        event.put("participants", parties);
        event.put("location", location == null ? null : entity(location, "LOCATION"));
        event.put("evidence", List.of(evidenceSpan));
        if (aboutLastStatement) {
            ((List<Object>) statements.get(statements.size() - 1).computeIfAbsent("aboutEvents", k -> new ArrayList<>()))
                    .add(events.size());
        }
        events.add(event);
        return this;
    }

    /** Adds a participant to the last event: a name at the end of the text, one of the article's speakers if keyed. */
    @SuppressWarnings("unchecked")
    Articles participant(String name, String type, String speakerKey) {
        Map<String, Object> mention = entity(name, type);
        mention.put("speakerKey", speakerKey);
        text.append(". ");
        ((List<Map<String, Object>>) events.get(events.size() - 1).get("participants")).add(mention);
        return this;
    }

    /** An entity named once more at the end of the text. */
    private Map<String, Object> entity(String name, String type) {
        text.append(' ');
        Map<String, Object> mention = new LinkedHashMap<>();
        mention.put("span", append(name));
        mention.put("name", name);
        mention.put("type", type);
        return mention;
    }

    /** Appends "surface." to the text and reports it as an entity the article names (outside any statement). */
    Articles names(String surface, String name, String type, String role) {
        text.append(' ');
        Map<String, Object> mention = new LinkedHashMap<>();
        mention.put("span", append(surface));
        mention.put("name", name);
        mention.put("type", type);
        mention.put("role", role);
        text.append(". ");
        entities.add(mention);
        return this;
    }

    Articles extractorVersion(String version) {
        this.extractorVersion = version;
        return this;
    }

    private Map<String, Object> append(String fragment) {
        int start = text.length();
        text.append(fragment);
        return span(start, text.length(), fragment);
    }

    static Map<String, Object> span(int start, int end, String text) {
        Map<String, Object> span = new LinkedHashMap<>();
        span.put("start", start);
        span.put("end", end);
        span.put("text", text);
        return span;
    }

    Map<String, Object> payload() {
        Map<String, Object> extraction = new LinkedHashMap<>();
        extraction.put("extractorVersion", extractorVersion);
        extraction.put("statements", statements);
        extraction.put("speakers", speakers);
        extraction.put("events", events);
        extraction.put("entities", entities);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("articleId", articleId);
        payload.put("url", "https://example.test/" + articleId);
        payload.put("source", source);
        payload.put("title", "Article " + articleId);
        payload.put("publishedAt", publishedAt);
        payload.put("language", "en");
        payload.put("extraction", extraction);
        return payload;
    }

    ValidatableResponse deliver() {
        return deliver(articleId, payload());
    }

    static ValidatableResponse deliver(String articleId, Object payload) {
        return given().contentType(ContentType.JSON).body(payload)
                .when().put("/articles/{id}/extraction", articleId)
                .then();
    }
}
