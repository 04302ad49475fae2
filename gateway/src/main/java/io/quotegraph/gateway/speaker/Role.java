package io.quotegraph.gateway.speaker;

import io.quotegraph.model.view.RoleView;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

@Type("Role")
@Description("A role a speaker was described with, and the first and last publication dates it was seen at.")
public class Role {

    @Ignore
    private final RoleView view;

    public Role(RoleView view) {
        this.view = view;
    }

    public String getTitle() {
        return view.title();
    }

    public String getOrganizationName() {
        return view.organization();
    }

    public LocalDate getFirstSeen() {
        return view.firstSeen();
    }

    public LocalDate getLastSeen() {
        return view.lastSeen();
    }
}
