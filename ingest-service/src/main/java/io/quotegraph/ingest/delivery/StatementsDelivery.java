package io.quotegraph.ingest.delivery;

import io.quotegraph.model.view.DeliveryBatchResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * One delivery request (a batch of articles) to statements-service with short in-call retries (SmallRye Fault Tolerance). Longer outages are
 * handled by the worker's persistent retries with exponential backoff; the circuit breaker keeps a dead
 * statements-service from costing every article its full set of in-call retries.
 */
@ApplicationScoped
public class StatementsDelivery {

    @Inject
    @RestClient
    StatementsClient client;

    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS,
            abortOn = {StatementsServiceException.RejectedByStatementsService.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.8, delay = 2, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = StatementsServiceException.RejectedByStatementsService.class)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    public DeliveryBatchResult deliverAll(byte[] extractionsJson) {
        return client.deliverAll(extractionsJson);
    }
}
