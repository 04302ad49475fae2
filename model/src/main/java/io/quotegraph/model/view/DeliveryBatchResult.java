package io.quotegraph.model.view;

import java.util.List;

/**
 * The answer to {@code POST /articles/extractions}: one outcome per article, in the order sent. An article whose
 * extraction is invalid is rejected on its own (status 400, the rest of the batch is applied); any other failure fails
 * the whole request, which is then retried whole: redelivering an applied article changes nothing.
 */
public record DeliveryBatchResult(List<Outcome> articles) {

    /**
     * status 200: applied ({@code changed}) or already applied; 400: rejected with {@code detail} (a retry of the same
     * payload would be rejected again).
     */
    public record Outcome(String articleId, int status, int statements, boolean changed, String detail) {

        public static Outcome applied(DeliveryResult result) {
            return new Outcome(result.articleId(), 200, result.statements(), result.changed(), null);
        }

        public static Outcome rejected(String articleId, String detail) {
            return new Outcome(articleId, 400, 0, false, detail);
        }
    }
}
