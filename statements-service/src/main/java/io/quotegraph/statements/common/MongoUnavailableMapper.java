package io.quotegraph.statements.common;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.quotegraph.rest.Problem;
import io.quotegraph.rest.ProblemType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * MongoDB unreachable: 503 problem (so that callers such as ingest-service retry later) instead of the generic 500.
 * Bad input and not-found are answered by rest-common's mappers.
 */
public class MongoUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(MongoUnavailableMapper.class);

    @ServerExceptionMapper({MongoTimeoutException.class, MongoSocketException.class})
    public Response unavailable(RuntimeException e) {
        LOG.warn("MongoDB unavailable: " + e.getMessage());
        return Response.status(ProblemType.UNAVAILABLE.status()).type(Problem.MEDIA_TYPE)
                .header("Retry-After", "10")
                .entity(Problem.of(ProblemType.UNAVAILABLE, "the statements database is unavailable; retry later"))
                .build();
    }
}
