package io.quotegraph.ingest.delivery;

import jakarta.ws.rs.core.Response;

/** statements-service answered with an error status. 4xx (other than 408 and 429) are not retried in-call. */
public class StatementsServiceException extends RuntimeException {

    private final int status;

    public StatementsServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return status >= 500 || status == 408 || status == 429;
    }

    static StatementsServiceException of(Response response) {
        String body = "";
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException ignored) {
            // the status says enough
        }
        String detail = body == null || body.isBlank() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        StatementsServiceException e = new StatementsServiceException(response.getStatus(),
                "statements-service answered " + response.getStatus() + detail);
        return e.retryable() ? e : new RejectedByStatementsService(response.getStatus(), e.getMessage());
    }

    /** A 4xx answer: retrying the same call at once would get the same answer. */
    public static class RejectedByStatementsService extends StatementsServiceException {
        public RejectedByStatementsService(int status, String message) {
            super(status, message);
        }
    }
}
