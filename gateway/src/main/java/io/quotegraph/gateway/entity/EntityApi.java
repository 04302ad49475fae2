package io.quotegraph.gateway.entity;

import io.quotegraph.gateway.graphql.PageRequest;
import io.quotegraph.gateway.graphql.Slice;
import io.quotegraph.gateway.statement.Statement;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.view.SpeakerView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Canonical entities (statements-service): queries, and what statements are about (one backend call per level). */
@GraphQLApi
public class EntityApi {

    @Inject
    EntityBackend entities;

    @Query("entity")
    @Description("The entity with this id (speaker ids are entity ids), or null.")
    public Entity entity(@Name("id") @Id @NonNull String id) {
        return entities.entity(id).map(Entity::new).orElse(null);
    }

    @Query("entities")
    @Description("People, organisations and places the articles name, most quoted first; `search` matches names and "
            + "aliases; type LOCATION includes countries.")
    public EntityConnection entities(@Name("first") Integer first,
                                     @Name("after") String after,
                                     @Name("search") String search,
                                     @Name("type") EntityType type) {
        PageRequest page = PageRequest.of(first, after);
        return EntityConnection.of(Slice.of(entities.entities(search == null || search.isBlank() ? null : search, type,
                page.offset(), page.backendLimit()), page).map(Entity::new));
    }

    @Name("links")
    @Description("Each article's name for the entity, with the score, evidence and basis of its link (one backend call "
            + "per entity: meant for an entity's page, not for long lists).")
    @NonNull
    public List<@NonNull EntityLink> links(@Source Entity entity) {
        return entities.links(entity.getId()).stream().map(EntityLink::new).toList();
    }

    @Name("aliasLinks")
    @Description("The entity's names, each with the score, evidence and basis of the link that made it theirs (one "
            + "backend call per entity).")
    @NonNull
    public List<@NonNull AliasLink> aliasLinks(@Source Entity entity) {
        return entities.aliasLinks(entity.getId()).stream().map(AliasLink::new).toList();
    }

    @Name("about")
    @Description("The entities the statement's content names.")
    @NonNull
    public List<@NonNull List<@NonNull Entity>> about(@Source List<Statement> statements) {
        List<String> ids = statements.stream().flatMap(s -> s.view().aboutIds().stream()).distinct().toList();
        Map<String, SpeakerView> byId = ids.isEmpty() ? Map.of() : entities.entitiesByIds(ids);
        List<List<Entity>> result = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            result.add(statement.view().aboutIds().stream().map(byId::get).filter(Objects::nonNull).map(Entity::new).toList());
        }
        return result;
    }
}
