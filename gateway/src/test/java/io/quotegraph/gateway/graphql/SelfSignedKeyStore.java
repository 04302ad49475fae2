package io.quotegraph.gateway.graphql;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An HTTPS listener for the gateway under test: a self-signed PKCS12 key store for localhost, made with the JDK's own
 * {@code keytool} (the Quarkus certificate generator is not in the offline Maven repository), served through the
 * default TLS configuration on a free port beside the plain one.
 */
public class SelfSignedKeyStore implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "gateway-test";
    private static final String KEY_STORE_FILE = "gateway.p12";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("gateway-tls");
            Path keyStore = directory.resolve(KEY_STORE_FILE);
            generate(keyStore);
            return Map.of("quarkus.tls.key-store.p12.path", keyStore.toString(),
                    "quarkus.tls.key-store.p12.password", PASSWORD,
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "enabled");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generate(Path keyStore) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gateway",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed: "
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void stop() {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(KEY_STORE_FILE));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
