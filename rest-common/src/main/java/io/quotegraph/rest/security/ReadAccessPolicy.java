package io.quotegraph.rest.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policy of the services' read permission sets ({@code quarkus.http.auth.permission.reads.policy=quotegraph-reads}):
 * reads are public unless {@code quotegraph.auth.protect-reads=true}, when any valid token will do. A config switch
 * rather than two permission sets because a path's methods must all be listed in the same place (docs/security.md).
 */
@ApplicationScoped
public class ReadAccessPolicy implements HttpSecurityPolicy {

    public static final String NAME = "quotegraph-reads";

    @ConfigProperty(name = "quotegraph.auth.protect-reads", defaultValue = "false")
    boolean protectReads;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        if (!protectReads) {
            return CheckResult.permit();
        }
        return identity.map(id -> id.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return NAME;
    }
}
