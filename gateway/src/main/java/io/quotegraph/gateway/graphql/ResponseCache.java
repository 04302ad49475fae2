package io.quotegraph.gateway.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quotegraph.gateway.client.StatementsStream;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.mutiny.subscription.Cancellable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A short-lived cache of whole GraphQL responses, for read-heavy traffic where many clients ask the same question
 * (the representative queries of {@code ./quotegraph bench-graphql}).
 * <p>
 * What is cached: the response to a {@code POST /graphql} JSON request whose executed operation is a <em>query</em>
 * and which completed with data and without any error (no partial results, no errors, no mutations or subscriptions).
 * The key is everything that can change the answer: the exact body bytes (document, variables, operation name,
 * extensions), its {@code Content-Type}, the request URI, and the caller's {@code Authorization} and {@code Accept}
 * headers (the backends decide reads by the caller's token, so two callers never share an entry). A hit is answered
 * before SmallRye GraphQL's routes and after the checks that depend on who asks (see {@link GraphQLRoutes}).
 * <p>
 * How stale an answer can be: at most {@value #STALENESS} (default 1 s) after it was stored (plus the grace of
 * stale-while-recomputing, below, while a newer answer is being computed). Sooner than that, every
 * entry is dropped as soon as the gateway runs a mutation (when it completes, whatever its outcome) or statements-service
 * announces a stored statement on its event stream (one upstream connection, held while the cache is on). Changes
 * that reach the backends by other paths (a direct REST call, speaker resolution after a delivery, a stream reconnect)
 * are seen within that bound. A response computed while an invalidation happened is not stored (a generation
 * count taken when the request arrived must still hold when it is stored).
 * <p>
 * Refresh-ahead: a hit on an entry older than {@value #REFRESH_AFTER} is answered from the entry at once, and starts one
 * recomputation in the background (sooner when the entry took long to compute: at the latest when what is left of its
 * staleness bound is twice its computation time, so that a recomputation slowed down by load still replaces it in
 * time; an expired entry makes every client asking wait for a whole computation). By default (unset, with
 * stale-while-recomputing on) that latest time alone: one recomputation per entry per max staleness (half as many as
 * at half the staleness, the default before), a late one covered by the grace. So by default an answer is at most
 * max-staleness old while recomputations keep up, and never more than max-staleness + stale-while-recomputing (2 s): the same request (body, {@code Content-Type}, URI, {@code Authorization}, {@code Accept}) sent by the gateway to itself over loopback HTTP, marked by a header holding a
 * secret made at startup, so it runs through the same filters, credentials and instrumentation as the client's and
 * replaces the entry when it completes. Without it every entry expires under load and the clients asking at that
 * moment wait for one whole computation (the p99 of {@code bench-graphql}). One recomputation per gateway at a time
 * (a hit finding its entry due while another entry is being recomputed leaves it to a later hit). A recomputation
 * does not run on the event loops that serve clients: once its loopback request has arrived, its execution (the
 * GraphQL steps between backend calls, reading the backends' answers, serialising the response) runs on a Vert.x
 * context of its own, one low-priority thread, so that a hit never waits behind it; its blocking backend calls run on
 * the worker pool as a client's do. If it fails or is not stored, the entry is not refreshed again and expires at the
 * maximum staleness as usual. Over TLS (no plain loopback) entries are not refreshed ahead.
 * <p>
 * A hit sends the stored bytes as they are: each entry's body is written once into read-only direct memory, and every
 * hit writes a view of it to the socket (no copy per hit, nothing for the garbage collector).
 * <p>
 * Size: bounded by {@value #MAX_SIZE} (bytes of keys and responses, least recently used first out). Off with
 * {@value #ENABLED}=false (then nothing here runs beyond one flag test per request).
 * <p>
 * A hit is answered before SmallRye GraphQL's routes, so it does not show in the GraphQL operation metrics
 * ({@code mp_graphql}); the counter {@value #METRIC} counts hits, misses and refreshes.
 */
@ApplicationScoped
public class ResponseCache {

    public static final String ENABLED = "quotegraph.gateway.response-cache.enabled";
    public static final String STALENESS = "quotegraph.gateway.response-cache.max-staleness";
    public static final String MAX_SIZE = "quotegraph.gateway.response-cache.max-size";
    public static final String REFRESH_AFTER = "quotegraph.gateway.response-cache.refresh-after";
    public static final String STALE_WHILE_RECOMPUTING = "quotegraph.gateway.response-cache.stale-while-recomputing";
    /**
     * What a refresh request is answered with once its result has been stored: its data are in the cache, and the
     * gateway reads the HTTP answer of its own refresh to its end only.
     */
    static final ExecutionResult DISCARDED_REFRESH_ANSWER = ExecutionResult.newExecutionResult().data(Map.of()).build();
    /** Writers of compact JSON, as {@code JsonObject.toString} writes it. */
    private static final JsonWriterFactory JSON_WRITERS = Json.createWriterFactory(Map.of());
    /** Marks the gateway's own background recomputation of an entry; its value is {@link #refreshSecret}. */
    static final String REFRESH_HEADER = "X-Quotegraph-Cache-Refresh";
    static final String METRIC = "quotegraph.gateway.response.cache";
    /** The name of the thread recomputations run on. */
    static final String REFRESH_THREAD = "quotegraph-cache-refresh";

    /** The routing-context attribute holding a miss that may be stored. */
    private static final String PENDING = ResponseCache.class.getName() + ".pending";

    /** How long an identical request waits for another's answer before computing its own (the backends' read timeout). */
    private static final long MAX_WAIT_MILLIS = 10_000;
    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    @ConfigProperty(name = ENABLED, defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = STALENESS, defaultValue = "1s")
    Duration staleness;

    @ConfigProperty(name = MAX_SIZE, defaultValue = "64M")
    MemorySize maxSize;

    /**
     * Unset: each entry as late as its computation time allows (half the maximum staleness without a grace); at or above
     * the maximum staleness, entries are never refreshed ahead. See {@link #refreshAfterNanos}.
     */
    @ConfigProperty(name = REFRESH_AFTER)
    Optional<Duration> refreshAfter;

    /** How long past its maximum staleness an entry still answers while its one recomputation runs; 0: never. */
    @ConfigProperty(name = STALE_WHILE_RECOMPUTING, defaultValue = "1s")
    Duration staleWhileRecomputing;

    @Inject
    Vertx vertx;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    StatementsStream stream;

    @Inject
    MeterRegistry registry;

    private Cache<Key, Entry> cache;
    /** The misses being computed, by key. */
    private final ConcurrentHashMap<Key, Pending> inFlight = new ConcurrentHashMap<>();
    /** Incremented by every invalidation: a response computed across one is not stored. */
    private final AtomicLong generation = new AtomicLong();
    /** Set while a refresh is in flight: at most one per gateway. */
    private final AtomicBoolean refreshRunning = new AtomicBoolean();
    private Cancellable streamSubscription;
    private Counter hits;
    private Counter misses;
    private Counter refreshes;
    private Counter staleHits;
    private long stalenessNanos;
    private long graceNanos;
    /** Age in nanoseconds after which a hit starts a refresh; Long.MAX_VALUE when refresh-ahead is off. */
    private long refreshAfterNanos;
    /** The value of {@link #REFRESH_HEADER}; random per start. */
    private String refreshSecret;
    private HttpClient loopback;
    /** The thread on which recomputations execute, apart from the event loops serving clients. */
    private DefaultEventLoop refreshThread;
    /** A Vert.x event-loop context on {@link #refreshThread}; each recomputation runs on a duplicate of it. */
    private ContextInternal refreshContext;

    /**
     * A request as far as its answer, and the outcome of every check that runs after the cache, depend on it. The body
     * is held byte for byte (one Latin-1 char per byte): decoded as UTF-8, two bodies differing in malformed bytes
     * would be one key, and the body-shape filter rejects one of them. The content type says how SmallRye decodes it.
     */
    record Key(String body, String contentType, String uri, String authorization, String accept) {
        int weight() {
            return body.length() + 2 * (contentType.length() + uri.length() + length(authorization) + length(accept));
        }
    }

    /**
     * A stored response (its status is 200), when it was stored, how long it took to compute, and where its one
     * recomputation is ({@link #NOT_REFRESHED}, {@link #REFRESHING}, {@link #REFRESH_ENDED}). The body is read-only
     * direct memory shared by every hit (see {@link #sharedBody}).
     */
    record Entry(String contentType, ByteBuf body, long storedAt, long computeNanos, AtomicInteger refresh) {

        static final int NOT_REFRESHED = 0;
        static final int REFRESHING = 1;
        /** Its recomputation has answered or failed: if it is still the stored entry, nothing replaced it. */
        static final int REFRESH_ENDED = 2;

        Entry(String contentType, byte[] body, long computeNanos) {
            this(contentType, sharedBody(body), System.nanoTime(), computeNanos, new AtomicInteger(NOT_REFRESHED));
        }

        /** Whether it may answer at {@code now} as it is, without any recomputation: within its staleness bound. */
        boolean fresh(long now, long stalenessNanos) {
            return now - storedAt < stalenessNanos;
        }

        /**
         * Whether, past its staleness bound, it may still answer at {@code now} while it is recomputed: within the
         * grace, and unless its recomputation has ended without replacing it (then a request computes a new answer).
         */
        boolean servableStale(long now, long stalenessNanos, long graceNanos) {
            return now - storedAt < stalenessNanos + graceNanos && refresh.get() != REFRESH_ENDED;
        }

        /**
         * Whether a hit at {@code now} should start a refresh: none started yet, and the entry is older than
         * {@code refreshAfterNanos} or than its staleness bound less twice its computation time, whichever is sooner.
         * Never when refresh-ahead is off ({@code refreshAfterNanos} = Long.MAX_VALUE).
         */
        boolean dueForRefresh(long now, long refreshAfterNanos, long stalenessNanos) {
            if (refreshAfterNanos == Long.MAX_VALUE || refresh.get() != NOT_REFRESHED) {
                return false;
            }
            return now - storedAt >= Math.min(refreshAfterNanos, stalenessNanos - 2 * computeNanos);
        }

        /** True for exactly one caller. */
        boolean claimRefresh() {
            return refresh.compareAndSet(NOT_REFRESHED, REFRESHING);
        }

        void refreshEnded() {
            refresh.set(REFRESH_ENDED);
        }

        /**
         * The body written once into direct memory: Netty writes direct memory to the socket as it is (a heap body is
         * copied into a direct buffer on every write). Read-only and unreleasable, so that concurrent hits can send
         * views of it; the JDK frees the memory once the entry and the last view are unreachable.
         */
        private static ByteBuf sharedBody(byte[] bytes) {
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct).asReadOnly());
        }
    }

    /** A miss in flight: filled by the instrumentation, stored when the response has been sent. */
    static final class Pending {
        final Key key;
        final long generation;
        final long startedAt = System.nanoTime();
        /** The gateway's own recomputation of an entry ({@link #recompute}), whose HTTP answer nobody reads. */
        final boolean refresh;
        volatile byte[] body;
        /** Identical requests that arrived while this one was computed, with the Vert.x context each runs on. */
        private final List<Map.Entry<RoutingContext, Context>> waiters = new ArrayList<>();
        private boolean finished;

        Pending(Key key, long generation, boolean refresh) {
            this.key = key;
            this.generation = generation;
            this.refresh = refresh;
        }

        /** Queues an identical request for this one's answer; false if it has finished already. */
        synchronized boolean await(RoutingContext waiter) {
            if (finished) {
                return false;
            }
            Context context = Vertx.currentContext();
            waiters.add(Map.entry(waiter, context != null ? context : waiter.vertx().getOrCreateContext()));
            return true;
        }

        /** Takes a waiter out of the queue; false if it has been answered already. */
        synchronized boolean leave(RoutingContext waiter) {
            return !finished && waiters.removeIf(w -> w.getKey() == waiter);
        }

        /** Answers the waiters with the stored entry, or lets each compute its own when nothing was stored. */
        void finish(Entry stored, Counter hits) {
            List<Map.Entry<RoutingContext, Context>> answered;
            synchronized (this) {
                finished = true;
                answered = List.copyOf(waiters);
            }
            for (Map.Entry<RoutingContext, Context> waiter : answered) {
                RoutingContext ctx = waiter.getKey();
                waiter.getValue().runOnContext(v -> {
                    if (stored != null) {
                        hits.increment();
                        respond(ctx, stored);
                    } else {
                        ctx.next(); // errors and uncacheable answers are never shared
                    }
                });
            }
        }
    }

    @PostConstruct
    void init() {
        if (!enabled) {
            return;
        }
        stalenessNanos = staleness.toNanos();
        graceNanos = staleWhileRecomputing.isNegative() ? 0 : staleWhileRecomputing.toNanos();
        cache = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofNanos(stalenessNanos + graceNanos)) // past the staleness: see serve
                .maximumWeight(maxSize.asLongValue())
                .<Key, Entry>weigher((key, entry) -> key.weight() + entry.body().readableBytes())
                .build();
        hits = Counter.builder(METRIC).tag("result", "hit").description("GraphQL responses served from the cache")
                .register(registry);
        misses = Counter.builder(METRIC).tag("result", "miss").description("cacheable GraphQL requests executed")
                .register(registry);
        refreshes = Counter.builder(METRIC).tag("result", "refresh")
                .description("entries recomputed in the background before they expired").register(registry);
        staleHits = Counter.builder(METRIC).tag("result", "stale")
                .description("GraphQL responses served past their maximum staleness while recomputed")
                .register(registry);
        refreshAfterNanos = refreshAfterNanos(refreshAfter, stalenessNanos, graceNanos);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        refreshSecret = HexFormat.of().formatHex(secret);
        loopback = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(8)
                .setKeepAlive(true).setConnectTimeout((int) MAX_WAIT_MILLIS));
        refreshThread = new DefaultEventLoop(task -> {
            // a Vert.x event-loop thread to Vert.x and Quarkus, which would otherwise hand the request back to the
            // connection's event loop (the blocked-thread checker does not watch it)
            Thread thread = new VertxThread(task, REFRESH_THREAD, false, MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY); // honoured where the OS lets the JVM lower a thread's priority
            return thread;
        });
        // an event-loop context, so that SmallRye GraphQL and the REST clients treat it as they treat a client's
        // request (blocking resolvers sent to the worker pool, their results continued here), only on another thread
        VertxInternal internal = (VertxInternal) vertx;
        refreshContext = internal.createEventLoopContext(refreshThread, internal.getWorkerPool(),
                Thread.currentThread().getContextClassLoader());
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        // every statement statements-service stores may change an answer
        streamSubscription = stream.statements().subscribe().with(statement -> invalidate(),
                failure -> LOG.warnf("response cache: statement stream ended (%s); entries expire after %s",
                        failure.toString(), staleness));
        LOG.infof("GraphQL response cache on: at most %s stale (%s more while recomputed), refreshed after %s, "
                        + "at most %s bytes", staleness, Duration.ofNanos(graceNanos),
                refreshAfterNanos == Long.MAX_VALUE ? "never" : Duration.ofNanos(refreshAfterNanos),
                maxSize.asLongValue());
    }

    @PreDestroy
    void stop() {
        if (streamSubscription != null) {
            streamSubscription.cancel();
        }
        if (loopback != null) {
            loopback.close();
        }
        if (refreshThread != null) {
            refreshThread.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * The age after which a hit starts a refresh (each entry's own due time may be sooner, see
     * {@link Entry#dueForRefresh}); Long.MAX_VALUE: never. Unset with a grace: the max staleness, so that each entry is
     * recomputed once per max staleness, as late as its computation time allows (a recomputation that runs late is
     * covered by the grace); unset without one: half the max staleness, so that a late recomputation does not let the
     * entry expire. Set at or above the max staleness: never refreshed ahead.
     */
    static long refreshAfterNanos(Optional<Duration> refreshAfter, long stalenessNanos, long graceNanos) {
        if (refreshAfter.isEmpty()) {
            return graceNanos > 0 ? stalenessNanos : stalenessNanos / 2;
        }
        long set = refreshAfter.get().toNanos();
        return set < stalenessNanos ? set : Long.MAX_VALUE;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Drops every entry, and keeps responses being computed now from being stored. */
    public void invalidate() {
        if (cache != null) {
            generation.incrementAndGet();
            cache.invalidateAll();
        }
    }

    GraphQL.Builder addInstrumentation(@Observes GraphQL.Builder builder) {
        if (!enabled) {
            return builder;
        }
        // the builder has no getter: build once to read the chain configured so far, then extend it (as QueryLimits)
        Instrumentation configured = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(configured, new Recorder())));
    }

    /**
     * Answers a hit; marks a cacheable miss so that its response is stored once
     * sent. Runs where {@link GraphQLRoutes} puts it: after the permission check, before the body checks and SmallRye.
     */
    void serve(RoutingContext ctx) {
        Key key = key(ctx);
        if (key == null) {
            ctx.next();
            return;
        }
        if (isRefresh(ctx)) {
            recompute(ctx, key);
            return;
        }
        Entry hit = cache.getIfPresent(key);
        long now = System.nanoTime();
        if (hit != null && hit.fresh(now, stalenessNanos)) {
            hits.increment();
            if (hit.dueForRefresh(now, refreshAfterNanos, stalenessNanos)) {
                refreshOnce(ctx, hit); // answered below from the entry, without waiting for the refresh
            }
            respond(ctx, hit);
            return;
        }
        // past its staleness: answered within the grace only while it is being (or is about to be) recomputed, which
        // needs a loopback to the gateway (not over TLS); else computed like a miss, which replaces it
        if (hit != null && hit.servableStale(now, stalenessNanos, graceNanos) && canRefresh(ctx.request())) {
            staleHits.increment();
            refreshOnce(ctx, hit);
            respond(ctx, hit);
            return;
        }
        // identical requests arriving while one is computed wait for its answer instead of computing it again (an
        // expired entry under load would otherwise have every client recompute it at once)
        Pending pending = new Pending(key, generation.get(), false);
        for (Pending leader = inFlight.putIfAbsent(key, pending); leader != null;
             leader = inFlight.putIfAbsent(key, pending)) {
            if (leader.await(ctx)) {
                // a computation whose response is never sent (its client went away) must not hold the others
                Pending waitedFor = leader;
                ctx.vertx().setTimer(MAX_WAIT_MILLIS, timer -> {
                    if (waitedFor.leave(ctx)) {
                        inFlight.remove(key, waitedFor);
                        ctx.next();
                    }
                });
                return;
            }
            inFlight.remove(key, leader); // it has just finished: compute this one
        }
        misses.increment();
        compute(ctx, pending);
    }

    /** Lets SmallRye GraphQL execute the request; its response is stored and handed to the waiters once sent. */
    private void compute(RoutingContext ctx, Pending pending) {
        ctx.put(PENDING, pending);
        ctx.addBodyEndHandler(sent -> {
            Entry stored = store(pending, ctx.response().getStatusCode(),
                    ctx.response().headers().get(HttpHeaders.CONTENT_TYPE));
            inFlight.remove(pending.key, pending);
            pending.finish(stored, hits);
        });
        ctx.next();
    }

    /** {@link #refreshSecret}, for a test that sends a refresh itself. */
    String refreshSecret() {
        return refreshSecret;
    }

    /** Whether this request is the gateway's own refresh of an entry (a client cannot forge the secret). */
    private boolean isRefresh(RoutingContext ctx) {
        String marker = ctx.request().getHeader(REFRESH_HEADER);
        return marker != null && MessageDigest.isEqual(marker.getBytes(StandardCharsets.UTF_8),
                refreshSecret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A refresh: computed like a miss (identical misses arriving meanwhile, after the old entry expired or was dropped,
     * wait for it), unless a miss of the same key is being computed already, which stores the new answer itself.
     */
    private void recompute(RoutingContext ctx, Key key) {
        Pending pending = new Pending(key, generation.get(), true);
        if (inFlight.putIfAbsent(key, pending) != null) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        refreshes.increment();
        // off the event loop that received it: the hits it shares that loop with do not wait for its execution
        refreshContext.duplicate().runOnContext(v -> compute(ctx, pending));
    }

    /**
     * Starts the recomputation of an entry unless one has been started for it already (at most one per entry) or
     * another entry's is in flight (at most one per gateway: a later hit starts this one).
     */
    private void refreshOnce(RoutingContext ctx, Entry entry) {
        if (entry.refresh().get() != Entry.NOT_REFRESHED || !refreshRunning.compareAndSet(false, true)) {
            return;
        }
        if (entry.claimRefresh()) {
            startRefresh(ctx, entry);
        } else {
            refreshRunning.set(false);
        }
    }

    /** Whether the gateway can send this request to itself over plain loopback HTTP (not over TLS). */
    private static boolean canRefresh(HttpServerRequest request) {
        SocketAddress server = request.localAddress();
        return !request.isSSL() && server != null && server.host() != null;
    }

    /**
     * Sends the client's request again, from the gateway to itself, marked as a refresh; the answer is discarded. Ends
     * the gateway's one refresh in flight, and the entry's refresh, when that answer has arrived (after the new entry,
     * if any, was stored) or failed.
     */
    private void startRefresh(RoutingContext ctx, Entry entry) {
        HttpServerRequest request = ctx.request();
        if (!canRefresh(request)) {
            entry.refreshEnded();
            refreshRunning.set(false);
            return;
        }
        SocketAddress server = request.localAddress();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(server.host())
                .setPort(server.port()).setURI(request.uri()).setTimeout(MAX_WAIT_MILLIS)
                .putHeader(HttpHeaders.CONTENT_TYPE, request.getHeader(HttpHeaders.CONTENT_TYPE))
                .putHeader(REFRESH_HEADER, refreshSecret);
        copyHeader(request, options, HttpHeaders.AUTHORIZATION);
        copyHeader(request, options, HttpHeaders.ACCEPT);
        Buffer body = ctx.body().buffer().copy();
        loopback.request(options)
                .compose(refresh -> refresh.send(body))
                .compose(HttpClientResponse::end)
                .onComplete(done -> {
                    entry.refreshEnded();
                    refreshRunning.set(false);
                })
                .onFailure(failure -> LOG.debugf("response cache: refresh of an entry failed (%s); it expires as usual",
                        failure.toString()));
    }

    private static void copyHeader(HttpServerRequest from, RequestOptions to, CharSequence name) {
        String value = from.getHeader(name);
        if (value != null) {
            to.putHeader(name, value);
        }
    }

    private static void respond(RoutingContext ctx, Entry entry) {
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType())
                .end(Buffer.buffer(entry.body())); // Vert.x writes a view of it: no copy
    }

    /** Stores a finished miss's response if it may be; the entry stored, or null. */
    private Entry store(Pending pending, int status, String contentType) {
        byte[] body = pending.body;
        if (body == null || status != 200 || contentType == null) {
            return null; // not a query, errors, or not answered by SmallRye
        }
        Entry entry = new Entry(contentType, body, System.nanoTime() - pending.startedAt);
        if (generation.get() != pending.generation) {
            return null;
        }
        cache.put(pending.key, entry);
        if (generation.get() != pending.generation) {
            cache.asMap().remove(pending.key, entry); // an invalidation ran between the check and the put
            return null;
        }
        return entry;
    }

    /** The cache key of a JSON POST, or null when the request is not one this cache handles. */
    private static Key key(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")
                || ctx.body() == null || ctx.body().buffer() == null) {
            return null;
        }
        return new Key(ctx.body().buffer().toString(StandardCharsets.ISO_8859_1), contentType, ctx.request().uri(),
                ctx.request().getHeader(HttpHeaders.AUTHORIZATION), ctx.request().getHeader(HttpHeaders.ACCEPT));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The pending miss of the current HTTP request, if it is one. */
    private Pending currentPending() {
        if (!Arc.container().requestContext().isActive()) {
            return null; // e.g. over a WebSocket
        }
        RoutingContext current = currentRequest.getCurrent();
        return current == null ? null : current.get(PENDING);
    }

    /**
     * The answer as SmallRye writes it ({@code ExecutionResponse.getExecutionResultAsString}: the same JSON object
     * written by the same generator), encoded as UTF-8 as it is written: not built as a string first (a buffer that
     * turns UTF-16 at the first non-Latin-1 character and grows by doubling, then copied and encoded), which allocated
     * twice as much and, from about 147,000 characters, arrays of 512 KB or more (humongous objects for G1's 1 MB
     * regions, each of which can start a concurrent cycle).
     */
    static byte[] utf8Json(ExecutionResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonWriter writer = JSON_WRITERS.createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(new ExecutionResponse(result).getExecutionResultAsJsonObject());
        }
        return out.toByteArray();
    }

    /** Per execution: the pending miss and whether the operation run is a query. */
    private static final class State implements InstrumentationState {
        final Pending pending;
        volatile boolean query;

        State(Pending pending) {
            this.pending = pending;
        }
    }

    /**
     * Sees each executed operation: a completed mutation invalidates the cache; a query that completed with data and
     * no errors hands its serialised response (as SmallRye writes it) to the pending miss.
     */
    private final class Recorder extends SimplePerformantInstrumentation {

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new State(currentPending());
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition()
                    .getOperation();
            if (operation == OperationDefinition.Operation.MUTATION) {
                invalidate();
                return SimpleInstrumentationContext.whenCompleted((result, failure) -> invalidate());
            }
            if (operation == OperationDefinition.Operation.QUERY && state instanceof State s) {
                s.query = true;
            }
            return SimpleInstrumentationContext.noOp();
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                            InstrumentationExecutionParameters parameters,
                                                                            InstrumentationState state) {
            if (state instanceof State s && s.query && s.pending != null && result.isDataPresent()
                    && result.getErrors().isEmpty()) {
                s.pending.body = utf8Json(result);
                if (s.pending.refresh) {
                    // startRefresh discards this request's own answer: SmallRye writes an empty one instead of
                    // serialising the whole answer a second time (a 50-article answer is ~140 KB)
                    return CompletableFuture.completedFuture(DISCARDED_REFRESH_ANSWER);
                }
            }
            return CompletableFuture.completedFuture(result);
        }
    }
}
