package io.quotegraph.cli;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * bench-graphql's clients: each concurrent client posts one request at a time, back to back, and checks every answer
 * ({@link AnswerCheck}). They run on Vert.x event loops (one per core), not on a thread each: an answer is read
 * straight from Netty's buffers into the client's own reused array, with no thread hand-over per chunk and no
 * per-answer buffer list to join (the JDK HTTP client took 0.73 ms of CPU per 142 KB answer, more than twice the
 * gateway's cost of serving it, on the cores the gateway is measured on; docs/graphql-response-cache.md, part 12).
 * Without HTTP/2 each client has its own keep-alive HTTP/1.1 connection, like separate browsers; with it all share one
 * h2c connection.
 */
final class BenchClients implements AutoCloseable {

    private static final int HTTP2_WINDOW = 16 * 1024 * 1024;

    private final Vertx vertx;
    private final boolean http2;
    private final boolean gzip;
    private final Duration requestTimeout;
    /**
     * Without HTTP/2: one client (one connection) per concurrent client, kept across cells, each with the context its
     * requests are sent from: the connection's own event loop, so that a response's head, chunks and end reach the
     * client in order on one thread, after its handlers are set.
     */
    private final List<HttpClient> ownClients = new ArrayList<>();
    private final List<Context> ownContexts = new ArrayList<>();
    private HttpClient sharedClient;
    /** One context on each event loop (a thread outside Vert.x would get the same one every time). */
    private final List<Context> eventLoops = new CopyOnWriteArrayList<>();

    BenchClients(boolean http2, boolean gzip, Duration requestTimeout) {
        int loops = Runtime.getRuntime().availableProcessors();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops)
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        // each verticle instance is given its own event loop, in turn
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                eventLoops.add(context);
            }
        }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture().join();
        this.http2 = http2;
        this.gzip = gzip;
        this.requestTimeout = requestTimeout;
    }

    /** What one run measured: the latency of every answered request, and the errors (failed, timed out, wrong). */
    record Outcome(List<Long> latencyNanos, long errors) {
    }

    /**
     * {@code clients} clients POST {@code body} to {@code url} back to back for {@code duration}; each error is also
     * described to {@code errorSamples}.
     */
    Outcome run(String url, Map<String, String> headers, byte[] body, int clients, Duration duration,
                Consumer<String> errorSamples) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(clients);
        AtomicLong errors = new AtomicLong();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setIdleTimeout(requestTimeout.toMillis());
        headers.forEach(request::putHeader);
        if (gzip) {
            request.putHeader("Accept-Encoding", "gzip");
        }
        Buffer requestBody = Buffer.buffer(body);
        List<Client> started = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(client(c), request, requestBody, end, finished, errors, errorSamples);
            started.add(client);
            context(c).runOnContext(start -> client.send());
        }
        // every client stops by itself at the end (a request outlives it by at most the request timeout)
        if (!finished.await(duration.plus(requestTimeout).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the clients did not stop");
        }
        List<Long> latencies = new ArrayList<>();
        started.forEach(client -> latencies.addAll(client.latencies));
        return new Outcome(latencies, errors.get());
    }

    private synchronized HttpClient client(int index) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(gzip)
                .setConnectTimeout(5_000);
        if (http2) {
            if (sharedClient == null) {
                // windows of a few answers, so that a stream does not wait for window updates per 64 KB
                options.setProtocolVersion(HttpVersion.HTTP_2).setHttp2ConnectionWindowSize(HTTP2_WINDOW)
                        .setInitialSettings(new Http2Settings().setInitialWindowSize(HTTP2_WINDOW));
                sharedClient = vertx.createHttpClient(options,
                        new PoolOptions().setHttp2MaxSize(1));
            }
            return sharedClient;
        }
        while (ownClients.size() <= index) {
            ownClients.add(vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(1)));
            ownContexts.add(eventLoops.get(ownContexts.size() % eventLoops.size()));
        }
        return ownClients.get(index);
    }

    /** The context the {@code index}th client sends from (after {@link #client(int)}). */
    private synchronized Context context(int index) {
        return http2 ? eventLoops.get(0) : ownContexts.get(index);
    }

    /**
     * One concurrent client: its next request is sent when the last answer has been read and checked. Its state is
     * touched by one request at a time (each callback runs after the previous one's request ended).
     */
    private static final class Client {
        private final HttpClient http;
        private final RequestOptions request;
        private final Buffer body;
        private final long end;
        private final CountDownLatch finished;
        private final AtomicLong errors;
        private final Consumer<String> errorSamples;
        private final AnswerCheck check = new AnswerCheck();
        private final List<Long> latencies = new ArrayList<>();
        /** The answer being read, reused: grown to the largest answer once. */
        private byte[] answer = new byte[64 * 1024];
        private int answerLength;
        private long sentAt;
        /** The request under way: a late callback of an earlier one (a failure after its end) is ignored. */
        private long requestNumber;

        Client(HttpClient http, RequestOptions request, Buffer body, long end, CountDownLatch finished,
               AtomicLong errors, Consumer<String> errorSamples) {
            this.http = http;
            this.request = request;
            this.body = body;
            this.end = end;
            this.finished = finished;
            this.errors = errors;
            this.errorSamples = errorSamples;
        }

        void send() {
            if (System.nanoTime() >= end) {
                finished.countDown();
                return;
            }
            long number = ++requestNumber;
            sentAt = System.nanoTime();
            answerLength = 0;
            http.request(request)
                    .compose(sending -> sending.send(body))
                    .onSuccess(response -> read(number, response))
                    .onFailure(failure -> failed(number, failure));
        }

        private void read(long number, HttpClientResponse response) {
            response.handler(chunk -> {
                if (number == requestNumber) {
                    append(chunk);
                }
            });
            response.exceptionHandler(failure -> failed(number, failure));
            response.endHandler(ended -> {
                if (number != requestNumber) {
                    return;
                }
                latencies.add(System.nanoTime() - sentAt);
                if (!check.isAnswer(response.statusCode(), answer, answerLength)) {
                    error("status " + response.statusCode() + ": " + new String(answer, 0,
                            Math.min(answerLength, BenchGraphqlCommand.ERROR_SAMPLE_CHARS), StandardCharsets.UTF_8));
                }
                send();
            });
        }

        private void append(Buffer chunk) {
            int length = chunk.length();
            if (answerLength + length > answer.length) {
                answer = Arrays.copyOf(answer, Math.max(answer.length * 2, answerLength + length));
            }
            chunk.getBytes(0, length, answer, answerLength);
            answerLength += length;
        }

        /** A request that failed or timed out: counted, not timed (the table shows both); the client goes on. */
        private void failed(long number, Throwable failure) {
            if (number != requestNumber) {
                return;
            }
            error(failure.toString());
            send();
        }

        private void error(String description) {
            errors.incrementAndGet();
            errorSamples.accept(description);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
