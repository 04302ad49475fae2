package io.quotegraph.gateway.graphql;

import io.quotegraph.gateway.GraphQL;
import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake ingest-service as the response-cache tests drive it: an article that can be retitled (so that an old and a
 * new answer can be told apart), answers that can be held while a recomputation is meant to be running, and a count
 * of the calls that reached it.
 */
final class RetitlingBackend {

    static final String QUERY = "{ articles(first: 2) { edges { node { id title } } } }";
    static final String NEW_TITLE = "Retitled";
    private static final long WAIT_SECONDS = 15;

    private final String url;

    private RetitlingBackend(String url) {
        this.url = url;
    }

    /**
     * Each test's start and end: an empty cache and the backend's counts reset (which also releases it and restores
     * its titles).
     */
    static RetitlingBackend reset(ResponseCache cache, String url) {
        cache.invalidate();
        GraphQL.resetCounts(url);
        return new RetitlingBackend(url);
    }

    void retitle() {
        control("/__retitle?id=a5&title=" + NEW_TITLE);
    }

    void hold() {
        control("/__hold");
    }

    void release() {
        control("/__release");
    }

    int articleCalls() {
        return GraphQL.counts(url).getOrDefault("GET /articles", 0);
    }

    void awaitArticleCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (articleCalls() < calls) {
            assertThat(System.nanoTime()).as("the recomputation reaches the backend").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Asks {@link #QUERY} until the answer has the new title (the recomputed answer is stored); returns it. */
    static String awaitRetitledAnswer(String old) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String answer = old;
        while (!NEW_TITLE.equals(firstTitle(answer))) {
            assertThat(System.nanoTime()).as("the recomputed answer is stored").isLessThan(deadline);
            Thread.sleep(50);
            answer = ask();
        }
        return answer;
    }

    /** {@code requests} answers to {@link #QUERY}, asked by {@code clients} threads on their own connections. */
    static List<String> askConcurrently(int clients, int requests, long timeoutSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pending.add(pool.submit(RetitlingBackend::ask));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : pending) {
                answers.add(answer.get(timeoutSeconds, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static String ask() {
        return ResponseCacheTest.post(null, QUERY, Map.of(), null);
    }

    static String firstTitle(String response) {
        return JsonPath.from(response).getString("data.articles.edges[0].node.title");
    }

    private void control(String pathAndQuery) {
        given().post(url + pathAndQuery).then().statusCode(200);
    }
}
