package io.quotegraph.gateway.quotation;

import io.quotegraph.gateway.statement.Statement;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SimilarStatement")
@Description("A statement of the same speaker saying nearly the same thing on another occasion.")
public class SimilarStatement {

    private final Statement statement;
    private final double score;

    public SimilarStatement(Statement statement, double score) {
        this.statement = statement;
        this.score = score;
    }

    @NonNull
    public Statement getStatement() {
        return statement;
    }

    @Description("How close the two statements are, 0..1 (Dice coefficient of their content words).")
    public double getScore() {
        return score;
    }
}
