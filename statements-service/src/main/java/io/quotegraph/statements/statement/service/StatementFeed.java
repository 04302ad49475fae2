package io.quotegraph.statements.statement.service;

import io.quotegraph.model.view.StatementView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.List;

/**
 * The statements of each completed delivery, as they are stored, to whoever listens now (GET /statements/stream).
 * In-process only: a listener hears the deliveries of this replica alone, and nothing is replayed after a reconnect.
 */
@ApplicationScoped
public class StatementFeed {

    private final BroadcastProcessor<StatementView> processor = BroadcastProcessor.create();

    /** Publishes a delivered article's statement documents (the form {@code DeliveryService} writes). */
    public void published(List<Document> statements) {
        for (Document statement : statements) {
            processor.onNext(StatementService.toView(statement));
        }
    }

    /** The statements published from now on; listeners that cannot keep up lose the oldest (bounded buffer). */
    public Multi<StatementView> statements() {
        return processor.onOverflow().buffer(1024);
    }
}
