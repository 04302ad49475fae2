package io.quotegraph.security;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The committed DEVELOPMENT key pair (src/main/resources/META-INF/quotegraph-dev-keys): it lets the embedded
 * defaults, tests and the launcher sign and verify tokens with no setup. Its private key is public knowledge, so it
 * must never verify tokens in production: deployments point the services at their own keys (docs/security.md).
 */
public final class DevKeys {

    public static final String PUBLIC_KEY_LOCATION = "classpath:META-INF/quotegraph-dev-keys/dev-public-key.pem";
    public static final String PRIVATE_KEY_LOCATION = "classpath:META-INF/quotegraph-dev-keys/dev-private-key.pem";

    private DevKeys() {
    }

    public static PrivateKey privateKey() {
        return Pem.privateKey(readResource(PRIVATE_KEY_LOCATION));
    }

    public static PublicKey publicKey() {
        return Pem.publicKey(readResource(PUBLIC_KEY_LOCATION));
    }

    /** A token issuer signing with the dev private key. */
    public static TokenIssuer issuer() {
        return new TokenIssuer(privateKey());
    }

    private static String readResource(String location) {
        return Pem.read(location);
    }
}
