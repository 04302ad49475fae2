package io.quotegraph.statements.common;

import com.mongodb.MongoClientSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.mongodb.runtime.MongoClientCustomizer;
import io.quarkus.mongodb.tracing.MongoTracingCommandListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A span per MongoDB command (Quarkus's listener), only while the OpenTelemetry SDK is on (the kube profile). Quarkus
 * registers its own listener at build time ({@code quarkus.mongodb.tracing.enabled}, off in application.properties)
 * and it renders every command as JSON for the span even when the SDK is off. Quarkus also collects every
 * {@code CommandListener} bean at build time, so a listener bean that does nothing while the SDK is off still costs a
 * call per command event: this customizer adds the listener to the client's settings when the client is created, and
 * only when the SDK is on (the same image serves both profiles, so a build-time condition would not do).
 */
@Singleton
public class MongoCommandTracing implements MongoClientCustomizer {

    private final OpenTelemetry openTelemetry;
    private final boolean sdkDisabled;

    @Inject
    public MongoCommandTracing(OpenTelemetry openTelemetry,
                               @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.openTelemetry = openTelemetry;
        this.sdkDisabled = sdkDisabled;
    }

    /** Whether commands are traced (the OpenTelemetry SDK is on). */
    public boolean enabled() {
        return !sdkDisabled;
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        return enabled() ? builder.addCommandListener(new MongoTracingCommandListener(openTelemetry)) : builder;
    }
}
