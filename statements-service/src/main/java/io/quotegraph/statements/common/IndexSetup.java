package io.quotegraph.statements.common;

import io.quarkus.runtime.StartupEvent;
import io.quotegraph.statements.event.repository.EventRepository;
import io.quotegraph.statements.event.service.EventService;
import io.quotegraph.statements.quotation.repository.QuotationBucketRepository;
import io.quotegraph.statements.quotation.repository.QuotationRepository;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Creates the collections' indexes at startup (idempotent); the unique ones keep concurrent deliveries from duplicating.
 * Also fills id sets added after a store was first written, and marks banded the speakers of a store written before
 * the quotations' speaker lists (once each).
 */
@ApplicationScoped
public class IndexSetup {

    private static final Logger LOG = Logger.getLogger(IndexSetup.class);

    @Inject
    StatementRepository statements;
    @Inject
    SpeakerRepository speakers;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    EventRepository events;
    @Inject
    io.quotegraph.statements.curation.repository.CurationRepository curation;
    @Inject
    EventService eventService;
    @Inject
    IdSets sets;
    @Inject
    QuotationBucketRepository quotationBuckets;
    @Inject
    QuotationRepository quotations;

    private volatile boolean done;

    void onStart(@Observes StartupEvent event) {
        // in the background: an unreachable MongoDB must not hold up the HTTP server (readiness reports it)
        Thread setup = new Thread(() -> {
            try {
                ensure();
                LOG.debug("MongoDB indexes are in place");
            } catch (RuntimeException e) {
                LOG.warn("could not create the MongoDB indexes yet; the first delivery tries again: " + e.getMessage());
            }
        }, "statements-index-setup");
        setup.setDaemon(true);
        setup.start();
    }

    /** Creates the indexes unless done already; deliveries call it first so they never run without unique indexes. */
    public void ensure() {
        if (done) {
            return;
        }
        synchronized (this) {
            if (!done) {
                statements.ensureIndexes();
                speakers.ensureIndexes();
                articleSpeakers.ensureIndexes();
                events.ensureIndexes();
                curation.ensureIndexes();
                eventService.fillArticleSets();
                quotations.fillSpeakerSets();
                if (!sets.isFilled(QuotationBucketRepository.SPEAKER_LISTS)) {
                    quotationBuckets.markBandedSpeakersOfBuckets();
                    sets.markFilled(QuotationBucketRepository.SPEAKER_LISTS);
                }
                done = true;
            }
        }
    }
}
