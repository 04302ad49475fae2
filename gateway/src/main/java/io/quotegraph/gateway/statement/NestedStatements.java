package io.quotegraph.gateway.statement;

import io.quotegraph.gateway.client.Batching;
import io.quotegraph.gateway.client.StatementQuery;
import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.StatementView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The statements connections of a batch of parents (articles, speakers or events), with one backend call for all of them.
 * <ul>
 * <li>Articles and speakers asked for their first page ({@code first} without {@code after}):
 * {@code GET /statements/per-parent?articleId=a&articleId=b&first=N} (per 100 parents, and per 1000 / N), each parent's
 * first N statements and its total; a field of the batch asking for a page beyond those fetches that page on its own.</li>
 * <li>Otherwise: {@code GET /statements?articleId=a&articleId=b&limit=1000} (per 100 parents), every statement of the
 * parents, grouped by parent and paged in the gateway. If the parents have more statements than one backend page holds,
 * each parent's page is fetched on its own instead.</li>
 * </ul>
 */
@ApplicationScoped
public class NestedStatements {

    private static final Logger LOG = Logger.getLogger(NestedStatements.class);

    /** The largest page statements-service serves. */
    static final int BATCH_LIMIT = 1000;

    /** The most statements one per-parent call returns (parents × first; statements-service's limit). */
    static final int PER_PARENT_MAX_ITEMS = 1000;

    /** Which statement field refers to the parent, and whether statements-service reads first pages per parent. */
    public enum Parent {
        ARTICLE(StatementView::articleId, StatementQuery::byArticles, true),
        SPEAKER(StatementView::speakerId, StatementQuery::bySpeakers, true),
        OCCASION(StatementView::occasionId, StatementQuery::byOccasions, false);

        private final Function<StatementView, String> key;
        private final Function<List<String>, StatementQuery> query;
        private final boolean perParent;

        Parent(Function<StatementView, String> key, Function<List<String>, StatementQuery> query, boolean perParent) {
            this.key = key;
            this.query = query;
            this.perParent = perParent;
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
        return connections(parent, parentIds, first, after, OptionalInt.empty());
    }

    /**
     * As {@link #connections(Parent, List, Integer, String)}; with {@code firstPage}, the largest first page any field of
     * the batch asks for (none asking for a later one: see {@link NestedStatementsSelection}), articles and speakers
     * get their first pages from statements-service's per-parent read.
     */
    public List<StatementConnection> connections(Parent parent, List<String> parentIds, Integer first, String after,
                                                 OptionalInt firstPage) {
        if (parentIds.size() == 1 && parentIds.get(0) != null) {
            return List.of(StatementConnection.of(fetchOne(parent, parentIds.get(0), PageRequest.of(first, after))));
        }
        Map<String, StatementConnection> byParent = new HashMap<>();
        if (parent.perParent && firstPage.isPresent()) {
            firstPages(parent, parentIds, firstPage.getAsInt(), byParent);
            return inOrder(parentIds, byParent);
        }
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
        return inOrder(parentIds, byParent);
    }

    /**
     * Each parent's first {@code first} statements and its total, from statements-service's per-parent read: one call
     * per chunk of the level's parents (at most 100, and at most {@value #PER_PARENT_MAX_ITEMS} / first, per call).
     */
    private void firstPages(Parent parent, List<String> parentIds, int first, Map<String, StatementConnection> byParent) {
        int perCall = Math.max(1, PER_PARENT_MAX_ITEMS / first);
        for (List<String> chunk : batching.chunks(parentIds)) {
            for (int from = 0; from < chunk.size(); from += perCall) {
                List<String> ids = chunk.subList(from, Math.min(chunk.size(), from + perCall));
                List<ParentStatementsView> pages = parent == Parent.ARTICLE
                        ? backend.firstStatementsOfArticles(ids, first)
                        : backend.firstStatementsOfSpeakers(ids, first);
                for (ParentStatementsView page : pages) {
                    String id = page.parentId();
                    byParent.put(id, StatementConnection.firstOf(page.items().stream().map(Statement::new).toList(),
                            first, page.totalCount(), request -> fetchOne(parent, id, request)));
                }
            }
        }
    }

    private static List<StatementConnection> inOrder(List<String> parentIds, Map<String, StatementConnection> byParent) {
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
