package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Curated common names of entities: "United States" = "US" = "U.S.", "State Department" = "U.S. Department of State",
 * "Nagorno-Karabakh" = "Karabakh" = "Artsakh". The bundled list ({@code gazetteer.tsv}, versioned by its
 * {@code # version:} line) can be extended with further entries ({@link #with}); an alias names one entity only.
 * Immutable and thread-safe.
 */
public final class Gazetteer {

    public static final String RESOURCE = "gazetteer.tsv";

    /** One entity of the gazetteer: its canonical name, its type and every other name it goes by. */
    public record Entry(String canonical, EntityType type, List<String> aliases) {
        public Entry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        /** The canonical name first, then the aliases, without repeats. */
        public List<String> names() {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            names.add(canonical);
            names.addAll(aliases);
            return List.copyOf(names);
        }
    }

    private static volatile Gazetteer bundled;

    private final String version;
    private final List<Entry> entries;
    private final Map<String, Entry> byKey = new HashMap<>();

    private Gazetteer(String version, List<Entry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
        for (Entry entry : this.entries) {
            for (String name : entry.names()) {
                for (String key : keys(name)) {
                    byKey.putIfAbsent(key, entry);
                }
            }
        }
    }

    /** The gazetteer shipped with the engine. */
    public static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                if (bundled == null) {
                    bundled = load();
                }
                g = bundled;
            }
        }
        return g;
    }

    /** An empty gazetteer (names are then matched as they are written). */
    public static Gazetteer empty() {
        return new Gazetteer("empty", List.of());
    }

    /**
     * This gazetteer with more entries; an added entry whose canonical name is known extends that entity's aliases.
     * The version becomes "{bundled version}+{additionsVersion}".
     */
    public Gazetteer with(Collection<Entry> additions, String additionsVersion) {
        if (additions.isEmpty()) {
            return this;
        }
        Map<String, Entry> merged = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            merged.put(EntityNames.nameKey(e.canonical(), e.type()), e);
        }
        for (Entry add : additions) {
            Entry known = lookup(add.canonical()).orElse(null);
            String key = EntityNames.nameKey(known != null ? known.canonical() : add.canonical(),
                    known != null ? known.type() : add.type());
            Entry base = merged.get(key);
            if (base == null) {
                merged.put(key, add);
            } else {
                LinkedHashSet<String> aliases = new LinkedHashSet<>(base.aliases());
                aliases.addAll(add.aliases());
                merged.put(key, new Entry(base.canonical(), base.type(), new ArrayList<>(aliases)));
            }
        }
        return new Gazetteer(version + "+" + additionsVersion, new ArrayList<>(merged.values()));
    }

    public String version() {
        return version;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entity a name denotes ("the U.S." → United States; "US State Department" → U.S. Department of State). */
    public Optional<Entry> lookup(String name) {
        for (String key : keys(name)) {
            Entry e = byKey.get(key);
            if (e != null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The canonical name of what a name denotes, or the name itself when the gazetteer does not know it. */
    public String canonicalName(String name) {
        return lookup(name).map(Entry::canonical).orElse(name == null ? null : name.trim());
    }

    /**
     * The key organisations are compared by: the canonical name's key when the gazetteer knows the organisation,
     * else its sorted words without stop words.
     */
    public String organizationKey(String organization) {
        if (organization == null) {
            return "";
        }
        return lookup(organization).map(e -> "g:" + EntityNames.nameKey(e.canonical(), EntityType.ORGANIZATION))
                .orElse(EntityNames.organizationWords(organization));
    }

    /** Lookup keys: the words as written (without a leading "the"), and their sorted set without stop words. */
    private static List<String> keys(String name) {
        String plain = EntityNames.nameKey(name, EntityType.ORGANIZATION);
        if (plain.isEmpty()) {
            return List.of();
        }
        String sorted = "#" + EntityNames.organizationWords(name);
        return List.of(plain, sorted);
    }

    private static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines "canonical TAB TYPE TAB alias|alias|…"; "# version: X" names the version; other "#" lines are comments. */
    static Gazetteer parse(BufferedReader reader) throws IOException {
        String version = "unversioned";
        List<Entry> entries = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.startsWith("# version:")) {
                version = trimmed.substring("# version:".length()).strip();
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected canonical TAB TYPE [TAB aliases]");
            }
            List<String> aliases = new ArrayList<>();
            if (fields.length > 2) {
                for (String alias : fields[2].split("\\|")) {
                    if (!alias.isBlank()) {
                        aliases.add(alias.strip());
                    }
                }
            }
            entries.add(new Entry(fields[0].strip(), EntityType.valueOf(fields[1].strip()), aliases));
        }
        return new Gazetteer(version, entries);
    }
}
