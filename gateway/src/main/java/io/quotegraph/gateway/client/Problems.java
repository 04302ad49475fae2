package io.quotegraph.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Turns a backend's error response (application/problem+json for 4xx) into a {@link BackendException}. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static BackendException toException(String service, Response response) {
        int status = response.getStatus();
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException ignored) {
            // no readable body: fall back to the status line
        }
        String detail = problemText(body);
        // said plainly, so that an API client can tell a missing/bad token or role from a backend failure
        if (status == 401) {
            return new BackendException(service, status, "unauthorized: " + (detail == null
                    ? service + " needs a valid bearer token (Authorization: Bearer <JWT>)" : detail));
        }
        if (status == 403) {
            return new BackendException(service, status, "forbidden: " + (detail == null
                    ? "the token does not grant the role this operation needs" : detail));
        }
        if (status >= 400 && status < 500) {
            if (detail == null) {
                detail = service + " rejected the request (HTTP " + status + ")";
            }
            return new BackendException(service, status, detail);
        }
        return new BackendException(service, status,
                service + " failed (HTTP " + status + ")" + (detail == null ? "" : ": " + detail));
    }

    private static String problemText(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                for (String field : new String[] {"detail", "title", "message"}) {
                    JsonNode value = node.get(field);
                    if (value != null && value.isTextual() && !value.asText().isBlank()) {
                        return value.asText();
                    }
                }
            }
        } catch (Exception ignored) {
            // not JSON
        }
        return null;
    }
}
