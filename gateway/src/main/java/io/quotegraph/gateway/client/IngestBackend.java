package io.quotegraph.gateway.client;

import io.quotegraph.model.view.ArticleView;
import io.quotegraph.model.view.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
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
    @RestClient
    IngestClient client;

    public ArticleView ingest(NewArticle article) {
        return BackendCalls.call(SERVICE, () -> client.create(article));
    }

    public Optional<ArticleView> article(String id) {
        return BackendCalls.find(SERVICE, () -> client.get(id));
    }

    public Page<ArticleView> articles(String source, Instant from, Instant to, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.list(source, str(from), str(to), offset, limit));
    }

    /** The articles with these ids, by id (unknown ids are missing): one call per 100 distinct ids. */
    public Map<String, ArticleView> articlesByIds(Collection<String> ids) {
        Map<String, ArticleView> byId = new HashMap<>();
        for (List<String> chunk : BackendCalls.chunks(ids)) {
            Page<ArticleView> page = BackendCalls.call(SERVICE, () -> client.byIds(chunk, chunk.size()));
            page.items().forEach(a -> byId.put(a.id(), a));
        }
        return byId;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
