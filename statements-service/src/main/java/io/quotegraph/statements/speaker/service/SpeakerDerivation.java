package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.extraction.entity.Gazetteer;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.common.TextTokens;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A canonical speaker's derived fields, from its mappings: either from all of them at once ({@link #derive}), or merged
 * from partial derivations of the pages they fall on ({@link #partial}, {@link #merge}), so that a delivery re-reads
 * only the mappings of the pages it wrote to. The two give the same fields for the same mappings: a partial keeps, for
 * everything that depends on the order of the mappings (the first spelling of an alias, the first title of a role, the
 * first name the gazetteer knows), the position of its first occurrence, and merging takes the earliest; everything
 * that depends on the gazetteer or on curation is done when merging.
 */
final class SpeakerDerivation {

    /** The fields of its mappings that a speaker's derived fields are computed from. */
    static final String[] DERIVED_FROM = {"name", "type", "aliases", "roles", "statementCount", "mention"};

    /** Where in the speaker's mappings, in publication order, something first occurs (see {@link #position}). */
    private static final Comparator<Document> BY_POSITION = Comparator
            .comparing((Document p) -> p.getDate("at"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.getString("article")).thenComparing(p -> p.getString("key"))
            .thenComparingInt(p -> p.getInteger("index"));

    private SpeakerDerivation() {
    }

    /**
     * The derived fields from all the speaker's mappings, in publication order: name (curated, else the fullest name the
     * articles give), type, aliases (every name the articles use, plus curated ones, less suppressed ones), roles with
     * first and last publication dates (organisations made canonical by the gazetteer, so "State Department" and "U.S.
     * Department of State" are one role), affiliations and statement count.
     */
    static Document derive(Document speaker, List<Document> mappings, Gazetteer g) {
        Map<String, Integer> typeWeights = new TreeMap<>();
        mappings.forEach(m -> addTypeWeight(typeWeights, m));
        EntityType type = bestType(typeWeights, speaker);
        String name = speaker.getString("curatedName") != null ? speaker.getString("curatedName")
                : bestName(mappings, type, g, speaker.getString("name"));
        Fields fields = new Fields(speaker, name, g);
        long statementCount = 0;
        boolean speaks = false;
        for (Document mapping : mappings) {
            statementCount += statementCount(mapping);
            speaks |= !isMention(mapping);
            fields.alias(mapping.getString("name"));
            mapping.getList("aliases", String.class, List.of()).forEach(fields::alias);
            LocalDate seen = seen(mapping);
            for (Document role : mapping.getList("roles", Document.class, List.of())) {
                fields.role(role.getString("title"), role.getString("organization"), seen, seen);
            }
        }
        if (type == EntityType.PERSON && name != null) {
            for (Document mapping : mappings) {
                fields.offices(name, seen(mapping));
            }
        }
        return fields.finish(type, name, statementCount, speaks, !mappings.isEmpty());
    }

    /**
     * The partial derivations of these mappings (in publication order) by the page each falls on
     * ({@link IdSets#pageNumber} of its id), each as {@link #partial} gives it.
     */
    static Map<Integer, Document> partials(List<Document> mappings) {
        Map<Integer, List<Document>> byPage = new TreeMap<>();
        mappings.forEach(m -> byPage.computeIfAbsent(IdSets.pageNumber(m.getString("_id")), p -> new ArrayList<>()).add(m));
        Map<Integer, Document> partials = new TreeMap<>();
        byPage.forEach((page, onPage) -> partials.put(page, partial(onPage)));
        return partials;
    }

    /**
     * What {@link #merge} needs of some of a speaker's mappings (in publication order), independent of the gazetteer and
     * of curation: mappings, statements, speaking (mappings that are not mention-only), types (weights by type), names
     * (by name: speaking and mention-only mappings using it, first position), aliases (by alias key: the first
     * spelling and its position), roles (by title and organisation as the articles give them: first position, first and
     * last day seen), days (distinct days of publication, as epoch days) and undated (a mapping without one).
     */
    static Document partial(List<Document> mappings) {
        Map<String, Integer> typeWeights = new TreeMap<>();
        Map<String, Document> names = new LinkedHashMap<>();
        Map<String, Document> aliases = new LinkedHashMap<>();
        Map<List<String>, Document> roles = new LinkedHashMap<>();
        Set<Integer> days = new TreeSet<>();
        long statements = 0;
        int speaking = 0;
        boolean undated = false;
        for (Document mapping : mappings) {
            addTypeWeight(typeWeights, mapping);
            statements += statementCount(mapping);
            speaking += isMention(mapping) ? 0 : 1;
            String name = mapping.getString("name");
            if (name != null) {
                Document counts = names.computeIfAbsent(name, n -> new Document("name", n).append("speaking", 0)
                        .append("mentions", 0).append("first", position(mapping, 0)));
                String counter = isMention(mapping) ? "mentions" : "speaking";
                counts.put(counter, counts.getInteger(counter) + 1);
            }
            List<String> spellings = new ArrayList<>();
            spellings.add(name);
            spellings.addAll(mapping.getList("aliases", String.class, List.of()));
            for (int i = 0; i < spellings.size(); i++) {
                String key = aliasKey(spellings.get(i));
                if (key != null && !aliases.containsKey(key)) {
                    aliases.put(key, new Document("alias", spellings.get(i).trim()).append("first", position(mapping, i)));
                }
            }
            LocalDate seen = seen(mapping);
            if (seen == null) {
                undated = true;
            } else {
                days.add((int) seen.toEpochDay());
            }
            List<Document> mappingRoles = mapping.getList("roles", Document.class, List.of());
            for (int i = 0; i < mappingRoles.size(); i++) {
                String title = mappingRoles.get(i).getString("title");
                String organization = mappingRoles.get(i).getString("organization");
                Document role = roles.computeIfAbsent(java.util.Arrays.asList(title, organization), k -> new Document("title", title)
                        .append("organization", organization).append("firstSeen", null).append("lastSeen", null));
                role.putIfAbsent("first", position(mapping, i));
                widen(role, seen, seen);
            }
        }
        return new Document("mappings", mappings.size()).append("statements", statements).append("speaking", speaking)
                .append("types", new Document(new LinkedHashMap<>(typeWeights)))
                .append("names", new ArrayList<>(names.values()))
                .append("aliases", new ArrayList<>(aliases.values()))
                .append("roles", new ArrayList<>(roles.values()))
                .append("days", new ArrayList<>(days)).append("undated", undated);
    }

    /** The derived fields from the partial derivations of all the pages of the speaker's mappings: {@link #derive}'s. */
    static Document merge(Document speaker, Collection<Document> partials, Gazetteer g) {
        Map<String, Integer> typeWeights = new TreeMap<>();
        Map<String, int[]> nameCounts = new TreeMap<>();
        Map<String, Document> nameFirsts = new LinkedHashMap<>();
        List<Document> spellings = new ArrayList<>();
        Map<List<String>, Document> roles = new LinkedHashMap<>();
        Set<Long> days = new TreeSet<>();
        long mappings = 0;
        long statements = 0;
        long speaking = 0;
        boolean undated = false;
        for (Document partial : partials) {
            mappings += partial.get("mappings", Number.class).longValue();
            statements += partial.get("statements", Number.class).longValue();
            speaking += partial.get("speaking", Number.class).longValue();
            undated |= partial.getBoolean("undated", false);
            partial.get("types", Document.class).forEach((type, weight) ->
                    typeWeights.merge(type, ((Number) weight).intValue(), Integer::sum));
            for (Document name : partial.getList("names", Document.class)) {
                int[] counts = nameCounts.computeIfAbsent(name.getString("name"), n -> new int[2]);
                counts[0] += name.getInteger("speaking");
                counts[1] += name.getInteger("mentions");
                nameFirsts.merge(name.getString("name"), name.get("first", Document.class), SpeakerDerivation::earlier);
            }
            spellings.addAll(partial.getList("aliases", Document.class));
            for (Document role : partial.getList("roles", Document.class)) {
                roles.merge(java.util.Arrays.asList(role.getString("title"), role.getString("organization")),
                        new Document(role), (a, b) -> {
                            a.put("first", earlier(a.get("first", Document.class), b.get("first", Document.class)));
                            widen(a, Dates.date(b.get("firstSeen")), Dates.date(b.get("lastSeen")));
                            return a;
                        });
            }
            partial.getList("days", Number.class).forEach(day -> days.add(day.longValue()));
        }
        EntityType type = bestType(typeWeights, speaker);
        String name = speaker.getString("curatedName");
        if (name == null) {
            name = mergedName(mappings, nameCounts, nameFirsts, speaking > 0, type, g, speaker.getString("name"));
        }
        Fields fields = new Fields(speaker, name, g);
        spellings.sort(Comparator.comparing(s -> s.get("first", Document.class), BY_POSITION));
        spellings.forEach(s -> fields.alias(s.getString("alias")));
        roles.values().stream().sorted(Comparator.comparing(r -> r.get("first", Document.class), BY_POSITION))
                .forEach(r -> fields.role(r.getString("title"), r.getString("organization"),
                        Dates.date(r.get("firstSeen")), Dates.date(r.get("lastSeen"))));
        if (type == EntityType.PERSON && name != null) {
            if (undated) {
                fields.offices(name, null);
            }
            for (long day : days) {
                fields.offices(name, LocalDate.ofEpochDay(day));
            }
        }
        return fields.finish(type, name, statements, speaking > 0, mappings > 0);
    }

    /** {@link #bestName} from the names' counts and first positions. */
    private static String mergedName(long mappings, Map<String, int[]> nameCounts, Map<String, Document> nameFirsts,
                                     boolean anySpeaking, EntityType type, Gazetteer g, String fallback) {
        if (mappings == 0) {
            return fallback;
        }
        if (type != null && type != EntityType.PERSON) {
            // the first name in publication order that the gazetteer knows
            List<String> byFirst = new ArrayList<>(nameFirsts.keySet());
            byFirst.sort(Comparator.comparing(nameFirsts::get, BY_POSITION));
            for (String name : byFirst) {
                Gazetteer.Entry entry = g.lookup(name).orElse(null);
                if (entry != null) {
                    return entry.canonical();
                }
            }
        }
        Map<String, Integer> frequency = new TreeMap<>();
        nameCounts.forEach((name, counts) -> {
            int count = anySpeaking ? counts[0] : counts[0] + counts[1];
            if (count > 0) {
                frequency.put(name, count);
            }
        });
        return fullestName(frequency, type, fallback);
    }

    private static Document position(Document mapping, int index) {
        return new Document("at", mapping.getDate("publishedAt")).append("article", mapping.getString("articleId"))
                .append("key", mapping.getString("speakerKey")).append("index", index);
    }

    private static Document earlier(Document a, Document b) {
        return BY_POSITION.compare(a, b) <= 0 ? a : b;
    }

    private static void addTypeWeight(Map<String, Integer> typeWeights, Document mapping) {
        if (mapping.getString("type") != null) {
            typeWeights.merge(mapping.getString("type"), isMention(mapping) ? 1 : 100, Integer::sum);
        }
    }

    private static boolean isMention(Document mapping) {
        return Boolean.TRUE.equals(mapping.getBoolean("mention"));
    }

    private static long statementCount(Document mapping) {
        Number n = mapping.get("statementCount", Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static LocalDate seen(Document mapping) {
        return Dates.utcDate(Dates.instant(mapping.get("publishedAt")));
    }

    /** The words of an alias, joined: aliases with the same key are one (null: no words). */
    private static String aliasKey(String alias) {
        if (alias == null) {
            return null;
        }
        String key = String.join(" ", TextTokens.words(alias));
        return key.isEmpty() ? null : key;
    }

    /** The most weighty type the articles give (people first on a tie); the stored one when they give none. */
    private static EntityType bestType(Map<String, Integer> typeWeights, Document speaker) {
        if (typeWeights.isEmpty()) {
            return speaker.getString("type") == null ? null : EntityType.valueOf(speaker.getString("type"));
        }
        return EntityType.valueOf(typeWeights.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().equals("PERSON") ? 1 : 0)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey());
    }

    /**
     * The name to show: for entities the gazetteer knows, its canonical name; else the fullest name the speaking
     * mappings give (most name words, then most frequent, then alphabetical), so it does not depend on delivery order.
     */
    private static String bestName(List<Document> mappings, EntityType type, Gazetteer g, String fallback) {
        if (mappings.isEmpty()) {
            return fallback;
        }
        if (type != null && type != EntityType.PERSON) {
            for (Document m : mappings) {
                Gazetteer.Entry entry = g.lookup(m.getString("name")).orElse(null);
                if (entry != null) {
                    return entry.canonical();
                }
            }
        }
        Map<String, Integer> frequency = new TreeMap<>();
        boolean anySpeaking = mappings.stream().anyMatch(m -> !isMention(m));
        for (Document m : mappings) {
            if (m.getString("name") != null && (!anySpeaking || !isMention(m))) {
                frequency.merge(m.getString("name"), 1, Integer::sum);
            }
        }
        return fullestName(frequency, type, fallback);
    }

    private static String fullestName(Map<String, Integer> frequency, EntityType type, String fallback) {
        if (frequency.isEmpty()) {
            return fallback;
        }
        return frequency.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> EntityNames.nameTokens(e.getKey(), type).size())
                        .thenComparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    private static void widen(Document role, LocalDate from, LocalDate to) {
        if (from != null) {
            LocalDate first = Dates.date(role.get("firstSeen"));
            role.put("firstSeen", Dates.toBson(first == null || from.isBefore(first) ? from : first));
        }
        if (to != null) {
            LocalDate last = Dates.date(role.get("lastSeen"));
            role.put("lastSeen", Dates.toBson(last == null || to.isAfter(last) ? to : last));
        }
    }

    /** The derived fields as they are collected: aliases, roles and affiliations in the order they are first met. */
    private static final class Fields {
        private final Document speaker;
        private final Gazetteer g;
        private final Set<String> suppressedKeys = new HashSet<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Map<String, Document> roles = new LinkedHashMap<>();
        private final Set<String> orgKeys = new TreeSet<>();
        private final Map<String, String> affiliations = new LinkedHashMap<>();

        /** Starts with the name and the curated aliases. */
        Fields(Document speaker, String name, Gazetteer g) {
            this.speaker = speaker;
            this.g = g;
            speaker.getList("suppressedAliases", String.class, List.of()).forEach(a -> suppressedKeys.add(String.join(" ", TextTokens.words(a))));
            alias(name);
            speaker.getList("curatedAliases", String.class, List.of()).forEach(this::alias);
        }

        void alias(String alias) {
            String key = aliasKey(alias);
            if (key != null && !suppressedKeys.contains(key)) {
                aliases.putIfAbsent(key, alias.trim());
            }
        }

        /**
         * Adds a role seen from one day to another: organisations made canonical by the gazetteer, titles compared by
         * their words with spokesman, spokeswoman and spokesperson one title; the first title seen is kept.
         */
        void role(String title, String rawOrganization, LocalDate from, LocalDate to) {
            String organization = rawOrganization == null ? null : g.canonicalName(rawOrganization);
            String orgKey = organization == null ? "" : g.organizationKey(organization);
            if (!orgKey.isEmpty()) {
                orgKeys.add(orgKey);
                affiliations.putIfAbsent(orgKey, organization);
            }
            String roleKey = titleKey(title) + "|" + orgKey;
            Document merged = roles.computeIfAbsent(roleKey, k -> new Document("title", title)
                    .append("organization", organization).append("firstSeen", null).append("lastSeen", null));
            widen(merged, from, to);
        }

        /** The offices the gazetteer states for the person on a day an article saw them. */
        void offices(String name, LocalDate seen) {
            for (Gazetteer.Office office : g.officesOf(name, seen)) {
                role(office.title(), office.organization(), seen, seen);
            }
        }

        Document finish(EntityType type, String name, long statementCount, boolean speaks, boolean hasMappings) {
            mergeUntitledOrganisations(roles);
            boolean anonymous = Boolean.TRUE.equals(speaker.getBoolean("anonymous"));
            Set<String> aliasKeys = new TreeSet<>();
            Set<String> searchTokens = new TreeSet<>();
            for (String alias : aliases.values()) {
                String key = EntityNames.nameKey(alias, type);
                if (!key.isEmpty() && !anonymous) {
                    aliasKeys.add(key);
                }
                searchTokens.addAll(TextTokens.words(alias));
            }
            boolean listed = speaker.getString("mergedInto") == null && hasMappings;
            return new Document("type", type == null ? null : type.name())
                    .append("name", name)
                    .append("nameKey", anonymous ? null : EntityNames.nameKey(name, type))
                    .append("aliases", new ArrayList<>(aliases.values()))
                    .append("aliasKeys", new ArrayList<>(aliasKeys))
                    .append("searchTokens", new ArrayList<>(searchTokens))
                    .append("roles", new ArrayList<>(roles.values()))
                    .append("orgKeys", new ArrayList<>(orgKeys))
                    .append("affiliations", new ArrayList<>(affiliations.values()))
                    .append("speaker", speaks)
                    .append("listed", listed)
                    .append("statementCount", statementCount);
        }
    }

    private static String titleKey(String title) {
        List<String> words = new ArrayList<>(TextTokens.words(title == null ? "" : title));
        words.replaceAll(w -> w.equals("spokesman") || w.equals("spokeswoman") ? "spokesperson" : w);
        return String.join(" ", words);
    }

    /**
     * A title without organisation ("President", "the secretary") is the same role as the one titled role with an
     * organisation it names ("President" of Azerbaijan, "Secretary of State"): it is merged into it.
     */
    private static void mergeUntitledOrganisations(Map<String, Document> roles) {
        for (String key : new ArrayList<>(roles.keySet())) {
            Document untitled = roles.get(key);
            if (!key.endsWith("|") || untitled.getString("title") == null) {
                continue;
            }
            String noun = new Gazetteer.Office(untitled.getString("title"), null, null, null).roleNoun();
            List<Document> matches = roles.entrySet().stream().filter(e -> !e.getKey().endsWith("|"))
                    .map(Map.Entry::getValue).filter(r -> r.getString("title") != null
                            && new Gazetteer.Office(r.getString("title"), null, null, null).roleNoun().equals(noun))
                    .toList();
            if (matches.size() == 1) {
                widen(matches.get(0), Dates.date(untitled.get("firstSeen")), Dates.date(untitled.get("lastSeen")));
                roles.remove(key);
            }
        }
    }
}
