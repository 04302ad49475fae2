package io.quotegraph.gateway.statement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Span")
@Description("A piece of an article's text: [start, end) in UTF-16 code units.")
public class Span {

    private final int start;
    private final int end;
    private final String text;

    public Span(int start, int end, String text) {
        this.start = start;
        this.end = end;
        this.text = text;
    }

    public static Span of(io.quotegraph.model.Span span) {
        return span == null ? null : new Span(span.start(), span.end(), span.text() == null ? "" : span.text());
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    @NonNull
    public String getText() {
        return text;
    }
}
