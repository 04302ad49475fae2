package io.quotegraph.gateway.speaker;

import io.quotegraph.gateway.entity.EntityBackend;
import io.quotegraph.gateway.graphql.InvalidArgumentException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/**
 * Curation of speakers through the gateway. The caller's bearer token (forwarded; it needs the curator role) names the
 * curator recorded in the audit log; without auth (embedded test defaults) it is the {@code curator} argument, else
 * the request's {@value #ACTOR_HEADER} header.
 */
@GraphQLApi
public class SpeakerCurationApi {

    static final String ACTOR_HEADER = "X-Quotegraph-Actor";

    @Inject
    EntityBackend backend;
    @Inject
    CurrentVertxRequest request;

    @Mutation("mergeSpeakers")
    @Description("Merges the sources into the target speaker for good; returns the merged speaker.")
    @NonNull
    public Speaker mergeSpeakers(@Name("targetId") @Id @NonNull String targetId,
                                 @Name("sourceIds") @NonNull List<@NonNull String> sourceIds,
                                 @Name("curator") String curator) {
        return new Speaker(backend.merge(actor(curator), targetId, sourceIds));
    }

    @Mutation("splitSpeaker")
    @Description("Moves what the given articles say of a speaker to a new speaker for good; returns [remaining, new].")
    @NonNull
    public List<@NonNull Speaker> splitSpeaker(@Name("speakerId") @Id @NonNull String speakerId,
                                               @Name("articleIds") @NonNull List<@NonNull String> articleIds,
                                               @Name("name") String name,
                                               @Name("curator") String curator) {
        return backend.split(actor(curator), speakerId, articleIds, name).stream().map(Speaker::new).toList();
    }

    @Mutation("addAlias")
    @Description("Adds an alias to a speaker; the name then resolves to it in every article.")
    @NonNull
    public Speaker addAlias(@Name("speakerId") @Id @NonNull String speakerId, @Name("alias") @NonNull String alias,
                            @Name("curator") String curator) {
        return new Speaker(backend.addAlias(actor(curator), speakerId, alias));
    }

    @Mutation("removeAlias")
    @Description("Removes an alias from a speaker.")
    @NonNull
    public Speaker removeAlias(@Name("speakerId") @Id @NonNull String speakerId, @Name("alias") @NonNull String alias,
                               @Name("curator") String curator) {
        return new Speaker(backend.removeAlias(actor(curator), speakerId, alias));
    }

    @Mutation("renameSpeaker")
    @Description("Renames a speaker; later articles do not change the name.")
    @NonNull
    public Speaker renameSpeaker(@Name("speakerId") @Id @NonNull String speakerId, @Name("name") @NonNull String name,
                                 @Name("curator") String curator) {
        return new Speaker(backend.rename(actor(curator), speakerId, name));
    }

    private String actor(String curator) {
        if (curator != null && !curator.isBlank()) {
            return curator;
        }
        String header = request.getCurrent() == null ? null : request.getCurrent().request().getHeader(ACTOR_HEADER);
        if ((header == null || header.isBlank()) && request.getCurrent() != null
                && request.getCurrent().request().getHeader("Authorization") != null) {
            return null; // statements-service records the token's principal
        }
        if (header == null || header.isBlank()) {
            throw new InvalidArgumentException("argument 'curator' is required (or the " + ACTOR_HEADER + " header)");
        }
        return header;
    }
}
