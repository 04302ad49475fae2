package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.EntityClusterer;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.extraction.entity.Gazetteer;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.RoleView;
import io.quotegraph.model.view.AliasLinkView;
import io.quotegraph.model.view.SpeakerLinkView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.statements.common.Criteria;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.entity.service.GazetteerService;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Canonical speakers: resolving an article's speakers to them, keeping their derived fields, and reading them. */
@ApplicationScoped
public class SpeakerService {

    private static final int MAX_SEARCH_WORDS = 20;

    /** The fields of its mappings that a speaker's derived fields are computed from ({@link #derive}). */
    private static final String[] DERIVED_FROM = {"name", "type", "aliases", "roles", "statementCount", "mention"};

    @Inject
    SpeakerRepository speakers;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    ClusterResolution clusters;
    @Inject
    GazetteerService gazetteer;

    /**
     * What an article names, for resolution: its mappings as stored until now ({@link #mappingsOfArticles}), its
     * speakers, the entities its statements name that are not its speakers (article-local keys "E:…"), and its statements
     * by speaker key (kept on the mappings: speakers' counts are their sums).
     */
    public record ArticleNames(String articleId, Instant publishedAt, List<Document> stored, List<ArticleSpeaker> speakers,
                               List<ArticleSpeaker> mentioned, Map<String, Integer> statementCounts) {
    }

    /**
     * The canonical speaker ids of each article's speakers and of the entities its statements name, by article id and
     * article-local key; the speakers whose mappings changed; and the other articles (not resolved here) whose
     * mappings moved to another speaker (their statements need relinking).
     */
    public record Resolution(Map<String, Map<String, String>> speakerIds, Set<String> affectedSpeakers,
                             Set<String> movedArticles) {
    }

    /** The mappings of these articles as stored, by article id (two reads in all). */
    public Map<String, List<Document>> mappingsOfArticles(Collection<String> articleIds) {
        return articleSpeakers.findByArticles(articleIds);
    }

