package io.quotegraph.gateway.event;

import io.quotegraph.gateway.article.Article;
import io.quotegraph.gateway.client.IngestBackend;
import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.entity.Entity;
import io.quotegraph.gateway.entity.EntityBackend;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.statement.NestedStatements;
import io.quotegraph.gateway.statement.Statement;
import io.quotegraph.gateway.statement.StatementConnection;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.model.view.StatementView;
import io.smallrye.graphql.api.Context;
import io.quotegraph.gateway.article.ArticleSelection;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Events (statements-service): queries and the event's nested fields. */
@GraphQLApi
public class EventApi {

    @Inject
    Context context;

    @Inject
    StatementsBackend statements;

    @Inject
    IngestBackend ingest;

    @Inject
    NestedStatements nestedStatements;

    @Inject
    EntityBackend entities;

    @Query("event")
    @Description("The event with this id, or null.")
    public Event event(@Name("id") @Id @NonNull String id) {
        return statements.event(id).map(Event::new).orElse(null);
    }

    @Query("events")
    @Description("Events statements were made at or articles report, newest first; `from`/`to` bound the event date "
            + "(a range matches when it overlaps), `participantId` is a speaker or entity id, `status` HAPPENED, PLANNED "
            + "or PROPOSED, `location` a place's entity id or name.")
    public EventConnection events(@Name("first") Integer first,
                                  @Name("after") String after,
                                  @Name("type") String type,
                                  @Name("participantId") @Id String participantId,
                                  @Name("status") String status,
                                  @Name("location") String location,
                                  @Name("from") LocalDate from,
                                  @Name("to") LocalDate to) {
        PageRequest page = PageRequest.of(first, after);
        return EventConnection.of(Slice.of(statements.events(type, participantId, status, location, from, to,
                page.offset(), page.backendLimit()), page).map(Event::new));
    }

    @Name("location")
    @Description("Where it took place, when the place is resolved to an entity.")
    public List<Entity> location(@Source List<Event> events) {
        List<String> ids = events.stream().map(e -> e.view().locationId()).filter(Objects::nonNull).toList();
        Map<String, SpeakerView> byId = ids.isEmpty() ? Map.of() : entities.entitiesByIds(ids);
        return events.stream().map(e -> {
            SpeakerView place = e.view().locationId() == null ? null : byId.get(e.view().locationId());
            return place == null ? null : new Entity(place);
        }).toList();
    }

    @Name("statementsAbout")
    @Description("The statements that talk about the event (as opposed to those made at it), in text order per article.")
    @NonNull
    public List<@NonNull List<@NonNull Statement>> statementsAbout(@Source List<Event> events) {
        List<String> ids = events.stream().flatMap(e -> e.view().statementIds().stream()).distinct().toList();
        Map<String, StatementView> byId = ids.isEmpty() ? Map.of() : statements.statementsByIds(ids);
        return events.stream().map(e -> e.view().statementIds().stream()
                .map(byId::get).filter(Objects::nonNull).map(Statement::new).toList()).toList();
    }

    @Name("participants")
    @Description("Who took part (speakers and entities).")
    @NonNull
    public List<@NonNull List<@NonNull Entity>> participants(@Source List<Event> events) {
        List<String> ids = events.stream().flatMap(e -> e.view().participantIds().stream()).distinct().toList();
        Map<String, SpeakerView> byId = ids.isEmpty() ? Map.of() : entities.entitiesByIds(ids);
        return events.stream().map(e -> e.view().participantIds().stream()
                .map(byId::get).filter(Objects::nonNull).map(Entity::new).toList()).toList();
    }

    @Name("articles")
    @Description("The articles that mention the event (null, with an error, if ingest-service is unavailable).")
    public List<List<@NonNull Article>> articles(@Source List<Event> events) {
        List<String> ids = events.stream().flatMap(e -> e.view().articleIds().stream()).toList();
        Map<String, ArticleView> byId = ids.isEmpty() ? Map.of()
                : ingest.articlesByIds(ids, ArticleSelection.needsText(context));
        return events.stream().map(e -> e.view().articleIds().stream()
                .map(byId::get).filter(Objects::nonNull).map(Article::new).toList()).toList();
    }

    @Name("statements")
    @Description("The statements made at the event, newest first.")
    @NonNull
    public List<@NonNull StatementConnection> statements(@Source List<Event> events,
                                                         @Name("first") Integer first,
                                                         @Name("after") String after) {
        return nestedStatements.connections(NestedStatements.Parent.OCCASION,
                events.stream().map(Event::getId).toList(), first, after);
    }
}
