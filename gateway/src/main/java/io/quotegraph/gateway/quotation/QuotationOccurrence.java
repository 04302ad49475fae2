package io.quotegraph.gateway.quotation;

import io.quotegraph.gateway.statement.Span;
import io.quotegraph.model.view.QuotationOccurrenceView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

@Type("QuotationOccurrence")
@Description("One statement reporting a quotation, with its own wording and offsets in its article.")
public class QuotationOccurrence {

    @Ignore
    private final QuotationOccurrenceView view;

    public QuotationOccurrence(QuotationOccurrenceView view) {
        this.view = view;
    }

    QuotationOccurrenceView view() {
        return view;
    }

    @Id
    @NonNull
    public String getStatementId() {
        return view.statementId();
    }

    @NonNull
    @Description("The wording as this article reports it.")
    public Span getContent() {
        return Span.of(view.content());
    }

    public Instant getPublishedAt() {
        return view.publishedAt();
    }

    public String getSource() {
        return view.source();
    }
}
