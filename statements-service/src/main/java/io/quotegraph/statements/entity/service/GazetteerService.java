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
import java.time.LocalDate;
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
    public static final int MAX_OFFICES = 20;

    @Inject
    GazetteerRepository additions;

    /** What GET /gazetteer answers. */
    public record GazetteerView(String version, List<EntryView> entries) {
    }

    public record EntryView(String canonical, EntityType type, List<String> aliases, List<OfficeView> offices, boolean curated) {
    }

    /** An office a person holds: title at organisation from … to (ISO dates, inclusive; null: not stated, open). */
    public record OfficeView(String title, String organization, LocalDate from, LocalDate to) {

        static OfficeView of(Gazetteer.Office o) {
            return new OfficeView(o.title(), o.organization(), o.from(), o.to());
        }
    }

    /** An addition as POST /gazetteer/entries takes it; offices only for people. */
    public record NewEntry(String canonical, EntityType type, List<String> aliases, List<OfficeView> offices, String curator) {
    }

    /** The current gazetteer (read per resolution: additions take effect at once, on every instance). */
    public Gazetteer current() {
        List<Document> added = additions.findAll();
        Built last = built;
        if (last != null && last.additions().equals(added)) {
            return last.gazetteer(); // the same additions as last time: built once, not per delivery
        }
        Gazetteer gazetteer = build(added);
        built = new Built(added, gazetteer, new EntityClusterer(gazetteer));
        return gazetteer;
    }

    /** The gazetteer built from these additions (immutable), with its clusterer. */
    private record Built(List<Document> additions, Gazetteer gazetteer, EntityClusterer clusterer) {
    }

    private volatile Built built;

    private static Gazetteer build(List<Document> added) {
        List<Gazetteer.Entry> entries = new ArrayList<>();
        long revision = 0;
        for (Document d : added) {
            List<Gazetteer.Office> offices = new ArrayList<>();
            for (Document o : d.getList("offices", Document.class, List.of())) {
                offices.add(new Gazetteer.Office(o.getString("title"), o.getString("organization"),
                        Dates.date(o.get("from")), Dates.date(o.get("to"))));
            }
            entries.add(new Gazetteer.Entry(d.getString("canonical"), EntityType.valueOf(d.getString("type")),
                    d.getList("aliases", String.class, List.of()), offices));
            Number r = d.get("revision", Number.class);
            revision = Math.max(revision, r == null ? 0 : r.longValue());
        }
        return Gazetteer.bundled().with(entries, "r" + revision);
    }

    public EntityClusterer clusterer() {
        Gazetteer gazetteer = current();
        Built last = built;
        return last != null && last.gazetteer() == gazetteer ? last.clusterer() : new EntityClusterer(gazetteer);
    }

    public GazetteerView view() {
        Gazetteer g = current();
        List<String> curated = additions.findAll().stream().map(d -> d.getString("_id")).toList();
        return new GazetteerView(g.version(), g.entries().stream()
                .map(e -> new EntryView(e.canonical(), e.type(), e.aliases(), offices(e),
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
        List<OfficeView> offices = validOffices(entry);
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
        if (!offices.isEmpty() && type != EntityType.PERSON) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "only people hold offices: '" + canonical + "' is " + type);
        }
        List<Document> storedOffices = new ArrayList<>(existing == null ? List.of()
                : existing.getList("offices", Document.class, List.of()));
        for (OfficeView o : offices) {
            Document d = new Document("title", o.title().strip()).append("organization", o.organization() == null ? null : o.organization().strip())
                    .append("from", Dates.toBson(o.from())).append("to", Dates.toBson(o.to()));
            if (!storedOffices.contains(d)) {
                storedOffices.add(d);
            }
        }
        long revision = additions.findAll().stream().map(d -> d.get("revision", Number.class))
                .mapToLong(n -> n == null ? 0 : n.longValue()).max().orElse(0) + 1;
        additions.save(new Document("_id", key).append("canonical", canonical).append("type", type.name())
                .append("aliases", new ArrayList<>(all)).append("offices", storedOffices).append("revision", revision)
                .append("addedBy", actor).append("addedAt", Dates.toBson(Instant.now())));
        Gazetteer.Entry saved = current().lookup(canonical).orElseThrow();
        return new EntryView(saved.canonical(), saved.type(), saved.aliases(), offices(saved), true);
    }

    private static List<OfficeView> offices(Gazetteer.Entry e) {
        return e.offices().stream().map(OfficeView::of).toList();
    }

    /** The entry's offices, each with a title, names of bounded length, and from ≤ to. */
    private static List<OfficeView> validOffices(NewEntry entry) {
        List<OfficeView> offices = entry.offices() == null ? List.of() : entry.offices();
        if (offices.size() > MAX_OFFICES) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "at most " + MAX_OFFICES + " offices are allowed");
        }
        for (OfficeView o : offices) {
            if (o == null || o.title() == null || EntityNames.words(o.title()).isEmpty()) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "every office needs a 'title' with letters or digits");
            }
            if (o.title().length() > MAX_NAME_LENGTH || o.organization() != null && o.organization().length() > MAX_NAME_LENGTH) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "office titles and organisations are at most "
                        + MAX_NAME_LENGTH + " characters");
            }
            if (o.from() != null && o.to() != null && o.to().isBefore(o.from())) {
                throw new ProblemException(ProblemType.INVALID_INPUT, "an office's 'to' (" + o.to() + ") is before its 'from' (" + o.from() + ")");
            }
        }
        return offices;
    }
}
