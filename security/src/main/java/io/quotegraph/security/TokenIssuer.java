package io.quotegraph.security;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Signs RS256 JWTs in the form the services verify: issuer, {@code upn}/{@code sub}, {@code groups}, expiry. */
public final class TokenIssuer {

    /** The issuer ({@code iss}) the services accept unless configured otherwise ({@code mp.jwt.verify.issuer}). */
    public static final String DEFAULT_ISSUER = "https://quotegraph.dev/dev";

    private final PrivateKey key;
    private final String issuer;

    public TokenIssuer(PrivateKey key) {
        this(key, DEFAULT_ISSUER);
    }

    public TokenIssuer(PrivateKey key, String issuer) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** A token for {@code subject} holding {@code roles}, valid from now for {@code ttl}. */
    public String issue(String subject, List<String> roles, Duration ttl) {
        return issue(subject, roles, Instant.now(), ttl);
    }

    public String issue(String subject, List<String> roles, Instant issuedAt, Duration ttl) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(roles));
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(issuedAt.plus(ttl).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
