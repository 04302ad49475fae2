package io.quotegraph.gateway.statement;

import io.quotegraph.gateway.client.BackendException;
import io.quotegraph.gateway.client.StatementsBackend;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a subscription to what only readers may see open only while its subscriber may read. The statement stream is
 * read with the gateway's own token, so statements-service is asked with the subscriber's token
 * ({@link StatementsBackend#checkReadAccess}) when the subscription starts, and once more when that token expires
 * (its {@code exp} claim, read without verifying the signature: statements-service verifies the token on the check).
 * A refusal fails the subscription with a {@link SubscriptionRefusedException} ({@code unauthorized:} or
 * {@code forbidden:}), which SmallRye GraphQL sends the subscriber as the error of a last, null, result before it
 * completes the subscription.
 */
@ApplicationScoped
public class SubscriberAccess {

    static final String UNAUTHORIZED = "unauthorized: reading statements needs a valid bearer token (Authorization "
            + "header on the WebSocket upgrade, or in the connection_init payload)";

    private static final Logger LOG = Logger.getLogger(SubscriberAccess.class);
    /** Reads a token's claims only: whether it is genuine is statements-service's to say. */
    private static final JwtConsumer CLAIMS = new JwtConsumerBuilder().setSkipSignatureVerification()
            .setDisableRequireSignature().setSkipAllValidators().build();

    @Inject
    StatementsBackend statements;

    /**
     * How long after its expiry a subscriber's token is checked again. statements-service (SmallRye JWT) accepts a
     * token until 60 s after its {@code exp} by default ({@code mp.jwt.verify.clock.skew}): a check before that
     * would still pass, so the default waits a little longer.
     */
    @ConfigProperty(name = "quotegraph.gateway.subscription.expiry-recheck-delay", defaultValue = "61s")
    Duration recheckDelay;

    /**
     * The items, subscribed to once statements-service lets this Authorization read, and failed with the refusal if
     * it does not, at the start or when the token is checked again after its expiry.
     *
     * @param authorization the subscriber's Authorization header value, or null for none
     */
    public <T> Multi<T> whileAllowed(String authorization, Supplier<Multi<T>> items) {
        Multi<T> checked = check(authorization).onItem().transformToMulti(allowed -> items.get());
        Optional<Instant> expiry = expiry(authorization);
        if (expiry.isEmpty()) {
            return checked;
        }
        Duration untilRecheck = Duration.between(Instant.now(), expiry.get()).plus(recheckDelay);
        Multi<T> recheck = Uni.createFrom().voidItem()
                .onItem().delayIt().by(untilRecheck.isNegative() ? Duration.ZERO : untilRecheck)
                .chain(() -> check(authorization))
                .onItem().transformToMulti(allowed -> Multi.createFrom().<T>empty());
        return Multi.createBy().merging().streams(checked, recheck);
    }

    private Uni<Void> check(String authorization) {
        return statements.checkReadAccess(authorization).onFailure(BackendException.class).transform(e -> {
            BackendException refusal = (BackendException) e;
            // a client error, not the gateway's: one line, no stack trace
            LOG.infof("statement subscription refused (HTTP %d from %s): %s", refusal.status(), refusal.service(),
                    refusal.getMessage());
            return new SubscriptionRefusedException(refusal.status() == 401
                    ? UNAUTHORIZED + "; " + refusal.service() + ": " + refusal.getMessage().replaceFirst("^unauthorized: ", "")
                    : refusal.getMessage());
        });
    }

    /** The token's expiry ({@code exp}), or empty if there is no token or it is not a JWT with one. */
    static Optional<Instant> expiry(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            NumericDate exp = CLAIMS.processToClaims(authorization.substring(7).trim()).getExpirationTime();
            return exp == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(exp.getValue()));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
