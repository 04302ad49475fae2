package io.quotegraph.gateway.statement;

import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import io.quotegraph.gateway.graphql.OperationTraversal;
import io.quotegraph.gateway.graphql.PageRequest;
import io.smallrye.graphql.api.Context;

import java.util.OptionalInt;

/**
 * What the running GraphQL operation asks of a type's nested {@code statements} field, so that a batch of them can be
 * read as first pages: SmallRye's batch resolvers see only the first parent's arguments, while every alias and path
 * of the operation that reaches the field may share the batch.
 */
public final class NestedStatementsSelection {

    private static final String STATEMENTS = "statements";

    private NestedStatementsSelection() {
    }

    /**
     * The largest {@code first} (default {@value PageRequest#DEFAULT_FIRST}, at least 1) of every {@code statements}
     * field of {@code typeName} in the operation (through fragments too); empty when any of them asks for a later page
     * ({@code after}) or the operation cannot be read.
     */
    public static OptionalInt largestFirstPage(Context context, String typeName) {
        FirstPages finder = new FirstPages(typeName);
        if (!OperationTraversal.visit(context, finder)) {
            return OptionalInt.empty();
        }
        return finder.laterPage || finder.largest == 0 ? OptionalInt.empty() : OptionalInt.of(finder.largest);
    }

    private static final class FirstPages extends QueryVisitorStub {
        private final String typeName;
        int largest;
        boolean laterPage;

        FirstPages(String typeName) {
            this.typeName = typeName;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (!STATEMENTS.equals(env.getField().getName()) || !typeName.equals(env.getFieldsContainer().getName())) {
                return;
            }
            Object after = env.getArguments().get("after");
            if (after != null && !after.toString().isBlank()) {
                laterPage = true;
            }
            Object first = env.getArguments().get("first");
            int asked = first instanceof Number n ? n.intValue() : PageRequest.DEFAULT_FIRST;
            // out-of-range values are rejected by the field's own PageRequest
            largest = Math.max(largest, Math.min(PageRequest.MAX_FIRST, Math.max(1, asked)));
        }
    }
}
