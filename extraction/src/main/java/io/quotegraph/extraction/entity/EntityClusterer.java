package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups the mentions of entities across articles into clusters, one per real entity. Deterministic and
 * order-independent: the clusters are a function of the set of mentions, never of the order they arrived in.
 * Incremental: a mention can only join mentions of its {@linkplain #blockKey block} (people: the surname; other
 * entities: the canonical name), so a new article needs only its blocks re-clustered, not the world.
 * <p>
 * Within a block of people: the same full name is one person; a surname alone joins the only full name whose
 * organisations do not conflict with its own, and otherwise stays with the surnames of the same organisations
 * (surnames without organisation join them when only one such group and no full name exists); when several full names
 * fit, a surname joins one that accounts for three quarters of their mentions (with a lower score), as a reader
 * takes "Trump" in 2016 news for Donald Trump. Other entities: one per canonical
 * name (the gazetteer maps "US", "U.S." and "United States" to one). A mention known only by a role stays alone.
 * Every link carries a score and the evidence it rests on. The evidence holds no running counts of the block, so that
 * a block's links change only when its clusters do (each changed link is a stored write).
 */
public final class EntityClusterer {

    /** What a link rests on, for readers who filter or weigh links (the evidence says it in words). */
    public enum Basis {
        /** the same full name (or, for non-people, the same canonical name as written) */
        EXACT_NAME,
        /** a name the gazetteer lists for the entity ("US" = United States, "Blinken" = Antony Blinken) */
        GAZETTEER_ALIAS,
        /** a surname joining the only full name whose organisations are compatible with its role's */
        SURNAME_COMPATIBLE_ROLE,
        /** a surname joining the full name that accounts for most mentions of that surname */
        SURNAME_DOMINANT,
        /** a surname kept with the same surnames, no full name being known or alone compatible */
        SURNAME_ONLY,
        /** within one article, a pronoun or role ("he", "the secretary") resolved to the name it stands for */
        ANTECEDENT,
        /** named only by a role: kept within its article */
        ROLE_ONLY,
        /** a curator's merge, split or alias decided it */
        CURATION
    }

    /** How one mention joined its cluster: a score in [0, 1], the evidence in words and what it rests on. */
    public record Link(String mentionId, double score, String evidence, Basis basis) {
    }

    /** One entity: its mentions (sorted by id). */
    public record Cluster(String blockKey, List<Link> links) {
        public List<String> mentionIds() {
            return links.stream().map(Link::mentionId).toList();
        }
    }

    /** A full name is a bare surname's likely meaning when it has this share of the compatible full names' mentions. */
    static final double DOMINANT_SHARE = 0.75;
    static final int DOMINANT_MIN = 3;

    private final Gazetteer gazetteer;

