package io.quotegraph.gateway.entity;

import io.quotegraph.gateway.client.BackendCalls;
import io.quotegraph.gateway.client.Batching;
import io.quotegraph.gateway.client.StatementsClient;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.AliasLinkView;
import io.quotegraph.model.view.SpeakerLinkView;
import io.quotegraph.model.view.SpeakerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entities and curation in statements-service; failures become gateway errors naming the service. */
@ApplicationScoped
public class EntityBackend {

    private static final String SERVICE = StatementsClient.SERVICE;

    @Inject
    Batching batching;

    @Inject
    @RestClient
    EntitiesClient client;

    public Optional<SpeakerView> entity(String id) {
        return BackendCalls.find(SERVICE, () -> client.entity(id));
    }

    public Page<SpeakerView> entities(String search, EntityType type, int offset, int limit) {
        return BackendCalls.call(SERVICE, () -> client.entities(search, type == null ? null : type.name(), null, offset, limit));
    }

    /** The entities with these ids, by id (unknown ids are missing): one call per 100 distinct ids. */
    public Map<String, SpeakerView> entitiesByIds(Collection<String> ids) {
        Map<String, SpeakerView> byId = new HashMap<>();
        for (List<String> chunk : batching.chunks(ids)) {
            BackendCalls.call(SERVICE, () -> client.entities(null, null, chunk, 0, chunk.size()))
                    .items().forEach(e -> byId.put(e.id(), e));
        }
        return byId;
    }

    /** Each article's name for the entity, with the score, evidence and basis of its link; empty when unknown. */
    public List<SpeakerLinkView> links(String id) {
        return BackendCalls.find(SERVICE, () -> client.links(id)).orElse(List.of());
    }

    /** The entity's names, each with the score, evidence and basis of its link; empty when unknown. */
    public List<AliasLinkView> aliasLinks(String id) {
        return BackendCalls.find(SERVICE, () -> client.aliasLinks(id)).orElse(List.of());
    }

    public SpeakerView merge(String actor, String targetId, List<String> sourceIds) {
        return BackendCalls.call(SERVICE, () -> client.merge(actor, body("targetId", targetId, "sourceIds", sourceIds)));
    }

    public List<SpeakerView> split(String actor, String speakerId, List<String> articleIds, String name) {
        return BackendCalls.call(SERVICE, () -> client.split(actor,
                body("speakerId", speakerId, "articleIds", articleIds, "name", name)));
    }

    public SpeakerView addAlias(String actor, String speakerId, String alias) {
        return BackendCalls.call(SERVICE, () -> client.addAlias(actor, body("speakerId", speakerId, "alias", alias)));
    }

    public SpeakerView removeAlias(String actor, String speakerId, String alias) {
        return BackendCalls.call(SERVICE, () -> client.removeAlias(actor, body("speakerId", speakerId, "alias", alias)));
    }

    public SpeakerView rename(String actor, String speakerId, String name) {
        return BackendCalls.call(SERVICE, () -> client.rename(actor, body("speakerId", speakerId, "name", name)));
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                body.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return body;
    }
}
