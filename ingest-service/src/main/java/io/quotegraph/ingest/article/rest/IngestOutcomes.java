package io.quotegraph.ingest.article.rest;

import io.quotegraph.ingest.article.service.ArticleService;
import io.quotegraph.ingest.article.service.IngestResult;
import io.quotegraph.model.view.ArticleStatus;
import io.quotegraph.rest.ProblemException;
import jakarta.validation.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns the ingestion of one item of a batch or a feed into its result line: a bad item never fails the others. */
public final class IngestOutcomes {

    private static final Logger LOG = Logger.getLogger(IngestOutcomes.class);

    private IngestOutcomes() {
    }

    /** The line of one item of {@link ArticleService#ingestAll}. */
    public static BatchLineResult of(int line, ArticleService.Ingested ingested) {
        return of(line, ingested::get);
    }

    private static BatchLineResult of(int line, Supplier<IngestResult> ingestion) {
        try {
            IngestResult result = ingestion.get();
            if (!result.created()) {
                return new BatchLineResult(line, BatchLineResult.DUPLICATE, result.article().id(), result.reason());
            }
            if (result.article().status() == ArticleStatus.DUPLICATE) {
                // stored, but as a republication of another article: its statements are not counted again
                return new BatchLineResult(line, BatchLineResult.DUPLICATE, result.article().id(),
                        result.article().statusReason());
            }
            return new BatchLineResult(line, BatchLineResult.ACCEPTED, result.article().id(), null);
        } catch (ProblemException e) {
            return rejected(line, e.getMessage());
        } catch (ConstraintViolationException e) {
            return rejected(line, e.getConstraintViolations().stream()
                    .map(v -> lastSegment(v.getPropertyPath().toString()) + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            LOG.errorf(e, "item %d failed", line);
            return rejected(line, "an internal error occurred; it has been logged");
        }
    }

    public static BatchLineResult rejected(int line, String reason) {
        return new BatchLineResult(line, BatchLineResult.REJECTED, null, reason);
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