    public EntityClusterer(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The block a mention is resolved within: "p:{surname}" for people, "o:{canonical name}" otherwise, "a:{id}" for roles. */
    public String blockKey(ResolutionMention m) {
        if (m.roleOnly() || EntityNames.nameTokens(m.name(), m.type()).isEmpty()) {
            return "a:" + m.id();
        }
        List<String> tokens = personTokens(m);
        if (tokens != null) {
            return "p:" + tokens.get(tokens.size() - 1);
        }
        return "o:" + canonicalKey(m);
    }

    /** Clusters any set of mentions (the blocks are clustered one by one). */
    public List<Cluster> cluster(Collection<ResolutionMention> mentions) {
        Map<String, List<ResolutionMention>> blocks = new TreeMap<>();
        for (ResolutionMention m : mentions) {
            blocks.computeIfAbsent(blockKey(m), k -> new ArrayList<>()).add(m);
        }
        List<Cluster> clusters = new ArrayList<>();
        blocks.forEach((key, block) -> clusters.addAll(clusterBlock(key, block)));
        return clusters;
    }

    /** Clusters the mentions of one block (all must have this block key); clusters ordered by their first mention id. */
    public List<Cluster> clusterBlock(String blockKey, Collection<ResolutionMention> block) {
        List<ResolutionMention> sorted = new ArrayList<>(block);
        sorted.sort(Comparator.comparing(ResolutionMention::id));
        List<Cluster> clusters;
        if (blockKey.startsWith("a:")) {
            clusters = sorted.stream().map(m -> new Cluster(blockKey,
                    List.of(new Link(m.id(), 1.0, "named only by a role ('" + m.name() + "'): kept within its article", Basis.ROLE_ONLY)))).toList();
        } else if (blockKey.startsWith("p:")) {
            clusters = clusterPeople(blockKey, sorted);
        } else {
            clusters = List.of(new Cluster(blockKey, sorted.stream().map(this::nameLink).toList()));
        }
        List<Cluster> ordered = new ArrayList<>(clusters);
        ordered.sort(Comparator.comparing(c -> c.links().get(0).mentionId()));
        return ordered;
    }

    private Link nameLink(ResolutionMention m) {
        String key = canonicalKey(m);
        Gazetteer.Entry entry = gazetteer.lookup(m.name()).orElse(null);
        if (entry != null && !EntityNames.nameKey(m.name(), EntityType.ORGANIZATION).equals(key)) {
            return new Link(m.id(), 0.95, "gazetteer " + gazetteer.version() + ": '" + m.name() + "' = '" + entry.canonical() + "'",
                    Basis.GAZETTEER_ALIAS);
        }
        return new Link(m.id(), 1.0, "same name '" + key + "'", Basis.EXACT_NAME);
    }

    private List<Cluster> clusterPeople(String blockKey, List<ResolutionMention> sorted) {
        Map<String, List<ResolutionMention>> fullNames = new TreeMap<>();
        List<ResolutionMention> singles = new ArrayList<>();
        for (ResolutionMention m : sorted) {
            List<String> tokens = personTokens(m);
            if (tokens.size() >= 2) {
                fullNames.computeIfAbsent(String.join(" ", tokens), k -> new ArrayList<>()).add(m);
            } else {
                singles.add(m);
            }
        }
        Map<String, Set<String>> fullNameOrgs = new TreeMap<>();
        Map<String, List<Link>> fullNameLinks = new LinkedHashMap<>();
        fullNames.forEach((name, members) -> {
            Set<String> orgs = new TreeSet<>();
            members.forEach(m -> orgs.addAll(organizationKeys(m)));
            fullNameOrgs.put(name, orgs);
            List<Link> links = new ArrayList<>();
            members.forEach(m -> links.add(personNameLink(m, name)));
            fullNameLinks.put(name, links);
        });
        Map<String, List<ResolutionMention>> unattached = new TreeMap<>();
        for (ResolutionMention m : singles) {
            Set<String> orgs = organizationKeys(m);
            List<String> compatible = fullNameOrgs.entrySet().stream()
                    .filter(e -> !conflict(orgs, e.getValue())).map(Map.Entry::getKey).toList();
            String surname = blockKey.substring(2);
            if (compatible.size() == 1) {
                String name = compatible.get(0);
                Set<String> shared = new TreeSet<>(orgs);
                shared.retainAll(fullNameOrgs.get(name));
                boolean agree = !shared.isEmpty();
                fullNameLinks.get(name).add(new Link(m.id(), agree ? 0.9 : 0.75,
                        "surname '" + surname + "' matches the only compatible full name '" + name + "'"
                                + (agree ? ", organisation agrees (" + String.join(", ", shared) + ")" : "")
                                + (fullNames.size() > 1 ? "; the other full names conflict" : ""),
                        Basis.SURNAME_COMPATIBLE_ROLE));
            } else if (!compatible.isEmpty() && dominant(compatible, fullNames) != null) {
                String name = dominant(compatible, fullNames);
                fullNameLinks.get(name).add(new Link(m.id(), 0.65, "surname '" + surname + "': '" + name
                        + "' has most of the mentions of the compatible full names", Basis.SURNAME_DOMINANT));
            } else {
                unattached.computeIfAbsent(String.join(";", orgs), k -> new ArrayList<>()).add(m);
            }
        }
        List<Cluster> clusters = new ArrayList<>();
        fullNameLinks.values().forEach(links -> clusters.add(new Cluster(blockKey, sorted(links))));
        List<ResolutionMention> withoutOrganisation = unattached.remove("");
        // a bare surname is that of the only group of surnames when nothing else bears the name
        if (withoutOrganisation != null && unattached.size() == 1 && fullNames.isEmpty()) {
            unattached.values().iterator().next().addAll(withoutOrganisation);
            withoutOrganisation = null;
        }
        String surname = blockKey.substring(2);
        String ambiguity = fullNames.isEmpty() ? "no full name known" : "several full names, none alone compatible";
        unattached.forEach((orgs, members) -> clusters.add(new Cluster(blockKey, sorted(members.stream()
                .map(m -> new Link(m.id(), 0.6, "surname '" + surname + "' with organisations [" + orgs + "]; " + ambiguity,
                        Basis.SURNAME_ONLY))
                .toList()))));
        if (withoutOrganisation != null) {
            clusters.add(new Cluster(blockKey, sorted(withoutOrganisation.stream()
                    .map(m -> new Link(m.id(), 0.5, "surname '" + surname + "' without organisation; " + ambiguity, Basis.SURNAME_ONLY))
                    .toList())));
        }
        return clusters;
    }

    /** A person's mention that is a full name: as written, or through a name the gazetteer lists for the person. */
    private Link personNameLink(ResolutionMention m, String name) {
        if (!EntityNames.nameKey(m.name(), EntityType.PERSON).equals(name)) {
            return new Link(m.id(), 0.95, "gazetteer " + gazetteer.version() + ": '" + m.name() + "' = '" + name + "'",
                    Basis.GAZETTEER_ALIAS);
        }
        return new Link(m.id(), 1.0, "full name '" + name + "'", Basis.EXACT_NAME);
    }

    /**
     * The full name a bare surname most likely means when several fit: the one named at least
     * {@value #DOMINANT_SHARE} of the time (and {@value #DOMINANT_MIN} times), as "Trump" in 2016 news; else null.
     */
    private static String dominant(List<String> compatible, Map<String, List<ResolutionMention>> fullNames) {
        int total = compatible.stream().mapToInt(n -> fullNames.get(n).size()).sum();
        for (String name : compatible) {
            int count = fullNames.get(name).size();
            if (count >= DOMINANT_MIN && count >= DOMINANT_SHARE * total) {
                return name;
            }
        }
        return null;
    }

    private static List<Link> sorted(List<Link> links) {
        List<Link> copy = new ArrayList<>(links);
        copy.sort(Comparator.comparing(Link::mentionId));
        return copy;
    }

    /** The name tokens of a person (after the gazetteer's canonical name, if it lists the person); null if not a person. */
    private List<String> personTokens(ResolutionMention m) {
        if (!EntityNames.isPerson(m.type())) {
            return null;
        }
        Gazetteer.Entry entry = gazetteer.lookup(m.name()).orElse(null);
        if (entry != null && entry.type() == EntityType.PERSON) {
            return EntityNames.nameTokens(entry.canonical(), EntityType.PERSON);
        }
        if (entry != null && m.type() == null) {
            return null; // an untyped name the gazetteer knows as a place or organisation
        }
        return EntityNames.nameTokens(m.name(), EntityType.PERSON);
    }

    /** The canonical key of a non-person: its gazetteer entity's name, else its own name. */
    public String canonicalKey(ResolutionMention m) {
        return gazetteer.lookup(m.name())
                .map(e -> EntityNames.nameKey(e.canonical(), EntityType.ORGANIZATION))
                .orElse(EntityNames.nameKey(m.name(), m.type() == null ? EntityType.PERSON : m.type()));
    }

    /** The mention's organisations as compared (canonical through the gazetteer). */
    public Set<String> organizationKeys(ResolutionMention m) {
        Set<String> keys = new TreeSet<>();
        for (String organization : m.organizations()) {
            String key = gazetteer.organizationKey(organization);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Two sets of organisations conflict when both are stated and none contains another (word-wise). */
    static boolean conflict(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        for (String x : a) {
            for (String y : b) {
                if (sameOrganization(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameOrganization(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        Set<String> xs = new java.util.HashSet<>(java.util.Arrays.asList(x.replace("g:", "").split(" ")));
        Set<String> ys = new java.util.HashSet<>(java.util.Arrays.asList(y.replace("g:", "").split(" ")));
        return xs.containsAll(ys) || ys.containsAll(xs);
    }
}
