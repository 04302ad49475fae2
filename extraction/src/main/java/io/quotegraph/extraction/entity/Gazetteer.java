package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

    /**
     * An office a person holds: title at organisation, from and to inclusive (either null when not stated: open).
     */
    public record Office(String title, String organization, LocalDate from, LocalDate to) {

        /** Whether the office was held on this date (any date when the date is unknown). */
        public boolean heldOn(LocalDate date) {
            return date == null || (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        }

        /**
         * The role noun a text names the office by ("secretary" for "Secretary of State", "spokesperson" for
         * "Spokesman"): its first word after "Acting"/"Deputy", spokesman/-woman/-person being one.
         */
        public String roleNoun() {
            return Gazetteer.roleNoun(title);
        }
    }

    /** One entity of the gazetteer: its canonical name, its type, every other name it goes by and (people) its offices. */
    public record Entry(String canonical, EntityType type, List<String> aliases, List<Office> offices) {
        public Entry {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            offices = offices == null ? List.of() : List.copyOf(offices);
        }

        public Entry(String canonical, EntityType type, List<String> aliases) {
            this(canonical, type, aliases, List.of());
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
    /** People by the last token of their canonical name (of at least two tokens); built once, looked up per mention. */
    private final Map<String, List<Entry>> peopleBySurname = new HashMap<>();

    private Gazetteer(String version, List<Entry> entries) {
        this.version = version;
        this.entries = List.copyOf(entries);
        for (Entry entry : this.entries) {
            for (String name : entry.names()) {
                for (String key : keys(name)) {
                    byKey.putIfAbsent(key, entry);
                }
            }
            List<String> tokens = EntityNames.nameTokens(entry.canonical(), EntityType.PERSON);
            if (entry.type() == EntityType.PERSON && tokens.size() >= 2) {
                peopleBySurname.computeIfAbsent(tokens.get(tokens.size() - 1), k -> new ArrayList<>()).add(entry);
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
                LinkedHashSet<Office> offices = new LinkedHashSet<>(base.offices());
                offices.addAll(add.offices());
                merged.put(key, new Entry(base.canonical(), base.type(), new ArrayList<>(aliases), new ArrayList<>(offices)));
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

    /**
     * The person the gazetteer knows by this surname alone ("Blinken" → Antony Blinken): the only person whose
     * canonical name ends with it; empty when none or several.
     */
    public Optional<Entry> personBySurname(String surname) {
        List<String> wanted = EntityNames.nameTokens(surname, EntityType.PERSON);
        if (wanted.size() != 1) {
            return Optional.empty();
        }
        List<Entry> matches = peopleBySurname.getOrDefault(wanted.get(0), List.of());
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * The people holding an office named by this role noun ("secretary", "president", "spokesman") on this date (any
     * date when null), each with that office, in gazetteer order.
     */
    public List<Map.Entry<Entry, Office>> officeHolders(String roleNoun, LocalDate date) {
        String noun = roleNoun(roleNoun);
        List<Map.Entry<Entry, Office>> holders = new ArrayList<>();
        for (Entry e : entries) {
            for (Office o : e.offices()) {
                if (!noun.isEmpty() && noun.equals(o.roleNoun()) && o.heldOn(date)) {
                    holders.add(Map.entry(e, o));
                }
            }
        }
        return holders;
    }

    /** The offices of the person this name denotes held on the date (every office when the date is null). */
    public List<Office> officesOf(String name, LocalDate date) {
        Entry e = lookup(name).orElse(null);
        if (e == null || e.type() != EntityType.PERSON) {
            return List.of();
        }
        return e.offices().stream().filter(o -> o.heldOn(date)).toList();
    }

    static String roleNoun(String title) {
        List<String> words = EntityNames.words(title);
        int i = 0;
        while (i < words.size() - 1 && (words.get(i).equals("acting") || words.get(i).equals("the") || words.get(i).equals("a"))) {
            i++;
        }
        if (i >= words.size()) {
            return "";
        }
        String w = words.get(i);
        return w.equals("spokesman") || w.equals("spokeswoman") ? "spokesperson" : w;
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

    /**
     * Lines "canonical TAB TYPE TAB alias|alias|… [TAB office|office|…]", an office being "title@organization@from@to"
     * (ISO dates, either empty when not stated); "# version: X" names the version; other "#" lines are comments.
     */
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
            List<Office> offices = new ArrayList<>();
            if (fields.length > 3) {
                for (String office : fields[3].split("\\|")) {
                    if (!office.isBlank()) {
                        offices.add(office(office, number));
                    }
                }
            }
            entries.add(new Entry(fields[0].strip(), EntityType.valueOf(fields[1].strip()), aliases, offices));
        }
        return new Gazetteer(version, entries);
    }

    private static Office office(String raw, int line) {
        String[] parts = raw.split("@", -1);
        if (parts.length != 4 || parts[0].isBlank()) {
            throw new IllegalStateException(RESOURCE + " line " + line + ": expected office title@organization@from@to");
        }
        try {
            return new Office(parts[0].strip(), parts[1].isBlank() ? null : parts[1].strip(),
                    parts[2].isBlank() ? null : LocalDate.parse(parts[2].strip()),
                    parts[3].isBlank() ? null : LocalDate.parse(parts[3].strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(RESOURCE + " line " + line + ": office dates are ISO dates (YYYY-MM-DD)", e);
        }
    }
}
