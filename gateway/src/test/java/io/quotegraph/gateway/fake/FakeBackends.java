package io.quotegraph.gateway.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.QuotationView;
import io.quotegraph.model.view.SimilarStatementView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.model.view.TimelineEntryView;
import io.quotegraph.model.view.TimelineView;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * ingest-service and statements-service, faked in-process on one JDK HttpServer serving {@link FakeData}.
 * Counts requests per "METHOD /path" (GET /__stats, POST /__reset) and keeps the last POST /articles body (GET /__last-post).
 * Serves statements-service's event stream (GET /statements/stream): POST /__publish with a StatementView body sends it to
 * every open stream and answers how many there are. Both rest-client URLs point at it.
 * Access as the real services check it when a request carries a token (none: the embedded test defaults, auth off):
 * the token must verify with the dev public key (else 401) and hold ingestor for POST /articles*, curator for
 * POST /curation/* (else 403). GET /__authorizations answers the last Authorization header per "METHOD /path".
 * With the init argument {@value #PROTECT_READS}=true (as quotegraph.auth.protect-reads=true) a request without a token
 * is a 401 too, the event stream included. GET /__stream-connections answers every event stream request (its
 * Authorization header and the status it got), POST /__close-streams ends the open streams (the gateway reconnects).
 * A backend change or a slow backend, for the response cache's tests: POST /__retitle?id=…&title=… serves the article
 * under another title (without title: its own again), POST /__hold holds every later answer (after it is read) until
 * POST /__release (at most 15 s). POST /__reset ends both, and zeroes the counts. GET /articles honours withText=false (text null);
 * GET /__last-queries answers the last query string per "METHOD /path".
 */
public class FakeBackends implements QuarkusTestResourceLifecycleManager {

