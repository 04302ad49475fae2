package io.quotegraph.security;

/** The roles a token's {@code groups} claim can grant. Reads need none (unless protected by config). */
public final class Roles {

    /** May submit articles and feeds to ingest-service. */
    public static final String INGESTOR = "ingestor";
    /** May curate speakers, entities and the gazetteer in statements-service. */
    public static final String CURATOR = "curator";
    /** Held by ingest-service itself: may deliver extractions to statements-service. */
    public static final String SERVICE = "service";

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return INGESTOR.equals(role) || CURATOR.equals(role) || SERVICE.equals(role);
    }
}
