package io.quotegraph.gateway.event;

import io.quotegraph.gateway.client.StatementsBackend;
import io.quotegraph.gateway.statement.Statement;
import io.quotegraph.model.view.EventView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The events a statement talks about: one backend call for all the statements of a level. */
@GraphQLApi
public class StatementEventsApi {

    @Inject
    StatementsBackend statements;

    @Name("aboutEvents")
    @Description("The events the statement talks about (an offensive, a planned meeting), as opposed to its occasion.")
    @NonNull
    public List<@NonNull List<@NonNull Event>> aboutEvents(@Source List<Statement> sources) {
        List<String> ids = sources.stream().flatMap(s -> s.view().aboutEventIds().stream()).distinct().toList();
        Map<String, EventView> byId = ids.isEmpty() ? Map.of() : statements.eventsByIds(ids);
        return sources.stream().map(s -> s.view().aboutEventIds().stream()
                .map(byId::get).filter(Objects::nonNull).map(Event::new).toList()).toList();
    }
}
