package io.quotegraph.gateway.statement;

import io.quotegraph.gateway.client.Batching;
import io.quotegraph.gateway.client.StatementQuery;
import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.model.Span;
import io.quotegraph.model.StatementKind;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.ParentStatementsView;
import io.quotegraph.model.view.StatementView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The batching decisions of {@link NestedStatements}, against a recording backend stub. */
class NestedStatementsTest {

    /** Speaker s1 has 1500 statements, s2 has 3: more than one backend page holds. */
    static class Stub extends StatementsBackend {
        final List<String> calls = new ArrayList<>();

        @Override
        public Page<StatementView> statements(StatementQuery q, int offset, int limit) {
            calls.add(q.speakerIds() + " " + offset + " " + limit);
            List<StatementView> all = new ArrayList<>();
            for (String speaker : q.speakerIds()) {
                int n = speaker.equals("s1") ? 1500 : 3;
                IntStream.range(0, n).forEach(i -> all.add(view(speaker, i)));
            }
            int from = Math.min(offset, all.size());
            return new Page<>(all.subList(from, Math.min(all.size(), from + limit)), offset, limit, all.size());
        }
    }

    static StatementView view(String speaker, int i) {
        return new StatementView(speaker + "-art:" + i, speaker + "-art", i, StatementKind.DIRECT, new Span(0, 1, "x"),
                null, null, speaker, 0.9, null, Instant.EPOCH, "src");
    }

    private final Stub backend = new Stub();
    private final NestedStatements nested = new NestedStatements();

    {
        nested.batching = new Batching(true);
    }

    NestedStatementsTest() {
        nested.backend = backend;
    }

    private static List<String> ids(StatementConnection c, PageRequest page) {
        Slice<Statement> slice = c.page(page, Runnable::run).toCompletableFuture().join();
        return slice.items().stream().map(Statement::getId).toList();
    }

