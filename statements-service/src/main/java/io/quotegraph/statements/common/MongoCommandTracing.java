package io.quotegraph.statements.common;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.mongodb.tracing.MongoTracingCommandListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A span per MongoDB command (Quarkus's listener), only while the OpenTelemetry SDK is on (the kube profile). Quarkus
 * registers its own listener at build time ({@code quarkus.mongodb.tracing.enabled}, off in application.properties)
 * and it renders every command as JSON for the span even when the SDK is off: a quarter of statements-service's CPU
 * during bench-ingest on the embedded defaults, where no span is ever exported.
 */
@Singleton
public class MongoCommandTracing implements CommandListener {

    /** null: the SDK is off, nothing to trace. */
    private final CommandListener spans;

    @Inject
    public MongoCommandTracing(OpenTelemetry openTelemetry,
                               @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.spans = sdkDisabled ? null : new MongoTracingCommandListener(openTelemetry);
    }

    /** Whether commands are traced (the OpenTelemetry SDK is on). */
    public boolean enabled() {
        return spans != null;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (spans != null) {
            spans.commandStarted(event);
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (spans != null) {
            spans.commandSucceeded(event);
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        if (spans != null) {
            spans.commandFailed(event);
        }
    }
}
