package io.quotegraph.ingest.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts ingested articles by endpoint and outcome ({@code quotegraph_ingest_articles_total{endpoint,outcome}}) from
 * the answers of the ingest API, so that the resource code needs no metrics calls:
 * <ul>
 * <li>{@code POST /articles}: 201 accepted, 200 duplicate, 4xx rejected, 5xx error;</li>
 * <li>{@code POST /articles/batch}: one count per answer line, by its {@code status}; a batch refused as a whole
 * (over a limit, wrong media type) counts as one rejection, since its articles were never read.</li>
 * </ul>
 */
@Provider
public class IngestOutcomeMetrics implements ContainerResponseFilter {

    public static final String METER = "quotegraph.ingest.articles";

    private static final Logger LOG = Logger.getLogger(IngestOutcomeMetrics.class);

    enum Endpoint { SINGLE, BATCH }

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED, ERROR }

    private final Map<Endpoint, Map<Outcome, Counter>> counters = new EnumMap<>(Endpoint.class);
    private final ObjectMapper json;

    @Inject
    public IngestOutcomeMetrics(MeterRegistry registry, ObjectMapper json) {
        this.json = json;
        // registered up front so that every series exists (at 0) before the first article
        for (Endpoint endpoint : Endpoint.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(METER)
                        .description("Articles sent to the ingest API, by endpoint and outcome")
                        .baseUnit("articles")
                        .tag("endpoint", endpoint.name().toLowerCase())
                        .tag("outcome", outcome.name().toLowerCase())
                        .register(registry));
            }
            counters.put(endpoint, byOutcome);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        Endpoint endpoint = endpointOf(request.getUriInfo().getPath());
        if (endpoint == null) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500) {
            count(endpoint, Outcome.ERROR, 1);
        } else if (status >= 400) {
            count(endpoint, Outcome.REJECTED, 1);
        } else if (endpoint == Endpoint.SINGLE) {
            count(endpoint, status == 201 ? Outcome.ACCEPTED : Outcome.DUPLICATE, 1);
        } else {
            countBatchLines(response.getEntity());
        }
    }

    private static Endpoint endpointOf(String path) {
        String p = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return switch (p) {
            case "articles" -> Endpoint.SINGLE;
            case "articles/batch" -> Endpoint.BATCH;
            default -> null;
        };
    }

    private void countBatchLines(Object entity) {
        if (!(entity instanceof String ndjson)) {
            LOG.debugf("batch answer is a %s, not NDJSON text: its lines are not counted",
                    entity == null ? "null" : entity.getClass().getName());
            return;
        }
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode status = json.readTree(line).get("status");
                Outcome outcome = status == null ? null : switch (status.asText()) {
                    case "accepted" -> Outcome.ACCEPTED;
                    case "duplicate" -> Outcome.DUPLICATE;
                    case "rejected" -> Outcome.REJECTED;
                    default -> null;
                };
                if (outcome != null) {
                    count(Endpoint.BATCH, outcome, 1);
                }
            } catch (IOException e) {
                LOG.debugf("unreadable batch answer line, not counted: %s", e.getMessage());
            }
        }
    }

    private void count(Endpoint endpoint, Outcome outcome, int n) {
        counters.get(endpoint).get(outcome).increment(n);
    }
}
