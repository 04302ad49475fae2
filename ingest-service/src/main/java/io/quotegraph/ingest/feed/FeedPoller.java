package io.quotegraph.ingest.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Polls the registered feeds that are due, every {@code ingest.feeds.check-interval}; one round at a time. */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    @Inject
    FeedConfig config;

    @Inject
    FeedService feeds;

    @Scheduled(every = "${ingest.feeds.check-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDueFeeds() {
        if (!config.enabled()) {
            return;
        }
        try {
            while (feeds.pollDue() == config.batchSize()) {
                // a full round: more feeds may be due
            }
        } catch (RuntimeException e) {
            LOG.error("feed polling round failed; retrying on the next round", e);
        }
    }
}
