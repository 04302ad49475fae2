package io.quotegraph.gateway.client;

import java.util.function.BiConsumer;

/**
 * A server-sent-events parser (the text/event-stream format): fed line by line, it hands each complete event's
 * name and data to a consumer. Comments (heartbeats) and fields other than {@code event}/{@code data} are skipped.
 */
final class ServerSentEvents {

    private final BiConsumer<String, String> onEvent;
    private final StringBuilder data = new StringBuilder();
    private String name;
    private boolean hasData;

    ServerSentEvents(BiConsumer<String, String> onEvent) {
        this.onEvent = onEvent;
    }

    /** One line without its line break (a trailing \r is tolerated). */
    void line(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("event")) {
            name = value;
        }
    }

    private void dispatch() {
        if (hasData) {
            onEvent.accept(name == null ? "message" : name, data.toString());
        }
        data.setLength(0);
        hasData = false;
        name = null;
    }
}