    /** The speakers these mappings point at. */
    public static Set<String> speakerIds(List<Document> mappings) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document mapping : mappings) {
            if (mapping.getString("speakerId") != null) {
                ids.add(mapping.getString("speakerId"));
            }
        }
        return ids;
    }

    /**
     * Records the articles' speakers and named entities as mappings, then re-clusters the blocks they fall in (and the
     * blocks they left) with {@link ClusterResolution}, once for all the articles. A mapping keeps its speaker id as a
     * hint, so that clusters keep their ids; what resolution decides does not depend on the order articles were
     * delivered in, nor on how they were batched.
     */
    public Resolution resolveArticles(List<ArticleNames> articles) {
        EntityClusterer clusterer = gazetteer.clusterer();
        Set<String> blocks = new TreeSet<>();
        Set<String> affected = new TreeSet<>();
        Map<String, Document> previousById = new HashMap<>();
        Map<String, List<Document>> writtenByArticle = new LinkedHashMap<>();
        List<Document> gone = new ArrayList<>();
        for (ArticleNames article : articles) {
            String articleId = article.articleId();
            Map<String, Document> previous = new HashMap<>();
            for (Document mapping : article.stored()) {
                previous.put(mapping.getString("speakerKey"), mapping);
                previousById.put(mapping.getString("_id"), mapping);
            }
            Set<String> keys = new LinkedHashSet<>();
            List<ArticleSpeaker> all = new ArrayList<>(article.speakers());
            all.addAll(article.mentioned());
            Set<String> mentionKeys = new HashSet<>(article.mentioned().stream().map(ArticleSpeaker::key).toList());
            List<Document> written = new ArrayList<>();
            for (ArticleSpeaker speaker : all) {
                if (!keys.add(speaker.key())) {
                    continue;
                }
                String name = NameKeys.displayName(speaker);
                Document before = previous.get(speaker.key());
                Document mapping = mapping(articleId, article.publishedAt(), speaker, name,
                        name == null ? "" : EntityNames.nameKey(name, speaker.type()),
                        before == null ? null : before.getString("speakerId"));
                mapping.append("mention", mentionKeys.contains(speaker.key()))
                        .append("statementCount", article.statementCounts().getOrDefault(speaker.key(), 0));
                if (name != null) {
                    boolean roleOnly = NameKeys.isAnonymous(speaker);
                    mapping.append("roleOnly", roleOnly);
                    String blockKey = clusterer.blockKey(ClusterResolution.mention(mapping));
                    mapping.append("blockKey", blockKey);
                    blocks.add(blockKey);
                } else {
                    mapping.put("speakerId", null);
                }
                if (before != null) {
                    mapping.append("score", before.get("score")).append("evidence", before.get("evidence"))
                            .append("basis", before.get("basis"));
                    blocks.add(before.getString("blockKey"));
                }
                written.add(mapping);
            }
            writtenByArticle.put(articleId, written);
            previous.forEach((key, mapping) -> {
                if (!keys.contains(key)) {
                    gone.add(mapping);
                    blocks.add(mapping.getString("blockKey"));
                    if (mapping.getString("speakerId") != null) {
                        affected.add(mapping.getString("speakerId"));
                    }
                }
            });
        }
        articleSpeakers.upsertAll(writtenByArticle.values().stream().flatMap(List::stream).toList(), previousById);
        articleSpeakers.deleteAll(gone);
        Map<String, List<Document>> arriving = new TreeMap<>();
        Set<String> departed = new TreeSet<>();
        writtenByArticle.values().stream().flatMap(List::stream).forEach(mapping -> {
            String blockKey = mapping.getString("blockKey");
            if (blockKey != null) {
                arriving.computeIfAbsent(blockKey, k -> new ArrayList<>()).add(mapping);
            }
            Document before = previousById.get(mapping.getString("_id"));
            if (before != null && before.getString("blockKey") != null && !before.getString("blockKey").equals(blockKey)) {
                departed.add(before.getString("blockKey"));
            }
        });
        gone.forEach(mapping -> departed.add(mapping.getString("blockKey")));
        ClusterResolution.Outcome outcome = clusters.resolveDelivery(clusterer, blocks, arriving, departed);
        affected.addAll(outcome.speakerIds());
        // where re-clustering put the articles' names (no re-read: every named mapping was in a re-clustered block)
        Map<String, Map<String, String>> idsByArticle = new LinkedHashMap<>();
        writtenByArticle.forEach((articleId, written) -> {
            Map<String, String> ids = new LinkedHashMap<>();
            boolean unresolved = false;
            for (Document mapping : written) {
                String key = mapping.getString("speakerKey");
                String assigned = outcome.assignments().get(mapping.getString("_id"));
                ids.put(key, mapping.getString("blockKey") == null ? null : assigned);
                unresolved |= mapping.getString("blockKey") != null && assigned == null;
            }
            if (unresolved) {
                for (Document mapping : articleSpeakers.findByArticle(articleId)) {
                    ids.put(mapping.getString("speakerKey"), mapping.getString("speakerId"));
                }
            }
            ids.values().stream().filter(java.util.Objects::nonNull).forEach(affected::add);
            idsByArticle.put(articleId, ids);
        });
        Set<String> moved = new TreeSet<>(outcome.articleIds());
        moved.removeAll(writtenByArticle.keySet());
        return new Resolution(idsByArticle, affected, moved);
    }

    /** The mappings of a speaker: each article's name for it, with the score and evidence of the link. */
    public List<SpeakerLinkView> links(String speakerId) {
        String id = document(speakerId).getString("_id");
        return articleSpeakers.findBySpeaker(id).stream().map(m -> new SpeakerLinkView(m.getString("articleId"),
                m.getString("speakerKey"), m.getString("name"), Boolean.TRUE.equals(m.getBoolean("mention")),
                score(m), m.getString("evidence"), m.getString("basis"))).toList();
    }

    /**
     * The speaker's aliases, each with the best link among the article names that use it: within an article a role
     * or other name standing for the article's name of the speaker rests on ANTECEDENT, a gazetteer name on
     * GAZETTEER_ALIAS, the article's name itself on its link's basis; curated aliases on CURATION.
     */
    public List<AliasLinkView> aliasLinks(String speakerId) {
        Document speaker = document(speakerId);
        Gazetteer g = gazetteer.current();
        EntityType type = speaker.getString("type") == null ? null : EntityType.valueOf(speaker.getString("type"));
        String speakerName = speaker.getString("name");
        Map<String, AliasLinkView> byKey = new LinkedHashMap<>();
        Set<String> curated = new HashSet<>();
        speaker.getList("curatedAliases", String.class, List.of()).forEach(a -> curated.add(aliasKey(a)));
        if (speaker.getString("curatedName") != null) {
            curated.add(aliasKey(speaker.getString("curatedName")));
        }
        List<Document> mappings = new ArrayList<>(articleSpeakers.findBySpeaker(speaker.getString("_id")));
        mappings.sort(Comparator.comparing((Document m) -> -score(m)).thenComparing(m -> m.getString("articleId"))
                .thenComparing(m -> m.getString("speakerKey")));
        for (String alias : speaker.getList("aliases", String.class, List.of())) {
            String key = aliasKey(alias);
            if (curated.contains(key)) {
                byKey.putIfAbsent(key, new AliasLinkView(alias, 1.0, "curated alias", EntityClusterer.Basis.CURATION.name()));
                continue;
            }
            for (Document m : mappings) {
                String mappingName = m.getString("name");
                boolean isName = mappingName != null && aliasKey(mappingName).equals(key);
                boolean used = isName || m.getList("aliases", String.class, List.of()).stream().anyMatch(a -> aliasKey(a).equals(key));
                if (!used) {
                    continue;
                }
                String link = "; article " + m.getString("articleId") + " linked by: " + m.getString("evidence");
                double score = score(m);
                if (isName) {
                    byKey.putIfAbsent(key, new AliasLinkView(alias, score, "the article's name '" + mappingName + "'" + link, m.getString("basis")));
                } else if (EntityNames.isRoleOnly(alias)) {
                    byKey.putIfAbsent(key, new AliasLinkView(alias, score, "within the article, '" + alias + "' stands for '"
                            + mappingName + "'" + link, EntityClusterer.Basis.ANTECEDENT.name()));
                } else if (g.lookup(alias).map(e -> speakerName != null && g.lookup(speakerName).map(e::equals).orElse(false)).orElse(false)) {
                    byKey.putIfAbsent(key, new AliasLinkView(alias, score, "gazetteer " + g.version() + ": '" + alias + "' = '"
                            + speakerName + "'" + link, EntityClusterer.Basis.GAZETTEER_ALIAS.name()));
                } else {
                    byKey.putIfAbsent(key, new AliasLinkView(alias, score, "within the article, '" + alias + "' names '"
                            + mappingName + "'" + link, EntityClusterer.Basis.ANTECEDENT.name()));
                }
                break;
            }
            if (!byKey.containsKey(key) && type != null && alias.equals(speakerName)) {
                byKey.put(key, new AliasLinkView(alias, 1.0, "the canonical name", EntityClusterer.Basis.EXACT_NAME.name()));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static String aliasKey(String alias) {
        return String.join(" ", TextTokens.words(alias));
    }

    private static double score(Document mapping) {
        Number n = mapping.get("score", Number.class);
        return n == null ? 0 : n.doubleValue();
    }

    private static Document mapping(String articleId, Instant publishedAt, ArticleSpeaker speaker, String name,
                                    String nameKey, String speakerId) {
        List<Document> roles = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        for (Role role : speaker.roles()) {
            if (role != null && (notBlank(role.title()) || notBlank(role.organization()))) {
                roles.add(new Document("title", trimToNull(role.title())).append("organization", trimToNull(role.organization())));
                if (notBlank(role.organization())) {
                    organizations.add(role.organization().trim());
                }
            }
        }
        return new Document("articleId", articleId)
                .append("speakerKey", speaker.key())
                .append("speakerId", speakerId)
                .append("name", name)
                .append("nameKey", nameKey)
                .append("type", speaker.type() == null ? null : speaker.type().name())
                .append("aliases", speaker.aliases().stream().filter(SpeakerService::notBlank).map(String::trim).toList())
                .append("roles", roles)
                .append("organizations", organizations)
                .append("publishedAt", Dates.toBson(publishedAt));
    }

    /**
     * Recomputes the derived fields of these speakers from their article mappings, statements and curation: name
     * (curated, else the fullest name the articles give), type, aliases (every name the articles use, plus curated
     * ones, less suppressed ones), roles with first and last publication dates (organisations made canonical by the
     * gazetteer, so "State Department" and "U.S. Department of State" are one role), affiliations and statement
     * count. Idempotent, so it repairs whatever an interrupted delivery left. The articles that name a speaker are not
     * kept on it (a list that grew with every article, rewritten by every delivery naming the speaker): they are its
     * mappings' articles.
     *
     * @return the speakers whose name changed
     */
    public Set<String> refresh(Collection<String> speakerIds) {
        Gazetteer g = gazetteer.current();
        Set<String> ids = new TreeSet<>(speakerIds);
        if (ids.isEmpty()) {
            return new TreeSet<>();
        }
        Map<String, List<Document>> mappings = articleSpeakers.findFieldsBySpeakers(ids, DERIVED_FROM);
        Map<String, Document> derived = new LinkedHashMap<>();
        Set<String> renamed = new TreeSet<>();
        for (Document speaker : speakers.findByIds(ids)) {
            String id = speaker.getString("_id");
            Document fields = derive(speaker, mappings.get(id), g);
            derived.put(id, fields);
            if (!java.util.Objects.equals(fields.getString("name"), speaker.getString("name"))) {
                renamed.add(id);
            }
        }
        speakers.setDerived(derived);
        return renamed;
    }

    private Document derive(Document speaker, List<Document> mappings, Gazetteer g) {
        List<String> suppressed = speaker.getList("suppressedAliases", String.class, List.of());
        Set<String> suppressedKeys = new HashSet<>();
        suppressed.forEach(a -> suppressedKeys.add(String.join(" ", TextTokens.words(a))));
        EntityType type = bestType(mappings, speaker);
        String name = speaker.getString("curatedName") != null ? speaker.getString("curatedName")
                : bestName(mappings, type, g, speaker.getString("name"));
        Map<String, String> aliases = new LinkedHashMap<>();
        addAlias(aliases, name, suppressedKeys);
        speaker.getList("curatedAliases", String.class, List.of()).forEach(a -> addAlias(aliases, a, suppressedKeys));
        Map<String, Document> roles = new LinkedHashMap<>();
        Set<String> orgKeys = new TreeSet<>();
        Map<String, String> affiliations = new LinkedHashMap<>();
        long statementCount = 0;
        boolean speaks = false;
        for (Document mapping : mappings) {
            Number mappingStatements = mapping.get("statementCount", Number.class);
            statementCount += mappingStatements == null ? 0 : mappingStatements.longValue();
            speaks |= !Boolean.TRUE.equals(mapping.getBoolean("mention"));
            addAlias(aliases, mapping.getString("name"), suppressedKeys);
            mapping.getList("aliases", String.class, List.of()).forEach(a -> addAlias(aliases, a, suppressedKeys));
            LocalDate seen = Dates.utcDate(Dates.instant(mapping.get("publishedAt")));
            for (Document role : mapping.getList("roles", Document.class, List.of())) {
                addRole(roles, role.getString("title"), role.getString("organization"), seen, g, orgKeys, affiliations);
            }
        }
        if (type == EntityType.PERSON && name != null) {
            // the offices the gazetteer states for the person on the days the articles saw them
            for (Document mapping : mappings) {
                LocalDate seen = Dates.utcDate(Dates.instant(mapping.get("publishedAt")));
                for (Gazetteer.Office office : g.officesOf(name, seen)) {
                    addRole(roles, office.title(), office.organization(), seen, g, orgKeys, affiliations);
                }
            }
        }
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
        boolean listed = speaker.getString("mergedInto") == null && !mappings.isEmpty();
        Document derived = new Document("type", type == null ? null : type.name())
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
        return derived;
    }

    /**
     * Adds a role seen on a date: organisations made canonical by the gazetteer, titles compared by their words with
     * spokesman, spokeswoman and spokesperson one title; the first title seen is kept.
     */
    private static void addRole(Map<String, Document> roles, String title, String rawOrganization, LocalDate seen, Gazetteer g,
                                Set<String> orgKeys, Map<String, String> affiliations) {
        String organization = rawOrganization == null ? null : g.canonicalName(rawOrganization);
        String orgKey = organization == null ? "" : g.organizationKey(organization);
        if (!orgKey.isEmpty()) {
            orgKeys.add(orgKey);
            affiliations.putIfAbsent(orgKey, organization);
        }
        String roleKey = titleKey(title) + "|" + orgKey;
        Document merged = roles.computeIfAbsent(roleKey, k -> new Document("title", title)
                .append("organization", organization).append("firstSeen", null).append("lastSeen", null));
        widen(merged, seen, seen);
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

    /** The most frequent type the articles give (people first on a tie); the gazetteer's for names it knows. */
    private static EntityType bestType(List<Document> mappings, Document speaker) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Document m : mappings) {
            if (m.getString("type") != null) {
                counts.merge(m.getString("type"), Boolean.TRUE.equals(m.getBoolean("mention")) ? 1 : 100, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return speaker.getString("type") == null ? null : EntityType.valueOf(speaker.getString("type"));
        }
        return EntityType.valueOf(counts.entrySet().stream()
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
        boolean anySpeaking = mappings.stream().anyMatch(m -> !Boolean.TRUE.equals(m.getBoolean("mention")));
        for (Document m : mappings) {
            if (m.getString("name") != null && (!anySpeaking || !Boolean.TRUE.equals(m.getBoolean("mention")))) {
                frequency.merge(m.getString("name"), 1, Integer::sum);
            }
        }
        if (frequency.isEmpty()) {
            return fallback;
        }
        return frequency.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> EntityNames.nameTokens(e.getKey(), type).size())
                        .thenComparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    private static void addAlias(Map<String, String> aliases, String alias, Set<String> suppressedKeys) {
        if (alias == null) {
            return;
        }
        String key = String.join(" ", TextTokens.words(alias));
        if (!key.isEmpty() && !suppressedKeys.contains(key)) {
            aliases.putIfAbsent(key, alias.trim());
        }
    }

    /** Display names of these speakers, by id (unknown ids are missing). */
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            speakers.findByIds(ids).forEach(d -> names.put(d.getString("_id"), d.getString("name")));
        }
        return names;
    }

    public Page<SpeakerView> list(String search, String role, List<String> ids, int offset, int limit) {
        return list(search, role, ids, null, true, offset, limit);
    }

    /**
     * Canonical speakers ({@code speakersOnly}) or any canonical entities; listing by ids returns them even when merged
     * away or no longer mentioned, a search does not.
     *
     * @param role  words, each the start of a word of one of the speaker's role titles ("spokes" finds spokesmen); null: any
     * @param types entity types to keep (null: any)
     */
    public Page<SpeakerView> list(String search, String role, List<String> ids, Collection<EntityType> types,
                                  boolean speakersOnly, int offset, int limit) {
        return list(search, role, ids, types, speakersOnly, List.of(), offset, limit);
    }

    /** As {@link #list(String, String, List, Collection, boolean, int, int)}, only entities named in these articles. */
    public Page<SpeakerView> list(String search, String role, List<String> ids, Collection<EntityType> types,
                                  boolean speakersOnly, List<String> articleIds, int offset, int limit) {
        Criteria criteria = new Criteria();
        if (ids.isEmpty()) {
            criteria.ne("listed", false);
        }
        List<String> candidates = ids;
        if (!articleIds.isEmpty()) {
            // the entities the articles name: those their mappings point at (read by _id through the article sets)
            Set<String> named = new LinkedHashSet<>();
            articleSpeakers.findByArticles(articleIds).values().forEach(mappings -> named.addAll(speakerIds(mappings)));
            candidates = ids.isEmpty() ? new ArrayList<>(named) : ids.stream().filter(named::contains).toList();
            if (candidates.isEmpty()) {
                return new Page<>(List.of(), offset, limit, 0);
            }
        }
        if (speakersOnly) {
            criteria.ne("speaker", false);
        }
        if (types != null) {
            criteria.in("type", types.stream().map(Enum::name).toList());
        }
        if (search != null && !search.isBlank()) {
            List<String> words = TextTokens.tokens(search);
            if (words.isEmpty()) {
                return new Page<>(List.of(), offset, limit, 0); // nothing searchable, e.g. ".*"
            }
            if (words.size() > MAX_SEARCH_WORDS) {
                throw Params.invalid("search", "at most " + MAX_SEARCH_WORDS + " words are allowed");
            }
            // every word is a prefix of one of the speaker's name/alias words; the words contain only letters and
            // digits and are quoted besides, so user input never acts as a regex
            for (String word : words) {
                criteria.regex("searchTokens", Pattern.compile("^" + Pattern.quote(word)));
            }
        }
        if (role != null && !role.isBlank()) {
            List<String> words = TextTokens.tokens(role);
            if (words.isEmpty()) {
                return new Page<>(List.of(), offset, limit, 0);
            }
            if (words.size() > MAX_SEARCH_WORDS) {
                throw Params.invalid("role", "at most " + MAX_SEARCH_WORDS + " words are allowed");
            }
            for (String word : words) {
                // letters and digits only, quoted: a word start within a title, whatever its case
                criteria.regex("roles.title", Pattern.compile("(^|[^a-z0-9])" + Pattern.quote(word), Pattern.CASE_INSENSITIVE));
            }
        }
        // by ids: read by _id, the other conditions checked on what was read (see Criteria)
        return candidates.isEmpty() ? speakers.page(criteria.filter(), offset, limit, SpeakerService::toView)
                : speakers.pageById(new LinkedHashSet<>(candidates), criteria, offset, limit, SpeakerService::toView);
    }

    /** The speaker with this id; a speaker merged into another answers as that one. */
    public SpeakerView get(String id) {
        return toView(document(id));
    }

    /** The stored speaker with this id, following merges; 404 when unknown. */
    public Document document(String id) {
        Document d = speakers.findById(id).orElseThrow(() -> Params.notFound("speaker", id));
        Set<String> seen = new HashSet<>();
        while (d.getString("mergedInto") != null && seen.add(d.getString("_id"))) {
            Document target = speakers.findById(d.getString("mergedInto")).orElse(null);
            if (target == null) {
                break;
            }
            d = target;
        }
        return d;
    }

    public static SpeakerView view(Document d) {
        return toView(d);
    }

    static SpeakerView toView(Document d) {
        List<RoleView> roles = new ArrayList<>();
        for (Document role : d.getList("roles", Document.class, List.of())) {
            roles.add(new RoleView(role.getString("title"), role.getString("organization"),
                    Dates.date(role.get("firstSeen")), Dates.date(role.get("lastSeen"))));
        }
        String type = d.getString("type");
        Number count = d.get("statementCount", Number.class);
        return new SpeakerView(d.getString("_id"), d.getString("name"),
                type == null ? null : EntityType.valueOf(type.toUpperCase(Locale.ROOT)),
                d.getList("aliases", String.class, List.of()), roles, count == null ? 0 : count.longValue(),
                d.getList("affiliations", String.class, List.of()));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }
}
