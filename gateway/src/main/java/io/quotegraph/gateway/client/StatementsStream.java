package io.quotegraph.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.model.view.StatementView;
import io.quotegraph.rest.security.ServiceCredentials;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The statements statements-service stores from now on, from its server-sent-events endpoint
 * ({@value #PATH}). One upstream connection, opened with the first subscriber and closed after the last one leaves,
 * is shared by all subscribers; if it fails or ends, it is reopened with an exponential backoff
 * ({@value #MIN_BACKOFF_MILLIS} ms up to {@value #MAX_BACKOFF_SECONDS} s). Statements stored while it is reconnecting are missed.
 * <p>
 * The connection is the gateway's own, outside any caller's request, so it carries the gateway's service token
 * ({@link ServiceCredentials}: subject {@code gateway}, no role, as protected reads need only a valid token), taken anew
 * for every (re)connection: a reconnect after the token's renewal time gets a fresh one. statements-service checks it
 * when the stream opens only; an open stream outlives the token.
 * <p>
 * statements-service publishes what its own replica stores: with several replicas the gateway would have to listen to
 * each of them (or the feed be replaced by MongoDB change streams), see the module README.
 */
@ApplicationScoped
public class StatementsStream {

    static final String PATH = "/statements/stream";
    static final String EVENT = "statement";
    static final long MIN_BACKOFF_MILLIS = 200;
    static final long MAX_BACKOFF_SECONDS = 10;
    /** statements-service sends a heartbeat every 15 s: a connection silent for longer is dead. */
    static final int IDLE_TIMEOUT_SECONDS = 45;

    private static final Logger LOG = Logger.getLogger(StatementsStream.class);

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceCredentials credentials;

    @ConfigProperty(name = "quarkus.rest-client.statements-service.url")
    String statementsServiceUrl;

    private HttpClient http;
    private Multi<StatementView> shared;

    @PostConstruct
    void init() {
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS));
        shared = Multi.createFrom().<StatementView>emitter(this::connect)
                .onCompletion().failWith(() -> new IllegalStateException("statements-service ended the stream"))
                .onFailure().invoke(e -> LOG.warnf("statement stream from %s: %s; reconnecting", statementsServiceUrl, e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(MIN_BACKOFF_MILLIS), Duration.ofSeconds(MAX_BACKOFF_SECONDS))
                .indefinitely()
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAtLeast(1);
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Statements as they are stored; shared, never completes. */
    public Multi<StatementView> statements() {
        return shared;
    }

    private void connect(MultiEmitter<? super StatementView> emitter) {
        AtomicReference<HttpClientResponse> open = new AtomicReference<>();
        emitter.onTermination(() -> {
            HttpClientResponse response = open.get();
            if (response != null) {
                response.request().connection().close();
            }
        });
        RequestOptions request;
        try {
            request = new RequestOptions().setMethod(HttpMethod.GET)
                    .setAbsoluteURI(statementsServiceUrl.replaceAll("/+$", "") + PATH)
                    .putHeader("Accept", "text/event-stream")
                    .putHeader("Authorization", credentials.bearer());
        } catch (RuntimeException e) {
            // e.g. an unreadable signing key: retried with the backoff like any failed connection, and logged
            emitter.fail(e);
            return;
        }
        http.request(request).compose(r -> r.send()).onComplete(sent -> {
            if (sent.failed()) {
                emitter.fail(sent.cause());
                return;
            }
            HttpClientResponse response = sent.result();
            open.set(response);
            if (response.statusCode() != 200) {
                response.request().connection().close();
                emitter.fail(new IllegalStateException("HTTP " + response.statusCode()));
                return;
            }
            ServerSentEvents events = new ServerSentEvents((name, data) -> {
                if (EVENT.equals(name)) {
                    emit(emitter, data);
                }
            });
            response.handler(RecordParser.newDelimited("\n", line -> events.line(line.toString(StandardCharsets.UTF_8))));
            // closing the connection after the last subscriber left ends the response too: not a failure to report
            response.exceptionHandler(e -> {
                if (!emitter.isCancelled()) {
                    emitter.fail(e);
                }
            });
            response.endHandler(ended -> {
                if (!emitter.isCancelled()) {
                    emitter.complete();
                }
            });
            if (emitter.isCancelled()) {
                response.request().connection().close();
            }
        });
    }

    private void emit(MultiEmitter<? super StatementView> emitter, String data) {
        try {
            emitter.emit(json.readValue(data, StatementView.class));
        } catch (Exception e) {
            LOG.warnf("skipping an unreadable statement event: %s", e.getMessage());
        }
    }
}
