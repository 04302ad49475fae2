package io.quotegraph.ingest.config;

import io.quotegraph.security.Pem;
import io.quotegraph.security.Roles;
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

/**
 * ingest-service's own credentials towards statements-service: a token with the {@code service} role, signed with
 * {@code quotegraph.auth.service-key.location} (the dev key unless configured) and renewed before it expires.
 * Registered on the REST client with {@code @RegisterClientHeaders}.
 */
@ApplicationScoped
public class ServiceCredentials implements ClientHeadersFactory {

    @ConfigProperty(name = "quotegraph.auth.service-key.location")
    String keyLocation;
    @ConfigProperty(name = "quotegraph.auth.service-token.subject", defaultValue = "ingest-service")
    String subject;
    @ConfigProperty(name = "quotegraph.auth.service-token.ttl", defaultValue = "1h")
    Duration ttl;
    @ConfigProperty(name = "quotegraph.auth.issuer", defaultValue = TokenIssuer.DEFAULT_ISSUER)
    String issuer;

    private ServiceTokens tokens;

    @PostConstruct
    void init() {
        tokens = new ServiceTokens(new TokenIssuer(Pem.privateKey(Pem.read(keyLocation)), issuer), subject,
                List.of(Roles.SERVICE), ttl);
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", tokens.bearer());
        return headers;
    }
}
