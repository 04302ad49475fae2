package io.quotegraph.rest.security;

import io.quotegraph.security.Pem;
import io.quotegraph.security.ServiceTokens;
import io.quotegraph.security.TokenIssuer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A service's own credentials towards the other services: a token for {@code quotegraph.auth.service-token.subject}
 * holding {@code quotegraph.auth.service-token.roles} (none unless configured), signed with
 * {@code quotegraph.auth.service-key.location} and renewed before it expires (at 3/4 of its life, so a caller asking
 * for it before each request never sends an expired one). Registered on REST clients with
 * {@code @RegisterClientHeaders} (ingest-service's deliveries, role {@code service}); connections made outside the REST
 * client take {@link #bearer()} (the gateway's statement stream, no role: protected reads only need a valid token).
 */
@ApplicationScoped
public class ServiceCredentials implements ClientHeadersFactory {

    @ConfigProperty(name = "quotegraph.auth.service-key.location")
    String keyLocation;
    @ConfigProperty(name = "quotegraph.auth.service-token.subject")
    String subject;
    @ConfigProperty(name = "quotegraph.auth.service-token.roles")
    Optional<List<String>> roles;
    @ConfigProperty(name = "quotegraph.auth.service-token.ttl", defaultValue = "1h")
    Duration ttl;
    @ConfigProperty(name = "quotegraph.auth.issuer", defaultValue = TokenIssuer.DEFAULT_ISSUER)
    String issuer;

    private ServiceTokens tokens;

    @PostConstruct
    void init() {
        tokens = new ServiceTokens(new TokenIssuer(Pem.privateKey(Pem.read(keyLocation)), issuer), subject,
                roles.orElse(List.of()), ttl);
    }

    /** The {@code Authorization} header value: the current token, a new one when it is near its expiry. */
    public String bearer() {
        return tokens.bearer();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", bearer());
        return headers;
    }
}
