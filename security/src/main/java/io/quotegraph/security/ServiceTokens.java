package io.quotegraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A caching minter of one subject's token: a new one is signed when the current one has less than a quarter of its
 * life left, so callers can ask on every request.
 */
public final class ServiceTokens {

    private final TokenIssuer issuer;
    private final String subject;
    private final List<String> roles;
    private final Duration ttl;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceTokens(TokenIssuer issuer, String subject, List<String> roles, Duration ttl) {
        this(issuer, subject, roles, ttl, Clock.systemUTC());
    }

    ServiceTokens(TokenIssuer issuer, String subject, List<String> roles, Duration ttl, Clock clock) {
        this.issuer = issuer;
        this.subject = subject;
        this.roles = List.copyOf(roles);
        this.ttl = ttl;
        this.clock = clock;
    }

    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            token = issuer.issue(subject, roles, now, ttl);
            renewAt = now.plus(ttl.multipliedBy(3).dividedBy(4));
        }
        return token;
    }

    /** The {@code Authorization} header value. */
    public String bearer() {
        return "Bearer " + token();
    }
}
