package io.quotegraph.devstack;

import io.quotegraph.security.DevKeys;
import io.quotegraph.security.Roles;
import io.quotegraph.security.ServiceTokens;

import java.time.Duration;
import java.util.List;

/**
 * Tokens signed with the committed DEV key, for what the launcher itself does against the services it starts
 * (samples, ingest, load, fault and bench scenarios). Useless against a deployment with its own keys, as intended.
 */
public final class DevTokens {

    /** The subject of the launcher's own token (curation logs name it). */
    public static final String LAUNCHER = "quotegraph-launcher";

    private static final ServiceTokens LAUNCHER_TOKENS = new ServiceTokens(DevKeys.issuer(), LAUNCHER,
            List.of(Roles.INGESTOR, Roles.CURATOR), Duration.ofHours(1));

    private DevTokens() {
    }

    /** "Bearer ..." with the ingestor and curator roles, renewed before it expires. */
    public static String launcher() {
        return LAUNCHER_TOKENS.bearer();
    }

    /** "Bearer ..." for {@code subject} with {@code roles}, valid for {@code ttl}. */
    public static String bearer(String subject, List<String> roles, Duration ttl) {
        return "Bearer " + DevKeys.issuer().issue(subject, roles, ttl);
    }
}
