package io.quotegraph.gateway.statement;

import graphql.schema.DataFetchingEnvironment;
import io.quotegraph.gateway.article.Article;
import io.quotegraph.gateway.client.CallerCredentials;
import io.quotegraph.gateway.client.IngestBackend;
import io.quotegraph.gateway.client.StatementQuery;
import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.client.StatementsStream;
import io.quotegraph.gateway.event.Event;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.speaker.Speaker;
import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.EventView;
import io.quotegraph.model.view.SpeakerView;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Statements (statements-service): queries and the statement's nested fields. */
@GraphQLApi
public class StatementApi {

    /** The GraphQL context key under which SmallRye GraphQL's WebSocket handlers keep the connection_init payload. */
    private static final String INIT_PAYLOAD = "init-payload";

    @Inject
    Context context;

    @Inject
    StatementsBackend statements;

    @Inject
    IngestBackend ingest;

    @Inject
    StatementsStream stream;

    @Inject
    CallerCredentials credentials;

    @Inject
    SubscriberAccess access;

    @Inject
    Context graphql;

    @Query("statement")
    @Description("The statement with this id, or null.")
    public Statement statement(@Name("id") @Id @NonNull String id) {
        return statements.statement(id).map(Statement::new).orElse(null);
    }

    @Query("statements")
    @Description("Statements, newest article first (`order: OLDEST` for oldest first). `text`: words that must all occur "
            + "(case-insensitive); `entityId`: statements about that entity; `source`: the article's source; "
            + "`from`/`to`: the article's publication time.")
    public StatementConnection statements(@Name("first") Integer first,
                                          @Name("after") String after,
                                          @Name("speakerId") @Id String speakerId,
                                          @Name("articleId") @Id String articleId,
                                          @Name("entityId") @Id String entityId,
                                          @Name("text") String text,
                                          @Name("kind") StatementKind kind,
                                          @Name("from") Instant from,
                                          @Name("to") Instant to,
                                          @Name("source") String source,
                                          @Name("order") StatementOrder order) {
        PageRequest page = PageRequest.of(first, after);
        StatementQuery query = new StatementQuery(one(speakerId), one(articleId), null, null,
                text == null || text.isBlank() ? null : text, kind, from, to, one(entityId), one(source),
                order == StatementOrder.OLDEST);
        return StatementConnection.of(Slice.of(statements.statements(query, page.offset(), page.backendLimit()), page)
                .map(Statement::new));
    }

    @Subscription("statementAdded")
    @Description("Each statement stored from now on (an article extracted again sends its statements again); "
            + "`speakerId`: only that speaker's, `entityId`: only those about that entity. When reads are protected, "
            + "the subscriber's token (the `Authorization` header of the WebSocket upgrade, else `Authorization` in the "
            + "`connection_init` payload) must let it read, when it subscribes and when the token expires: else it "
            + "receives a null item with an `unauthorized:`/`forbidden:` error, and the subscription completes.")
    // items are nullable on purpose: SmallRye GraphQL turns a failed Multi (a refusal) into a last result with a null
    // item and the error, then completes; with a non-null item that result breaks and the subscriber gets nothing
    public Multi<Statement> statementAdded(@Name("speakerId") @Id String speakerId,
                                           @Name("entityId") @Id String entityId) {
        String speaker = speakerId == null || speakerId.isBlank() ? null : speakerId;
        String entity = entityId == null || entityId.isBlank() ? null : entityId;
        // the stream is read with the gateway's token: the subscriber's own must allow reads (protected reads)
        String authorization = credentials.subscriberAuthorization(initPayload());
        return access.whileAllowed(authorization, stream::statements)
                .filter(s -> (speaker == null || speaker.equals(s.speakerId())) && (entity == null || s.aboutIds().contains(entity)))
                .map(Statement::new);
    }

    /** The WebSocket connection's connection_init payload, as SmallRye GraphQL puts it in the GraphQL context. */
    private Map<String, ?> initPayload() {
        DataFetchingEnvironment environment = graphql.unwrap(DataFetchingEnvironment.class);
        Object payload = environment == null ? null : environment.getGraphQlContext().get(INIT_PAYLOAD);
        @SuppressWarnings("unchecked")
        Map<String, ?> map = payload instanceof Map<?, ?> m ? (Map<String, ?>) m : null;
        return map;
    }

    @Name("article")
    @Description("The article the statement was reported in (null, with an error, if ingest-service is unavailable).")
    public List<Article> article(@Source List<Statement> sources) {
        Map<String, ArticleView> byId = ingest.articlesByIds(sources.stream().map(s -> s.view().articleId()).toList(),
                ArticleSelection.needsText(context));
        return sources.stream().map(s -> {
            ArticleView a = byId.get(s.view().articleId());
            return a == null ? null : new Article(a);
        }).toList();
    }

    @Name("speaker")
    @Description("Who said it, if known.")
    public List<Speaker> speaker(@Source List<Statement> sources) {
        List<String> ids = sources.stream().map(s -> s.view().speakerId()).filter(id -> id != null).toList();
        Map<String, SpeakerView> byId = ids.isEmpty() ? Map.of() : statements.speakersByIds(ids);
        return sources.stream().map(s -> {
            SpeakerView v = s.view().speakerId() == null ? null : byId.get(s.view().speakerId());
            return v == null ? null : new Speaker(v);
        }).toList();
    }

    @Name("occasion")
    @Description("The event at which it was said, if known.")
    public List<Event> occasion(@Source List<Statement> sources) {
        List<String> ids = sources.stream().map(s -> s.view().occasionId()).filter(id -> id != null).toList();
        Map<String, EventView> byId = ids.isEmpty() ? Map.of() : statements.eventsByIds(ids);
        return sources.stream().map(s -> {
            EventView v = s.view().occasionId() == null ? null : byId.get(s.view().occasionId());
            return v == null ? null : new Event(v);
        }).toList();
    }

    private static List<String> one(String id) {
        return id == null || id.isBlank() ? null : List.of(id);
    }
}
