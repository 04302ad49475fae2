package io.quotegraph.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How the batch resolvers split the ids of one level into backend calls. Batched (the default): distinct ids, at most
 * {@value BackendCalls#MAX_IDS_PER_CALL} per call. With {@value #PROPERTY}=false, one call per source item, as a
 * resolver without batching would make: only for comparing the two (./quotegraph bench-graphql).
 */
@ApplicationScoped
public class Batching {

    public static final String PROPERTY = "quotegraph.gateway.batching";

    @ConfigProperty(name = PROPERTY, defaultValue = "true")
    boolean enabled;

    Batching() {
        // for CDI: the flag is injected
    }

    /** Outside CDI (unit tests). */
    public Batching(boolean enabled) {
        this.enabled = enabled;
    }

    /** The non-blank ids in the chunks to request them in. */
    public List<List<String>> chunks(Collection<String> ids) {
        if (!enabled) {
            return ids.stream().filter(id -> id != null && !id.isBlank()).map(List::of).toList();
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        distinct.removeIf(id -> id == null || id.isBlank());
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += BackendCalls.MAX_IDS_PER_CALL) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + BackendCalls.MAX_IDS_PER_CALL)));
        }
        return chunks;
    }
}
