package io.quotegraph.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.quotegraph.ingest.feed.FeedParser;
import io.quotegraph.rest.ProblemException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed parser on arbitrary bytes: a document is either a feed (every item an article or a stated problem) or a
 * {@link ProblemException} 400, the one documented failure; nothing else escapes, nothing hangs.
 */
class FeedParserFuzzTest {

    private static final Instant FETCHED_AT = Instant.parse("2024-01-01T00:00:00Z");

    @FuzzTest(maxDuration = "12m", maxExecutions = 40_000)
    void parse(byte[] xml) {
        FeedParser.ParsedFeed feed;
        try {
            feed = Bounded.call("feed parser", () -> FeedParser.parse(xml, null, FETCHED_AT));
        } catch (ProblemException e) {
            assertThat(e.type().status()).isEqualTo(400);
            return;
        }
        for (FeedParser.FeedItem item : feed.items()) {
            assertThat(item.article() == null).isEqualTo(item.problem() != null);
        }
    }
}
