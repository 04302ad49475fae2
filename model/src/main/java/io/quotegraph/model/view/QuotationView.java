package io.quotegraph.model.view;

import java.time.Instant;
import java.util.List;

/**
 * One utterance of one speaker and every statement reporting it (exact, trimmed, ellipsised or fragmentary wordings).
 * {@code canonicalText} is the longest wording (that of {@code canonicalStatementId}); {@code firstSeen} the earliest
 * publication among the occurrences; {@code articleCount} and {@code sourceCount} say how widely it was reported.
 * {@code speakerId} is the speaker's current id (merges followed).
 */
public record QuotationView(
        String id,
        String speakerId,
        String canonicalText,
        String canonicalStatementId,
        Instant firstSeen,
        long articleCount,
        long sourceCount,
        List<QuotationOccurrenceView> occurrences) {

    public QuotationView {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }
}
