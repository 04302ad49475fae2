package io.quotegraph.gateway.graphql;

import io.quotegraph.model.view.Page;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void cursorsRoundTripAndAreOpaque() {
        for (long offset : new long[] {0, 1, 19, 12345}) {
            String cursor = Cursors.encode(offset);
            assertThat(cursor).doesNotContain("offset").doesNotContain("=");
            assertThat(Cursors.decode(cursor)).isEqualTo(offset);
        }
        assertThatThrownBy(() -> Cursors.decode("garbage!")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode(-1))).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void pageRequestDefaultsAndLimits() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(100, Cursors.encode(19))).isEqualTo(new PageRequest(20, 100));
        assertThat(PageRequest.of(0, null).backendLimit()).isEqualTo(1);
        assertThatThrownBy(() -> PageRequest.of(101, null)).hasMessageContaining("100");
        assertThatThrownBy(() -> PageRequest.of(-1, null)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void slicesOfListsAndBackendPages() {
        Slice<String> middle = Slice.of(List.of("a", "b", "c", "d", "e"), new PageRequest(1, 2));
        assertThat(middle.items()).containsExactly("b", "c");
        assertThat(middle.totalCount()).isEqualTo(5);
        assertThat(middle.pageInfo().isHasNextPage()).isTrue();
        assertThat(middle.pageInfo().getEndCursor()).isEqualTo(Cursors.encode(2));
        assertThat(middle.edges((item, cursor) -> item + "@" + Cursors.decode(cursor))).containsExactly("b@1", "c@2");

        Slice<String> beyond = Slice.of(List.of("a"), new PageRequest(5, 2));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.pageInfo().isHasNextPage()).isFalse();
        assertThat(beyond.pageInfo().getEndCursor()).isNull();

        Slice<String> trimmed = Slice.of(new Page<>(List.of("x"), 3, 1, 4), new PageRequest(3, 0));
        assertThat(trimmed.items()).isEmpty();
        assertThat(trimmed.pageInfo().isHasNextPage()).isTrue();
        assertThat(trimmed.count()).isEqualTo(4);
    }
}
