package io.quotegraph.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotegraph.gateway.graphql.GatewayException;
import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ingest-service as the gateway uses it: failures become {@link io.quotegraph.gateway.graphql.GatewayException}s naming the service. */
@ApplicationScoped
public class IngestBackend {

    private static final String SERVICE = IngestClient.SERVICE;

    @Inject
    Batching batching;

    @Inject
    @RestClient
    IngestClient client;

    @Inject
    ObjectMapper json;

    public ArticleView ingest(NewArticle article) {
        return BackendCalls.call(SERVICE, () -> client.create(article));
    }

    /** The articles in one {@code POST /articles/batch}: one result per article, in order. */
    public List<BatchLineResult> ingestAll(List<NewArticle> articles) {
        StringBuilder body = new StringBuilder();
        try {
            for (NewArticle article : articles) {
                body.append(json.writeValueAsString(article)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an article", e);
        }
        String answer = BackendCalls.call(SERVICE, () -> client.batch(body.toString()));
        List<BatchLineResult> results = new ArrayList<>(articles.size());
        for (String line : answer.split("\n")) {
            if (!line.isBlank()) {
                results.add(read(line));
            }
        }
        return results;
    }

    private BatchLineResult read(String line) {
        try {
            return json.readValue(line, BatchLineResult.class);
        } catch (JsonProcessingException e) {
            throw new GatewayException(SERVICE + " returned an unreadable response", e);
        }
    }

    public Optional<ArticleView> article(String id) {
        return BackendCalls.find(SERVICE, () -> client.get(id));
    }

    public Page<ArticleView> articles(String source, Instant from, Instant to, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.list(source, str(from), str(to), offset, limit));
    }

    /**
     * The articles with these ids, by id (unknown ids are missing): one call per 100 distinct ids. Without
     * {@code withText} their text is null (not read: see {@link io.quotegraph.gateway.article.ArticleSelection}).
     */
    public Map<String, ArticleView> articlesByIds(Collection<String> ids, boolean withText) {
        Map<String, ArticleView> byId = new HashMap<>();
        for (List<String> chunk : batching.chunks(ids)) {
            Page<ArticleView> page = BackendCalls.call(SERVICE, () -> client.byIds(chunk, chunk.size(), withText));
            page.items().forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
