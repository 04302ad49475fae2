package io.quotegraph.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quotegraph.devstack.EmbeddedPostgresServer;

import java.util.Map;

/** A real PostgreSQL (embedded binaries, throw-away cluster) and a fake statements-service for the test run. */
public class IngestTestResources implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresServer postgres;
    private FakeStatementsService statements;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgresServer.start(null, 0);
        statements = FakeStatementsService.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "quarkus.rest-client.statements-service.url", statements.url(),
                // quick retries so that the outage test takes seconds
                "ingest.delivery.backoff-initial", "200ms",
                "ingest.delivery.backoff-max", "1s",
                // feed polling tests: look for due feeds every second, allow one-second poll intervals
                "ingest.feeds.check-interval", "1s",
                "ingest.feeds.min-poll-interval-seconds", "1");
    }

    @Override
    public void stop() {
        if (statements != null) {
            statements.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
