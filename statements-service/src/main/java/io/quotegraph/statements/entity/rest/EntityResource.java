package io.quotegraph.statements.entity.rest;

import io.quotegraph.model.EntityType;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.speaker.service.SpeakerService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;
import java.util.Locale;

/**
 * Canonical entities: every person, organisation and place the articles name, speaking or not. Speakers are entities
 * that statements are attributed to; both share ids.
 */
@Path("/entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    @Inject
    SpeakerService service;

    @GET
    @Operation(summary = "Canonical entities, most quoted first, then by name")
    public Page<SpeakerView> list(
            @Parameter(description = "words, each a case-insensitive prefix of a word of the name or an alias") @QueryParam("search") String search,
            @Parameter(description = "PERSON, ORGANIZATION, LOCATION (includes COUNTRY), COUNTRY or OTHER") @QueryParam("type") String type,
            @Parameter(description = "entity id (repeatable, ≤ 100)") @QueryParam("id") List<String> ids,
            @Parameter(description = "only entities the article names anywhere in its text (repeatable, ≤ 100)") @QueryParam("articleId") List<String> articleIds,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 20, at most 1000") @QueryParam("limit") String limit) {
        return service.list(search, null, Params.values("id", ids), types(type), false, Params.values("articleId", articleIds),
                Params.offset(offset), Params.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One canonical entity")
    public SpeakerView get(@PathParam("id") String id) {
        return service.get(id);
    }

    /** The types a type filter keeps: a country is a location too. */
    static List<EntityType> types(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        EntityType type;
        try {
            type = EntityType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Params.invalid("type", "one of PERSON, ORGANIZATION, LOCATION, COUNTRY, OTHER");
        }
        return type == EntityType.LOCATION ? List.of(EntityType.LOCATION, EntityType.COUNTRY) : List.of(type);
    }
}