    /** Init argument: reads need a valid token. */
    public static final String PROTECT_READS = "protect-reads";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<HttpExchange> streams = new CopyOnWriteArrayList<>();
    private volatile String lastPost = "{}";
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final Map<String, String> retitled = new ConcurrentHashMap<>();
    private final Map<String, String> lastQueries = new ConcurrentHashMap<>();
    /** While not null, answers of counted requests wait for it before they are sent. */
    private static volatile CountDownLatch hold;
    private final List<Map<String, Object>> streamConnections = new CopyOnWriteArrayList<>();
    private boolean protectReads;
    private HttpServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        protectReads = Boolean.parseBoolean(initArgs.get(PROTECT_READS));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.ingest-service.url", url,
                "quarkus.rest-client.statements-service.url", url);
    }

    @Override
    public void stop() {
        streams.forEach(HttpExchange::close);
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        if (ex.getRequestURI().getRawPath().equals("/statements/stream")) {
            openStream(ex);
            return;
        }
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            Map<String, List<String>> q = query(ex.getRequestURI().getRawQuery());
            if (path.equals("/__stats")) {
                Map<String, Integer> snapshot = new TreeMap<>();
                counts.forEach((k, v) -> snapshot.put(k, v.get()));
                send(ex, 200, snapshot);
                return;
            }
            if (path.equals("/__reset")) {
                counts.clear();
                retitled.clear();
                release();
                send(ex, 200, Map.of());
                return;
            }
            if (path.equals("/__last-queries")) {
                send(ex, 200, new TreeMap<>(lastQueries));
                return;
            }
            if (path.equals("/__retitle")) {
                String title = first(q, "title");
                if (title == null) {
                    retitled.remove(first(q, "id"));
                } else {
                    retitled.put(first(q, "id"), title);
                }
                send(ex, 200, Map.of());
                return;
            }
            if (path.equals("/__hold")) {
                hold = new CountDownLatch(1);
                send(ex, 200, Map.of());
                return;
            }
            if (path.equals("/__release")) {
                release();
                send(ex, 200, Map.of());
                return;
            }
            if (path.equals("/__publish")) {
                publish(ex);
                return;
            }
            if (path.equals("/__last-post")) {
                sendRaw(ex, 200, "application/json", lastPost);
                return;
            }
            if (path.equals("/__authorizations")) {
                send(ex, 200, new TreeMap<>(authorizations));
                return;
            }
            if (path.equals("/__stream-connections")) {
                send(ex, 200, streamConnections);
                return;
            }
            if (path.equals("/__close-streams")) {
                List<HttpExchange> open = List.copyOf(streams);
                streams.removeAll(open);
                open.forEach(HttpExchange::close);
                send(ex, 200, Map.of("closed", open.size()));
                return;
            }
            counts.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
            String rawQuery = ex.getRequestURI().getRawQuery();
            lastQueries.put(method + " " + path, rawQuery == null ? "" : rawQuery);
            String authorization = ex.getRequestHeaders().getFirst("Authorization");
            if (authorization == null && protectReads) {
                unauthorized(ex);
                return;
            }
            if (authorization != null) {
                authorizations.put(method + " " + path, authorization);
                if (!allowed(ex, method, path, authorization)) {
                    return;
                }
            }
            String[] parts = path.substring(1).split("/");
            String collection = parts[0];
            String id = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            if (method.equals("POST") && path.equals("/articles/batch")) {
                postBatch(ex);
                return;
            }
            if (method.equals("POST") && path.equals("/articles")) {
                postArticle(ex);
                return;
            }
            if (method.equals("POST") && collection.equals("curation") && id != null) {
                curation(ex, id);
                return;
            }
            if (method.equals("GET") && path.equals("/statements/per-parent")) {
                statementsPerParent(ex, q);
                return;
            }
            if (method.equals("GET") && path.equals("/speakers/timelines")) {
                timelines(ex, q);
                return;
            }
            if (!method.equals("GET")) {
                problem(ex, 405, "Method Not Allowed", method + " not supported");
                return;
            }
            switch (collection) {
                case "articles" -> {
                    if (id != null) {
                        one(ex, FakeData.ARTICLES.stream().filter(a -> a.id().equals(id)), "article " + id);
                    } else {
                        articles(ex, q);
                    }
                }
                case "statements" -> {
                    if (id != null) {
                        one(ex, FakeData.STATEMENTS.stream().filter(s -> s.id().equals(id)), "statement " + id);
                    } else {
                        statements(ex, q);
                    }
                }
                case "speakers" -> {
                    if (id != null && parts.length > 2) {
                        speakerLinks(ex, id, parts[2]);
                    } else if (id != null) {
                        one(ex, FakeData.SPEAKERS.stream().filter(s -> s.id().equals(id)), "speaker " + id);
                    } else {
                        speakers(ex, q);
                    }
                }
                case "entities" -> {
                    if (id != null) {
                        one(ex, FakeData.entities().stream().filter(e -> e.id().equals(id)), "entity " + id);
                    } else {
                        entities(ex, q);
                    }
                }
                case "events" -> {
                    if (id != null) {
                        one(ex, FakeData.EVENTS.stream().filter(e -> e.id().equals(id)), "event " + id);
                    } else {
                        events(ex, q);
                    }
                }
                case "quotations" -> {
                    if (id != null) {
                        one(ex, FakeData.QUOTATIONS.stream().filter(qu -> qu.id().equals(id)), "quotation " + id);
                    } else {
                        quotations(ex, q);
                    }
                }
                case "similar-statements" -> send(ex, 200, FakeData.SIMILAR.stream()
                        .filter(anyOf(q, "statementId", SimilarStatementView::statementId)).toList());
                default -> problem(ex, 404, "Not Found", "no resource " + path);
            }
        } catch (RuntimeException e) {
            problem(ex, 500, "Internal Server Error", String.valueOf(e));
        }
    }

    /** Holds the exchange open as an event stream (closed when the gateway disconnects or the server stops). */
    private void openStream(HttpExchange ex) throws IOException {
        counts.computeIfAbsent("GET /statements/stream", k -> new AtomicInteger()).incrementAndGet();
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("authorization", authorization);
        if (authorization == null ? protectReads : !allowed(ex, "GET", "/statements/stream", authorization)) {
            if (authorization == null) {
                unauthorized(ex);
            }
            connection.put("status", 401);
            streamConnections.add(connection);
            ex.close();
            return;
        }
        connection.put("status", 200);
        streamConnections.add(connection);
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        ex.getResponseBody().write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        ex.getResponseBody().flush();
        streams.add(ex);
    }

    private void publish(HttpExchange ex) throws IOException {
        StatementView statement;
        try (InputStream in = ex.getRequestBody()) {
            statement = JSON.readValue(in, StatementView.class);
        }
        byte[] event = ("event: statement\ndata: " + JSON.writeValueAsString(statement) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        int delivered = 0;
        for (HttpExchange stream : streams) {
            try {
                stream.getResponseBody().write(event);
                stream.getResponseBody().flush();
                delivered++;
            } catch (IOException gone) {
                streams.remove(stream);
                stream.close();
            }
        }
        send(ex, 200, Map.of("streams", delivered));
    }

    private void articles(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        boolean withText = !"false".equals(first(q, "withText"));
        Stream<ArticleView> s = FakeData.ARTICLES.stream().map(this::retitle).map(a -> withText ? a : withoutText(a));
        List<String> ids = q.getOrDefault("id", List.of());
        if (!ids.isEmpty()) {
            s = s.filter(a -> ids.contains(a.id()));
        }
        String source = first(q, "source");
        if (source != null) {
            s = s.filter(a -> source.equals(a.source()));
        }
        Instant from = instant(first(q, "from"));
        Instant to = instant(first(q, "to"));
        s = s.filter(a -> (from == null || !a.publishedAt().isBefore(from)) && (to == null || a.publishedAt().isBefore(to)));
        page(ex, q, s.sorted(Comparator.comparing(ArticleView::publishedAt).reversed()).toList(), 100);
    }

    private void statements(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        Stream<StatementView> s = FakeData.STATEMENTS.stream();
        s = s.filter(anyOf(q, "speakerId", StatementView::speakerId));
        s = s.filter(anyOf(q, "articleId", StatementView::articleId));
        s = s.filter(anyOf(q, "occasionId", StatementView::occasionId));
        s = s.filter(anyOf(q, "id", StatementView::id));
        List<String> entityIds = q.getOrDefault("entityId", List.of());
        if (!entityIds.isEmpty()) {
            s = s.filter(st -> st.aboutIds().stream().anyMatch(entityIds::contains));
        }
        String text = first(q, "text");
        if (text != null) {
            s = s.filter(st -> Stream.of(text.toLowerCase(Locale.ROOT).split("\\s+"))
                    .allMatch(w -> st.content().text().toLowerCase(Locale.ROOT).contains(w)));
        }
        String kind = first(q, "kind");
        if (kind != null) {
            s = s.filter(st -> st.kind().name().equals(kind));
        }
        Instant from = instant(first(q, "from"));
        Instant to = instant(first(q, "to"));
        s = s.filter(st -> (from == null || !st.publishedAt().isBefore(from)) && (to == null || st.publishedAt().isBefore(to)));
        s = s.filter(anyOf(q, "source", StatementView::source));
        Comparator<StatementView> byTime = Comparator.comparing(StatementView::publishedAt);
        page(ex, q, s.sorted(("OLDEST".equals(first(q, "order")) ? byTime : byTime.reversed())
                .thenComparing(StatementView::articleId).thenComparingInt(StatementView::index)).toList(), 1000);
    }

    /** statements-service's per-parent first pages, over the fake data: each parent's first N in list order, and its total. */
    private void statementsPerParent(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        List<String> articleIds = q.getOrDefault("articleId", List.of());
        List<String> speakerIds = q.getOrDefault("speakerId", List.of());
        String first = first(q, "first");
        if (articleIds.isEmpty() == speakerIds.isEmpty() || first == null) {
            problem(ex, 400, "Bad Request", "give exactly one of 'articleId' and 'speakerId', and 'first'");
            return;
        }
        int n = Integer.parseInt(first);
        boolean byArticle = !articleIds.isEmpty();
        Comparator<StatementView> order = Comparator.comparing(StatementView::publishedAt).reversed()
                .thenComparing(StatementView::articleId).thenComparingInt(StatementView::index);
        List<ParentStatementsView> result = new ArrayList<>();
        for (String id : byArticle ? articleIds : speakerIds) {
            List<StatementView> own = FakeData.STATEMENTS.stream()
                    .filter(st -> id.equals(byArticle ? st.articleId() : st.speakerId())).sorted(order).toList();
            result.add(new ParentStatementsView(id, own.size(), own.subList(0, Math.min(n, own.size()))));
        }
        send(ex, 200, result);
    }

    private void quotations(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        List<String> statementIds = q.getOrDefault("statementId", List.of());
        String speakerId = first(q, "speakerId");
        if (statementIds.isEmpty() == (speakerId == null)) {
            problem(ex, 400, "Bad Request", "give either 'speakerId' or 'statementId'");
            return;
        }
        Stream<QuotationView> s = FakeData.QUOTATIONS.stream().filter(qu -> speakerId == null
                ? qu.occurrences().stream().anyMatch(o -> statementIds.contains(o.statementId()))
                : qu.speakerId().equals(speakerId));
        Comparator<QuotationView> order = "firstSeen".equals(first(q, "sort"))
                ? Comparator.comparing(QuotationView::firstSeen).reversed()
                : Comparator.comparingLong(QuotationView::articleCount).reversed().thenComparing(QuotationView::firstSeen);
        page(ex, q, s.sorted(order.thenComparing(QuotationView::id)).toList(), 1000);
    }

    /** GET /speakers/{id}/links and /speakers/{id}/aliases: the fake speaker s1's links; 404 for other speakers. */
    private void speakerLinks(HttpExchange ex, String id, String what) throws IOException {
        if (!id.equals("s1") || !(what.equals("links") || what.equals("aliases"))) {
            problem(ex, 404, "Not Found", "no speaker " + id);
            return;
        }
        send(ex, 200, what.equals("links") ? FakeData.S1_LINKS : FakeData.S1_ALIASES);
    }

    private void speakers(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        Stream<SpeakerView> s = FakeData.SPEAKERS.stream().filter(anyOf(q, "id", SpeakerView::id));
        String search = first(q, "search");
        if (search != null) {
            String needle = search.toLowerCase(Locale.ROOT);
            s = s.filter(sp -> Stream.concat(Stream.of(sp.name()), sp.aliases().stream())
                    .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(needle)));
        }
        String role = first(q, "role");
        if (role != null) {
            String needle = role.toLowerCase(Locale.ROOT);
            s = s.filter(sp -> sp.roles().stream().anyMatch(r -> r.title().toLowerCase(Locale.ROOT).contains(needle)));
        }
        page(ex, q, s.sorted(Comparator.comparingLong(SpeakerView::statementCount).reversed()
                .thenComparing(SpeakerView::name)).toList(), 100);
    }

    private void entities(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        Stream<SpeakerView> s = FakeData.entities().stream().filter(anyOf(q, "id", SpeakerView::id));
        String search = first(q, "search");
        if (search != null) {
            String needle = search.toLowerCase(Locale.ROOT);
            s = s.filter(e -> Stream.concat(Stream.of(e.name()), e.aliases().stream())
                    .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(needle)));
        }
        String type = first(q, "type");
        if (type != null) {
            s = s.filter(e -> e.type().name().equals(type) || (type.equals("LOCATION") && e.type().name().equals("COUNTRY")));
        }
        page(ex, q, s.sorted(Comparator.comparingLong(SpeakerView::statementCount).reversed()
                .thenComparing(SpeakerView::name)).toList(), 100);
    }

    /** POST /curation/{action}: echoes the change on the fake speakers (nothing is stored); remembers body and actor. */
    @SuppressWarnings("unchecked")
    private void curation(HttpExchange ex, String action) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> json = JSON.readValue(body, Map.class);
        json.put("_action", action);
        json.put("_actor", ex.getRequestHeaders().getFirst("X-Quotegraph-Actor"));
        lastPost = JSON.writeValueAsString(json);
        if (json.get("_actor") == null) {
            problem(ex, 400, "Bad Request", "the curator is required");
            return;
        }
        String id = (String) (json.containsKey("targetId") ? json.get("targetId") : json.get("speakerId"));
        SpeakerView speaker = FakeData.SPEAKERS.stream().filter(sp -> sp.id().equals(id)).findFirst().orElse(null);
        if (speaker == null) {
            problem(ex, 404, "Not Found", "no speaker with id '" + id + "'");
            return;
        }
        List<String> aliases = new ArrayList<>(speaker.aliases());
        String name = speaker.name();
        switch (action) {
            case "add-alias" -> aliases.add((String) json.get("alias"));
            case "remove-alias" -> aliases.remove((String) json.get("alias"));
            case "rename" -> name = (String) json.get("name");
            default -> {
            }
        }
        SpeakerView after = new SpeakerView(speaker.id(), name, speaker.type(), aliases, speaker.roles(),
                speaker.statementCount(), speaker.affiliations());
        if (action.equals("split")) {
            send(ex, 200, List.of(after, new SpeakerView("s-new", (String) json.getOrDefault("name", name), speaker.type(),
                    List.of(), List.of(), 1)));
        } else {
            send(ex, 200, after);
        }
    }

    private void events(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        Stream<EventView> s = FakeData.EVENTS.stream().filter(anyOf(q, "id", EventView::id));
        List<String> articleIds = q.getOrDefault("articleId", List.of());
        if (!articleIds.isEmpty()) {
            s = s.filter(e -> e.articleIds().stream().anyMatch(articleIds::contains));
        }
        String participant = first(q, "participantId");
        if (participant != null) {
            s = s.filter(e -> e.participantIds().contains(participant));
        }
        String type = first(q, "type");
        if (type != null) {
            s = s.filter(e -> e.type().equals(type));
        }
        String status = first(q, "status");
        if (status != null) {
            s = s.filter(e -> status.equalsIgnoreCase(e.status()));
        }
        String location = first(q, "location");
        if (location != null) {
            s = s.filter(e -> location.equals(e.locationId()) || location.equalsIgnoreCase(e.locationName()));
        }
        LocalDate from = date(first(q, "from"));
        LocalDate to = date(first(q, "to"));
        s = s.filter(e -> (from == null || !e.date().isBefore(from)) && (to == null || !e.date().isAfter(to)));
        page(ex, q, s.sorted(Comparator.comparing(EventView::date).reversed()).toList(), 1000); // statements-service: at most 1000
    }

    /**
     * statements-service's timelines, over the fake data: a speaker's statements (dated by their occasion when its date
     * is exact, else by publication) and the events they take part in or spoke at, oldest first, events first on a day;
     * cursors are the base64url sort keys.
     */
    private void timelines(HttpExchange ex, Map<String, List<String>> q) throws IOException {
        String after = first(q, "after");
        String afterKey = null;
        if (after != null) {
            afterKey = new String(java.util.Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!afterKey.matches("\\d{4}-\\d{2}-\\d{2}\\|[01]\\|.+")) {
                problem(ex, 400, "Bad Request", "query parameter 'after': not a timeline cursor");
                return;
            }
        }
        LocalDate from = date(first(q, "from"));
        LocalDate to = date(first(q, "to"));
        int limit = Integer.parseInt(q.getOrDefault("limit", List.of("20")).get(0));
        List<TimelineView> result = new ArrayList<>();
        for (String speakerId : q.getOrDefault("speakerId", List.of())) {
            TreeMap<String, TimelineEntryView> entries = new TreeMap<>();
            java.util.Set<String> eventIds = new java.util.TreeSet<>();
            FakeData.EVENTS.stream().filter(e -> e.participantIds().contains(speakerId)).forEach(e -> eventIds.add(e.id()));
            for (StatementView st : FakeData.STATEMENTS) {
                if (!speakerId.equals(st.speakerId())) {
                    continue;
                }
                EventView occasion = FakeData.EVENTS.stream().filter(e -> e.id().equals(st.occasionId())).findFirst().orElse(null);
                if (occasion != null) {
                    eventIds.add(occasion.id());
                }
                boolean dated = occasion != null && !occasion.dateApproximate();
                LocalDate day = dated ? occasion.date() : st.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                String key = day + "|1|" + String.format("%015d|%s|%06d", st.publishedAt().toEpochMilli(), st.articleId(), st.index());
                entries.put(key, new TimelineEntryView("STATEMENT", cursor(key), day, null, "DAY", !dated, st, null));
            }
            for (String id : eventIds) {
                EventView e = FakeData.EVENTS.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                String key = e.date() + "|0|" + e.id();
                entries.put(key, new TimelineEntryView("EVENT", cursor(key), e.date(), e.endDate(),
                        e.granularity() != null ? e.granularity() : e.dateApproximate() ? null : "DAY", e.dateApproximate(), null, e));
            }
            entries.values().removeIf(e -> from != null && (e.endDate() == null ? e.date() : e.endDate()).isBefore(from)
                    || to != null && e.date().isAfter(to));
            long total = entries.size();
            List<TimelineEntryView> rest = new ArrayList<>((afterKey == null ? entries : entries.tailMap(afterKey, false)).values());
            List<TimelineEntryView> items = rest.subList(0, Math.min(limit, rest.size()));
            result.add(new TimelineView(speakerId, items, limit, total, rest.size() > items.size(),
                    items.isEmpty() ? null : items.get(items.size() - 1).cursor()));
        }
        send(ex, 200, result);
    }

    private static String cursor(String sortKey) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private void postArticle(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        lastPost = body;
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JSON.readValue(body, Map.class);
        if (json.get("publishedAt") == null) {
            problem(ex, 400, "Bad Request", "publishedAt is required");
            return;
        }
        if (json.get("text") == null && json.get("html") == null) {
            problem(ex, 400, "Bad Request", "an article needs text or html");
            return;
        }
        ArticleView created = new ArticleView("new-1", (String) json.get("url"), (String) json.get("source"),
                (String) json.get("title"), (String) json.get("text"), Instant.parse((String) json.get("publishedAt")),
                (String) json.get("language"), "hash-new-1", ArticleStatus.PENDING, null, Instant.now());
        send(ex, 201, created);
    }

    /** POST /articles/batch (NDJSON): rejected without publishedAt, duplicate of a fake article with the same url, else accepted. */
    private void postBatch(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        lastPost = body;
        StringBuilder out = new StringBuilder();
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> article = JSON.readValue(lines[i], Map.class);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", i + 1);
            ArticleView existing = FakeData.ARTICLES.stream().filter(a -> a.url().equals(article.get("url"))).findFirst().orElse(null);
            if (article.get("publishedAt") == null) {
                result.put("status", "rejected");
                result.put("reason", "publishedAt is required");
            } else if (existing != null) {
                result.put("status", "duplicate");
                result.put("id", existing.id());
                result.put("reason", "same url");
            } else {
                result.put("status", "accepted");
                result.put("id", "new-" + (i + 1));
            }
            out.append(JSON.writeValueAsString(result)).append('\n');
        }
        sendRaw(ex, 200, "application/x-ndjson", out.toString());
    }

    private <T> void page(HttpExchange ex, Map<String, List<String>> q, List<T> all, int maxLimit) throws IOException {
        int offset = Integer.parseInt(q.getOrDefault("offset", List.of("0")).get(0));
        int limit = Integer.parseInt(q.getOrDefault("limit", List.of("20")).get(0));
        if (limit < 1 || limit > maxLimit || offset < 0) {
            problem(ex, 400, "Bad Request", "limit must be between 1 and " + maxLimit);
            return;
        }
        int from = Math.min(offset, all.size());
        send(ex, 200, new Page<>(all.subList(from, Math.min(all.size(), from + limit)), offset, limit, all.size()));
    }

    private <T> void one(HttpExchange ex, Stream<T> found, String what) throws IOException {
        var item = found.findFirst();
        if (item.isPresent()) {
            send(ex, 200, item.get());
        } else {
            problem(ex, 404, "Not Found", "no " + what);
        }
    }

    private static <T> Predicate<T> anyOf(Map<String, List<String>> q, String param, java.util.function.Function<T, String> field) {
        List<String> wanted = q.getOrDefault(param, List.of());
        return t -> wanted.isEmpty() || wanted.contains(field.apply(t));
    }

    /** Checks a token as the services do; answers 401/403 problem+json and false when it does not pass. */
    private static boolean allowed(HttpExchange ex, String method, String path, String authorization) throws IOException {
        List<String> groups;
        try {
            groups = new org.jose4j.jwt.consumer.JwtConsumerBuilder()
                    .setVerificationKey(io.quotegraph.security.DevKeys.publicKey())
                    .setExpectedIssuer(io.quotegraph.security.TokenIssuer.DEFAULT_ISSUER).setRequireExpirationTime().build()
                    .processToClaims(authorization.replaceFirst("^Bearer ", "")).getStringListClaimValue("groups");
        } catch (Exception e) {
            problem(ex, 401, "Unauthorized", "the bearer token was rejected: it is malformed, expired, or not signed by a trusted key");
            return false;
        }
        String needed = !method.equals("POST") ? null
                : path.startsWith("/articles") ? io.quotegraph.security.Roles.INGESTOR
                : path.startsWith("/curation") ? io.quotegraph.security.Roles.CURATOR : null;
        if (needed != null && (groups == null || !groups.contains(needed))) {
            problem(ex, 403, "Forbidden", "the token does not grant the role this operation needs");
            return false;
        }
        return true;
    }

    private static void unauthorized(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        problem(ex, 401, "Unauthorized", "this request needs a bearer token");
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        sendRaw(ex, status, "application/problem+json", JSON.writeValueAsString(p));
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        sendRaw(ex, status, "application/json", JSON.writeValueAsString(body));
    }

    private static ArticleView withoutText(ArticleView a) {
        return new ArticleView(a.id(), a.url(), a.source(), a.title(), null, a.publishedAt(), a.language(),
                a.contentHash(), a.status(), a.statusReason(), a.createdAt(), a.languageConfidence(), a.duplicateOf(),
                a.alsoPublishedBy());
    }

    private static void release() {
        CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
        }
    }

    private ArticleView retitle(ArticleView a) {
        String title = retitled.get(a.id());
        return title == null ? a : new ArticleView(a.id(), a.url(), a.source(), title, a.text(), a.publishedAt(),
                a.language(), a.contentHash(), a.status(), a.statusReason(), a.createdAt(), a.languageConfidence(),
                a.duplicateOf(), a.alsoPublishedBy());
    }

    private static void sendRaw(HttpExchange ex, int status, String type, String body) throws IOException {
        CountDownLatch held = hold;
        if (held != null && !ex.getRequestURI().getRawPath().startsWith("/__")) {
            try {
                held.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> values = q.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return q;
    }
}
