package io.quotegraph.gateway.quotation;

import io.quotegraph.model.view.QuotationView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;
import java.util.List;

@Type("Quotation")
@Description("One utterance of one speaker and every statement reporting it, exactly, trimmed or in part.")
public class Quotation {

    @Ignore
    private final QuotationView view;

    public Quotation(QuotationView view) {
        this.view = view;
    }

    @Id
    @NonNull
    public String getId() {
        return view.id();
    }

    @NonNull
    @Description("The longest reported wording.")
    public String getCanonicalText() {
        return view.canonicalText();
    }

    @Description("When the first report of it was published.")
    public Instant getFirstSeen() {
        return view.firstSeen();
    }

    @Description("How many articles reported it.")
    public long getArticleCount() {
        return view.articleCount();
    }

    @Description("How many sources reported it.")
    public long getSourceCount() {
        return view.sourceCount();
    }

    @NonNull
    @Description("The statements reporting it, earliest first.")
    public List<@NonNull QuotationOccurrence> getOccurrences() {
        return view.occurrences().stream().map(QuotationOccurrence::new).toList();
    }
}
