package io.quotegraph.statements.entity.service;

import io.quotegraph.extraction.entity.EntityClusterer;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.extraction.entity.Gazetteer;
import io.quotegraph.model.EntityType;
import io.quotegraph.rest.ProblemException;
import io.quotegraph.rest.ProblemType;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.entity.repository.GazetteerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The gazetteer that resolution uses: the bundled, versioned one extended by the entries added through the API.
 * Its version is "{bundled}+r{revision}", so every resolution can say which gazetteer it rested on.
 */
@ApplicationScoped
public class GazetteerService {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ALIASES = 50;

    @Inject
    GazetteerRepository additions;

    /** What GET /gazetteer answers. */
    public record GazetteerView(String version, List<EntryView> entries) {
    }

    public record EntryView(String canonical, EntityType type, List<String> aliases, boolean curated) {
    }

    /** An addition as POST /gazetteer/entries takes it. */
    public record NewEntry(String canonical, EntityType type, List<String> aliases, String curator) {
    }

    /** The current gazetteer (read per resolution: additions take effect at once, on every instance). */
    public Gazetteer current() {
        List<Document> added = additions.findAll();
        List<Gazetteer.Entry> entries = new ArrayList<>();
        long revision = 0;
        for (Document d : added) {
            entries.add(new Gazetteer.Entry(d.getString("canonical"), EntityType.valueOf(d.getString("type")),
                    d.getList("aliases", String.class, List.of())));
            Number r = d.get("revision", Number.class);
            revision = Math.max(revision, r == null ? 0 : r.longValue());
        }
        return Gazetteer.bundled().with(entries, "r" + revision);
    }

    public EntityClusterer clusterer() {
        return new EntityClusterer(current());
    }

    public GazetteerView view() {
        Gazetteer g = current();
        List<String> curated = additions.findAll().stream().map(d -> d.getString("_id")).toList();
        return new GazetteerView(g.version(), g.entries().stream()
                .map(e -> new EntryView(e.canonical(), e.type(), e.aliases(),
                        curated.contains(EntityNames.nameKey(e.canonical(), EntityType.ORGANIZATION))))
                .toList());
    }

    /**
     * Adds an entity, or aliases to a known one. An alias that already names another entity is a conflict.
     * Returns the names whose resolution may change (every name of the entry).
     */
    public synchronized EntryView add(NewEntry entry, String actor) {
        if (entry == null || entry.canonical() == null || entry.canonical().isBlank()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "'canonical' is required");
        }
        if (entry.type() == null) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "'type' is required: PERSON, ORGANIZATION, LOCATION, COUNTRY or OTHER");
        }
        List<String> aliases = entry.aliases() == null ? List.of() : entry.aliases();
        if (aliases.size() > MAX_ALIASES) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "at most " + MAX_ALIASES + " aliases are allowed");
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(entry.canonical().strip());
        for (String alias : aliases) {
            if (alias == null || alias.isBlank() || EntityNames.words(alias).isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "aliases must contain letters or digits");
            }
            names.add(alias.strip());
        }
        for (String name : names) {
            if (name.length() > MAX_NAME_LENGTH) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "names are at most " + MAX_NAME_LENGTH + " characters");
            }
        }
        if (EntityNames.words(entry.canonical()).isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "'canonical' must contain letters or digits");
        }
        Gazetteer current = current();
        Gazetteer.Entry known = current.lookup(entry.canonical()).orElse(null);
        String canonical = known != null ? known.canonical() : entry.canonical().strip();
        EntityType type = known != null ? known.type() : entry.type();
        for (String name : names) {
            Gazetteer.Entry other = current.lookup(name).orElse(null);
            if (other != null && !other.canonical().equals(canonical)) {
                throw new ProblemException(ProblemType.CONFLICT,
                        "'" + name + "' already names '" + other.canonical() + "' in the gazetteer");
            }
        }
        String key = EntityNames.nameKey(canonical, EntityType.ORGANIZATION);
        Document existing = additions.findAll().stream().filter(d -> key.equals(d.getString("_id"))).findFirst().orElse(null);
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (existing != null) {
            all.addAll(existing.getList("aliases", String.class, List.of()));
        }
        names.stream().filter(n -> !n.equals(canonical)).forEach(all::add);
        long revision = additions.findAll().stream().map(d -> d.get("revision", Number.class))
                .mapToLong(n -> n == null ? 0 : n.longValue()).max().orElse(0) + 1;
        additions.save(new Document("_id", key).append("canonical", canonical).append("type", type.name())
                .append("aliases", new ArrayList<>(all)).append("revision", revision)
                .append("addedBy", actor).append("addedAt", Dates.toBson(Instant.now())));
        Gazetteer.Entry saved = current().lookup(canonical).orElseThrow();
        return new EntryView(saved.canonical(), saved.type(), saved.aliases(), true);
    }
}
