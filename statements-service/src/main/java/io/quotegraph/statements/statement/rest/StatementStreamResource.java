package io.quotegraph.statements.statement.rest;

import io.quotegraph.model.view.StatementView;
import io.quotegraph.statements.statement.service.StatementFeed;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;

@Path("/statements/stream")
public class StatementStreamResource {

    /** Idle connections get a comment this often, so that proxies and clients can tell a quiet stream from a dead one. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    StatementFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: each statement stored from now on (event 'statement', one JSON StatementView), "
            + "as its article's delivery completes on this replica; a comment 'connected' once subscribed, then one every 15 s while idle")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> statements = feed.statements().map(statement -> sse.newEventBuilder()
                .name("statement").mediaType(MediaType.APPLICATION_JSON_TYPE).data(StatementView.class, statement).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // merging subscribes in this order, so the "connected" comment comes after the feed subscription: a listener
        // that has read it hears every delivery completed from then on
        Multi<OutboundSseEvent> connected = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        return Multi.createBy().merging().streams(statements, heartbeats, connected);
    }
}
