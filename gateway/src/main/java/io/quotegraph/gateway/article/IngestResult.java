package io.quotegraph.gateway.article;

import io.quotegraph.gateway.client.BatchLineResult;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.Locale;

@Type("IngestResult")
@Description("What became of one article of ingestArticles, in the order given.")
public class IngestResult {

    @Ignore
    private final BatchLineResult result;

    public IngestResult(BatchLineResult result) {
        this.result = result;
    }

    @Description("The article's position in the input list (0-based).")
    public int getIndex() {
        return result.line() - 1;
    }

    @NonNull
    public IngestStatus getStatus() {
        return IngestStatus.valueOf(result.status().toUpperCase(Locale.ROOT));
    }

    @Id
    @Description("The stored article's id (the existing one for a duplicate); null when rejected.")
    public String getArticleId() {
        return result.id();
    }

    @Description("Why it was rejected, or what it has in common with the existing article.")
    public String getReason() {
        return result.reason();
    }

    public enum IngestStatus {
        ACCEPTED, DUPLICATE, REJECTED
    }
}
