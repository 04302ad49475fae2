package io.quotegraph.gateway.statement;

import io.quotegraph.gateway.client.Batching;
import io.quotegraph.gateway.client.StatementQuery;
import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.StatementView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The statements connections of a batch of parents (articles, speakers or events), with one backend call for all of them:
 * {@code GET /statements?articleId=a&articleId=b&limit=1000} (per 100 parents), grouped by parent and paged in the gateway.
 * If the parents have more statements than one backend page holds, each parent's page is fetched on its own instead.
 */
@ApplicationScoped
public class NestedStatements {

    private static final Logger LOG = Logger.getLogger(NestedStatements.class);

    /** The largest page statements-service serves. */
    static final int BATCH_LIMIT = 1000;

    /** Which statement field refers to the parent. */
    public enum Parent {
        ARTICLE(StatementView::articleId, StatementQuery::byArticles),
        SPEAKER(StatementView::speakerId, StatementQuery::bySpeakers),
        OCCASION(StatementView::occasionId, StatementQuery::byOccasions);

        private final Function<StatementView, String> key;
        private final Function<List<String>, StatementQuery> query;

        Parent(Function<StatementView, String> key, Function<List<String>, StatementQuery> query) {
            this.key = key;
            this.query = query;
        }
    }

    @Inject
    Batching batching;

    @Inject
    StatementsBackend backend;

    /**
     * One connection per parent id, in the order of {@code parentIds} (which may repeat: one per requesting field).
     * Each connection is cut later, with its own field's first/after (see {@link StatementConnection}), except when the
     * batch has a single parent: then {@code first}/{@code after} are that field's, and the backend cuts the page.
     */
    public List<StatementConnection> connections(Parent parent, List<String> parentIds, Integer first, String after) {
        if (parentIds.size() == 1 && parentIds.get(0) != null) {
            return List.of(StatementConnection.of(fetchOne(parent, parentIds.get(0), PageRequest.of(first, after))));
        }
        Map<String, StatementConnection> byParent = new HashMap<>();
        for (List<String> chunk : batching.chunks(parentIds)) {
            Page<StatementView> all = backend.statements(parent.query.apply(chunk), 0, BATCH_LIMIT);
            if (all.items().size() >= all.totalCount()) {
                Map<String, List<Statement>> grouped = new HashMap<>();
                for (StatementView s : all.items()) {
                    grouped.computeIfAbsent(parent.key.apply(s), k -> new ArrayList<>()).add(new Statement(s));
                }
                for (String id : chunk) {
                    byParent.put(id, StatementConnection.ofAll(grouped.getOrDefault(id, List.of())));
                }
            } else {
                LOG.debugf("%d %s parents have %d statements (> %d): fetching each requested page separately",
                        chunk.size(), parent, all.totalCount(), BATCH_LIMIT);
                for (String id : chunk) {
                    byParent.put(id, StatementConnection.fetching(page -> fetchOne(parent, id, page)));
                }
            }
        }
        List<StatementConnection> result = new ArrayList<>(parentIds.size());
        for (String id : parentIds) {
            StatementConnection c = id == null ? null : byParent.get(id);
            result.add(c != null ? c : StatementConnection.ofAll(List.of()));
        }
        return result;
    }

    private Slice<Statement> fetchOne(Parent parent, String id, PageRequest page) {
        Page<StatementView> one = backend.statements(parent.query.apply(List.of(id)), page.offset(), page.backendLimit());
        return Slice.of(one, page).map(Statement::new);
    }
}