    @Test
    void aSingleParentIsCutByTheBackend() {
        List<StatementConnection> result = nested.connections(NestedStatements.Parent.SPEAKER, List.of("s2"), 2, null);
        assertThat(backend.calls).containsExactly("[s2] 0 2");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).isCut()).isTrue();
        assertThat(ids(result.get(0), null)).containsExactly("s2-art:0", "s2-art:1");
    }

    @Test
    void severalParentsShareOneCallAndAreCutPerField() {
        backend.calls.clear();
        NestedStatementsTest.Stub small = new Stub() {
            @Override
            public Page<StatementView> statements(StatementQuery q, int offset, int limit) {
                calls.add(q.speakerIds() + " " + offset + " " + limit);
                List<StatementView> all = new ArrayList<>();
                q.speakerIds().forEach(s -> IntStream.range(0, 3).forEach(i -> all.add(view(s, i))));
                return new Page<>(all, 0, limit, all.size());
            }
        };
        nested.backend = small;
        List<StatementConnection> result = nested.connections(NestedStatements.Parent.SPEAKER,
                List.of("s2", "s3", "s2"), 1, null);
        assertThat(small.calls).containsExactly("[s2, s3] 0 1000");
        assertThat(result).hasSize(3);
        assertThat(ids(result.get(0), new PageRequest(0, 1))).containsExactly("s2-art:0");
        assertThat(ids(result.get(2), new PageRequest(1, 5))).containsExactly("s2-art:1", "s2-art:2");
        assertThat(ids(result.get(1), new PageRequest(0, 5))).containsExactly("s3-art:0", "s3-art:1", "s3-art:2");
        assertThat(small.calls).hasSize(1);
    }

    @Test
    void tooManyStatementsFallBackToOneCallPerRequestedPage() {
        List<StatementConnection> result = nested.connections(NestedStatements.Parent.SPEAKER, List.of("s1", "s2"), 5, null);
        assertThat(backend.calls).containsExactly("[s1, s2] 0 1000");
        assertThat(ids(result.get(0), new PageRequest(1200, 2))).containsExactly("s1-art:1200", "s1-art:1201");
        assertThat(ids(result.get(1), new PageRequest(0, 5))).containsExactly("s2-art:0", "s2-art:1", "s2-art:2");
        Slice<Statement> s1 = result.get(0).page(new PageRequest(1200, 2), Runnable::run).toCompletableFuture().join();
        assertThat(s1.totalCount()).isEqualTo(1500);
        assertThat(s1.pageInfo().isHasNextPage()).isTrue();
        // the same page again (pageInfo after edges) is not fetched twice
        assertThat(backend.calls).containsExactly("[s1, s2] 0 1000", "[s1] 1200 2", "[s2] 0 5");
    }

    @Test
    void parentsAreSentAtMostHundredPerCall() {
        List<String> speakers = IntStream.range(0, 150).mapToObj(i -> "p" + i).toList();
        List<StatementConnection> result = nested.connections(NestedStatements.Parent.SPEAKER, speakers, 1, null);
        assertThat(backend.calls).hasSize(2);
        assertThat(backend.calls.get(0)).startsWith("[p0, p1,").endsWith("p99] 0 1000");
        assertThat(backend.calls.get(1)).startsWith("[p100,").endsWith("p149] 0 1000");
        assertThat(result).hasSize(150);
        assertThat(ids(result.get(149), new PageRequest(0, 1))).containsExactly("p149-art:0");
    }

    /** Article "big-i" has 40 statements, any other 3; records the per-parent calls beside the list calls. */
    static class PerParentStub extends Stub {
        final List<String> perParentCalls = new ArrayList<>();

        static int size(String article) {
            return article.startsWith("big") ? 40 : 3;
        }

        @Override
        public List<ParentStatementsView> firstStatementsOfArticles(List<String> articleIds, int first) {
            perParentCalls.add(articleIds.size() + " x " + first);
            return articleIds.stream().map(id -> new ParentStatementsView(id, size(id),
                    IntStream.range(0, Math.min(first, size(id))).mapToObj(i -> view(id, i)).toList())).toList();
        }

        @Override
        public Page<StatementView> statements(StatementQuery q, int offset, int limit) {
            String article = q.articleIds().get(0);
            calls.add(q.articleIds() + " " + offset + " " + limit);
            List<StatementView> all = IntStream.range(0, size(article)).mapToObj(i -> view(article, i)).toList();
            int from = Math.min(offset, all.size());
            return new Page<>(all.subList(from, Math.min(all.size(), from + limit)), offset, limit, all.size());
        }
    }

    @Test
    void firstPagesAreReadPerParentAtMostThousandStatementsPerCall() {
        PerParentStub stub = new PerParentStub();
        nested.backend = stub;
        List<String> articles = IntStream.range(0, 50).mapToObj(i -> "big-" + i).toList();
        List<StatementConnection> result = nested.connections(NestedStatements.Parent.ARTICLE, articles, 10, null,
                OptionalInt.of(30));
        assertThat(stub.perParentCalls).containsExactly("33 x 30", "17 x 30"); // 33 × 30 ≤ 1000
        assertThat(result).hasSize(50);
        // pages within the first 30 are cut from them, with the parent's total
        Slice<Statement> first10 = result.get(49).page(new PageRequest(0, 10), Runnable::run).toCompletableFuture().join();
        assertThat(first10.items().stream().map(Statement::getId).toList())
                .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "big-49-art:" + i).toList());
        assertThat(first10.totalCount()).isEqualTo(40);
        assertThat(first10.pageInfo().isHasNextPage()).isTrue();
        assertThat(ids(result.get(0), new PageRequest(25, 5))).containsExactly("big-0-art:25", "big-0-art:26", "big-0-art:27",
                "big-0-art:28", "big-0-art:29");
        assertThat(stub.calls).isEmpty();
        // a page reaching beyond them is fetched on its own
        assertThat(ids(result.get(0), new PageRequest(28, 4))).containsExactly("big-0-art:28", "big-0-art:29", "big-0-art:30",
                "big-0-art:31");
        assertThat(stub.calls).containsExactly("[big-0] 28 4");
    }

    @Test
    void aParentWithFewerStatementsThanAskedIsComplete() {
        PerParentStub stub = new PerParentStub();
        nested.backend = stub;
        List<StatementConnection> result = nested.connections(NestedStatements.Parent.ARTICLE,
                List.of("small", "big-1", "small"), 5, null, OptionalInt.of(5));
        assertThat(stub.perParentCalls).containsExactly("2 x 5");
        Slice<Statement> beyond = result.get(2).page(new PageRequest(2, 10), Runnable::run).toCompletableFuture().join();
        assertThat(beyond.items().stream().map(Statement::getId).toList()).containsExactly("small-art:2");
        assertThat(beyond.totalCount()).isEqualTo(3);
        assertThat(beyond.pageInfo().isHasNextPage()).isFalse();
        assertThat(ids(result.get(0), new PageRequest(10, 5))).isEmpty();
        assertThat(stub.calls).isEmpty();
    }

    @Test
    void eventsAndLaterPagesKeepTheListRead() {
        PerParentStub stub = new PerParentStub();
        nested.backend = stub;
        nested.connections(NestedStatements.Parent.ARTICLE, List.of("small", "big-1"), 5, null, OptionalInt.empty());
        assertThat(stub.perParentCalls).isEmpty();
        assertThat(stub.calls).containsExactly("[small, big-1] 0 1000");
    }
}
