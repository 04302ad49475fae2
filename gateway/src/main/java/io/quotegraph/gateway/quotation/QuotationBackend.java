package io.quotegraph.gateway.quotation;

import io.quotegraph.gateway.client.BackendCalls;
import io.quotegraph.gateway.client.Batching;
import io.quotegraph.gateway.client.StatementsClient;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.QuotationOccurrenceView;
import io.quotegraph.model.view.QuotationView;
import io.quotegraph.model.view.SimilarStatementView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quotations and similar statements in statements-service; failures become gateway errors naming the service. */
@ApplicationScoped
public class QuotationBackend {

    private static final String SERVICE = StatementsClient.SERVICE;

    @Inject
    @RestClient
    QuotationsClient client;
    @Inject
    Batching batching;

    public Optional<QuotationView> quotation(String id) {
        return BackendCalls.find(SERVICE, () -> client.quotation(id));
    }

    public Page<QuotationView> ofSpeaker(String speakerId, QuotationOrder order, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.quotations(speakerId, null, order.backendSort(), offset, limit));
    }

    /** The quotation of each of these statements that has one, by statement id: one call per 100 distinct ids. */
    public Map<String, QuotationView> byStatement(Collection<String> statementIds) {
        Map<String, QuotationView> byStatement = new HashMap<>();
        for (List<String> chunk : batching.chunks(statementIds)) {
            for (QuotationView quotation : BackendCalls.call(SERVICE,
                    () -> client.quotations(null, chunk, null, 0, chunk.size())).items()) {
                for (QuotationOccurrenceView occurrence : quotation.occurrences()) {
                    byStatement.put(occurrence.statementId(), quotation);
                }
            }
        }
        return byStatement;
    }

    /** The statements similar to each of these, by statement id, best first: one call per 100 distinct ids. */
    public Map<String, List<SimilarStatementView>> similar(Collection<String> statementIds) {
        Map<String, List<SimilarStatementView>> byStatement = new HashMap<>();
        for (List<String> chunk : batching.chunks(statementIds)) {
            for (SimilarStatementView similar : BackendCalls.call(SERVICE, () -> client.similar(chunk))) {
                byStatement.computeIfAbsent(similar.statementId(), k -> new ArrayList<>()).add(similar);
            }
        }
        return byStatement;
    }
}
