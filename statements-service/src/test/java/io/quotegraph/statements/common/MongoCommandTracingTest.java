package io.quotegraph.statements.common;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.opentelemetry.context.Context;
import io.quarkus.mongodb.tracing.MongoTracingCommandListener;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MongoDB command gives a span (with its statement) while the SDK is on; while it is off the client gets no tracing
 * listener at all.
 */
class MongoCommandTracingTest {

    private final List<ReadableSpan> ended = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {
                @Override
                public void onStart(Context parentContext, ReadWriteSpan span) {
                }

                @Override
                public boolean isStartRequired() {
                    return false;
                }

                @Override
                public void onEnd(ReadableSpan span) {
                    ended.add(span);
                }

                @Override
                public boolean isEndRequired() {
                    return true;
                }
            }).build())
            .build();

    @Test
    void aCommandIsASpanWhileTheSdkIsOn() {
        MongoCommandTracing tracing = new MongoCommandTracing(sdk, false);
        List<CommandListener> listeners = tracing.customize(MongoClientSettings.builder()).build().getCommandListeners();
        assertThat(tracing.enabled()).isTrue();
        assertThat(listeners).singleElement().isInstanceOf(MongoTracingCommandListener.class);
        run(listeners.get(0), 7);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).getName()).isEqualTo("find");
        // the command as JSON, under the attribute name of the semantic conventions in use
        assertThat(ended.get(0).toSpanData().getAttributes().asMap().values())
                .anySatisfy(value -> assertThat(value.toString()).contains("\"find\": \"statements\""));
    }

    @Test
    void nothingIsTracedWhileTheSdkIsOff() {
        MongoCommandTracing tracing = new MongoCommandTracing(sdk, true);
        assertThat(tracing.enabled()).isFalse();
        assertThat(tracing.customize(MongoClientSettings.builder()).build().getCommandListeners()).isEmpty();
    }

    private static void run(CommandListener tracing, int requestId) {
        ConnectionDescription connection = new ConnectionDescription(new ServerId(new ClusterId(), new ServerAddress()));
        BsonDocument command = new BsonDocument("find", new BsonString("statements"));
        tracing.commandStarted(new CommandStartedEvent(null, 1, requestId, connection, "quotegraph", "find", command));
        tracing.commandSucceeded(new CommandSucceededEvent(null, 1, requestId, connection, "quotegraph", "find",
                new BsonDocument(), 1000));
    }
}
