package io.quotegraph.rest.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quotegraph.security.DevKeys;
import io.quotegraph.security.TokenIssuer;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The services' test profile with access control on, as in production (their functional tests run with it off). */
public class AuthOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quotegraph.auth.enabled", "true");
    }

    /** ... and with reads protected too. */
    public static class ProtectedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quotegraph.auth.enabled", "true", "quotegraph.auth.protect-reads", "true");
        }
    }

    public static String bearer(String subject, String... roles) {
        return "Bearer " + DevKeys.issuer().issue(subject, List.of(roles), Duration.ofMinutes(5));
    }

    public static String expired(String subject, String... roles) {
        return "Bearer " + DevKeys.issuer().issue(subject, List.of(roles), Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }

    /** A well-formed token with the right claims, signed by a key the service does not trust. */
    public static String foreign(String subject, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "Bearer " + new TokenIssuer(generator.generateKeyPair().getPrivate())
                    .issue(subject, List.of(roles), Duration.ofMinutes(5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
