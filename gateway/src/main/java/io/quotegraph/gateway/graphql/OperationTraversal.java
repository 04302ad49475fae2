package io.quotegraph.gateway.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitor;
import graphql.execution.CoercedVariables;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * Visits every field the running GraphQL operation selects (through fragments too). Batched resolvers serve every
 * path of the operation that reaches their type, so what they read is decided by the whole operation, not one path.
 */
public final class OperationTraversal {

    private OperationTraversal() {
    }

    /** Visits the operation's fields in pre-order; false (nothing visited) when the operation cannot be read. */
    public static boolean visit(Context context, QueryVisitor visitor) {
        DataFetchingEnvironment dfe = context == null ? null : context.unwrap(DataFetchingEnvironment.class);
        if (dfe == null || dfe.getDocument() == null || dfe.getGraphQLSchema() == null) {
            return false;
        }
        QueryTraverser.newQueryTraverser()
                .schema(dfe.getGraphQLSchema())
                .document(dfe.getDocument())
                .operationName(dfe.getOperationDefinition() == null ? null : dfe.getOperationDefinition().getName())
                .coercedVariables(CoercedVariables.of(dfe.getVariables()))
                .build()
                .visitPreOrder(visitor);
        return true;
    }
}
