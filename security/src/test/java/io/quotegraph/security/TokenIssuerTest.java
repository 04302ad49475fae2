package io.quotegraph.security;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenIssuerTest {

    private static JwtConsumer devConsumer() {
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setExpectedIssuer(TokenIssuer.DEFAULT_ISSUER)
                .setVerificationKey(DevKeys.publicKey())
                .build();
    }

    @Test
    void devTokenVerifiesWithTheDevPublicKeyAndCarriesSubjectAndGroups() throws Exception {
        String token = DevKeys.issuer().issue("alice", List.of(Roles.CURATOR), Duration.ofMinutes(5));

        JwtClaims claims = devConsumer().processToClaims(token);

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("curator");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
    }

    @Test
    void expiredTokenIsRejected() {
        String token = DevKeys.issuer().issue("bob", List.of(Roles.INGESTOR),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));

        assertThatThrownBy(() -> devConsumer().processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = new TokenIssuer(generator.generateKeyPair().getPrivate())
                .issue("mallory", List.of(Roles.CURATOR), Duration.ofMinutes(5));

        assertThatThrownBy(() -> devConsumer().processToClaims(token)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void pemReaderRejectsTheWrongBlock() {
        String publicPem = Pem.read(DevKeys.PUBLIC_KEY_LOCATION);
        assertThatThrownBy(() -> Pem.privateKey(publicPem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenIssuer(DevKeys.privateKey()).issue(" ", List.of(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceTokensAreCachedUntilThreeQuartersOfTheirLife() {
        var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ServiceTokens tokens = new ServiceTokens(DevKeys.issuer(), "ingest-service", List.of(Roles.SERVICE),
                Duration.ofMinutes(60), clock);

        String first = tokens.token();
        now.set(now.get().plus(Duration.ofMinutes(44)));
        assertThat(tokens.token()).isSameAs(first);
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(tokens.bearer()).startsWith("Bearer ey");
    }
}
