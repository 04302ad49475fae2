package io.quotegraph.gateway.client;

import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.model.view.TimelineView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** statements-service as the gateway uses it: failures become {@link io.quotegraph.gateway.graphql.GatewayException}s naming the service. */
@ApplicationScoped
public class StatementsBackend {

    private static final String SERVICE = StatementsClient.SERVICE;
    /**
     * The page size used when the gateway needs every item of a list (events of some articles): statements-service's
     * largest page, since each further page reads the articles' events again.
     */
    static final int ALL_PAGE = 1000;

    @Inject
    Batching batching;

    @Inject
    @RestClient
    StatementsClient client;

    /**
     * Completes when this Authorization (a subscriber's, null for none) may read statements; fails with
     * statements-service's refusal (401/403 as an {@code unauthorized:}/{@code forbidden:} {@link BackendException})
     * when it may not. The statement stream is read with the gateway's own token, so a subscription asks this first
     * with the subscriber's: else protected reads would be open through it. Any other failure (statements-service
     * unavailable) is not the subscriber's: it completes, and the stream reconnects as usual. Non-blocking:
     * subscriptions are resolved on the event loop.
     */
    public Uni<Void> checkReadAccess(String authorization) {
        return client.anyStatement(authorization, 1).replaceWithVoid()
                .onFailure(e -> !(e instanceof BackendException b && (b.status() == 401 || b.status() == 403)))
                .recoverWithNull();
    }

    public Optional<StatementView> statement(String id) {
        return BackendCalls.find(SERVICE, () -> client.statement(id));
    }

    public Page<StatementView> statements(StatementQuery q, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.statements(
                empty(q.speakerIds()), empty(q.articleIds()), empty(q.occasionIds()), empty(q.ids()),
                q.text(), q.kind() == null ? null : q.kind().name(), str(q.from()), str(q.to()), empty(q.entityIds()),
                empty(q.sources()), q.oldestFirst() ? "OLDEST" : null, offset, limit));
    }

    /** The first statements and total of each of these articles (≤ 100, and ≤ 1000 statements in all): one call. */
    public List<ParentStatementsView> firstStatementsOfArticles(List<String> articleIds, int first) {
        return BackendCalls.call(SERVICE, () -> client.statementsPerParent(articleIds, null, first));
    }

    /** The newest statements and total of each of these speakers (≤ 100, and ≤ 1000 statements in all): one call. */
    public List<ParentStatementsView> firstStatementsOfSpeakers(List<String> speakerIds, int first) {
        return BackendCalls.call(SERVICE, () -> client.statementsPerParent(null, speakerIds, first));
    }

    public Optional<SpeakerView> speaker(String id) {
        return BackendCalls.find(SERVICE, () -> client.speaker(id));
    }

    public Page<SpeakerView> speakers(String search, String role, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.speakers(search, role, null, offset, limit));
    }

    /** The speakers with these ids, by id (unknown ids are missing): one call per 100 distinct ids. */
    public Map<String, SpeakerView> speakersByIds(Collection<String> ids) {
        Map<String, SpeakerView> byId = new HashMap<>();
        for (List<String> chunk : batching.chunks(ids)) {
            BackendCalls.call(SERVICE, () -> client.speakers(null, null, chunk, 0, chunk.size()))
                    .items().forEach(s -> byId.put(s.id(), s));
        }
        return byId;
    }

    public Optional<EventView> event(String id) {
        return BackendCalls.find(SERVICE, () -> client.event(id));
    }

    public Page<EventView> events(String type, String participantId, String status, String location, LocalDate from,
                                  LocalDate to, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.events(str(from), str(to), type, participantId, status, location,
                null, null, offset, limit));
    }

    /** The statements with these ids, by id (unknown ids are missing): one call per 100 distinct ids. */
    public Map<String, StatementView> statementsByIds(Collection<String> ids) {
        Map<String, StatementView> byId = new HashMap<>();
        for (List<String> chunk : batching.chunks(ids)) {
            statements(new StatementQuery(null, null, null, chunk, null, null, null, null), 0, chunk.size())
                    .items().forEach(v -> byId.put(v.id(), v));
        }
        return byId;
    }

    /** The events with these ids, by id (unknown ids are missing): one call per 100 distinct ids. */
    public Map<String, EventView> eventsByIds(Collection<String> ids) {
        Map<String, EventView> byId = new HashMap<>();
        for (List<String> chunk : batching.chunks(ids)) {
            BackendCalls.call(SERVICE, () -> client.events(null, null, null, null, null, null, null, chunk, 0, chunk.size()))
                    .items().forEach(e -> byId.put(e.id(), e));
        }
        return byId;
    }

    /** Every event mentioned by any of these articles: one call per 100 articles, more only if they have over 1000 events. */
    public List<EventView> eventsOfArticles(Collection<String> articleIds) {
        List<EventView> events = new ArrayList<>();
        for (List<String> chunk : batching.chunks(articleIds)) {
            int offset = 0;
            while (true) {
                int from = offset;
                Page<EventView> page = BackendCalls.call(SERVICE,
                        () -> client.events(null, null, null, null, null, null, chunk, null, from, ALL_PAGE));
                events.addAll(page.items());
                offset += page.items().size();
                if (page.items().isEmpty() || offset >= page.totalCount()) {
                    break;
                }
            }
        }
        return events;
    }

    /**
     * The same page of each speaker's timeline, by speaker id: one call per 100 distinct ids.
     *
     * @param after a timeline cursor (opaque; statements-service rejects a foreign one), or null
     */
    public Map<String, TimelineView> timelines(Collection<String> speakerIds, LocalDate from, LocalDate to, String after,
                                               int limit) {
        Map<String, TimelineView> byId = new HashMap<>();
        for (List<String> chunk : batching.chunks(speakerIds)) {
            BackendCalls.call(SERVICE, () -> client.timelines(chunk, str(from), str(to), after, limit))
                    .forEach(t -> byId.put(t.speakerId(), t));
        }
        return byId;
    }

    private static List<String> empty(List<String> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
