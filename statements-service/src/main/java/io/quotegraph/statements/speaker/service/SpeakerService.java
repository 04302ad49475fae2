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
import io.quotegraph.statements.speaker.repository.SpeakerPageRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
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

    /** On a speaker: its mappings are summarised in pages ({@link SpeakerPageRepository}). */
    private static final String PAGED = "paged";

    @Inject
    SpeakerRepository speakers;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    SpeakerPageRepository speakerPages;
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
     * Recomputes the derived fields of these speakers from their article mappings and curation (see
     * {@link SpeakerDerivation}). A speaker's mappings are summarised in pages ({@link SpeakerPageRepository}): only the
     * pages written to since they were last summarised are read again, then all pages are merged, so a delivery naming
     * a speaker of long standing reads a page of its mappings, not all of them. A speaker not yet summarised (new, or
     * written by a version before the pages) is derived from all its mappings once and its pages written. Idempotent,
     * so it repairs whatever an interrupted delivery left.
     *
     * @return the speakers whose name changed
     */
    public Set<String> refresh(Collection<String> speakerIds) {
        Gazetteer g = gazetteer.current();
        Set<String> ids = new TreeSet<>(speakerIds);
        if (ids.isEmpty()) {
            return new TreeSet<>();
        }
        List<Document> stored = speakers.findByIds(ids);
        Map<String, Map<Integer, Document>> pages = speakerPages.findBySpeakers(
                stored.stream().map(d -> d.getString("_id")).toList());
        Set<String> unpaged = new TreeSet<>();
        Map<String, Set<Integer>> stalePages = new TreeMap<>();
        for (Document speaker : stored) {
            String id = speaker.getString("_id");
            if (!speaker.getBoolean(PAGED, false)) {
                unpaged.add(id);
            } else {
                Set<Integer> stale = new TreeSet<>();
                pages.get(id).forEach((page, document) -> {
                    if (SpeakerPageRepository.stale(document)) {
                        stale.add(page);
                    }
                });
                if (!stale.isEmpty()) {
                    stalePages.put(id, stale);
                }
            }
        }
        Map<String, List<Document>> whole = unpaged.isEmpty() ? Map.of()
                : articleSpeakers.findFieldsBySpeakers(unpaged, SpeakerDerivation.DERIVED_FROM);
        Map<String, List<Document>> onStalePages = stalePages.isEmpty() ? Map.of()
                : articleSpeakers.findFieldsOnSpeakerPages(stalePages, SpeakerDerivation.DERIVED_FROM);
        Map<String, Document> pageWrites = new LinkedHashMap<>();
        Map<String, Document> derived = new LinkedHashMap<>();
        Set<String> renamed = new TreeSet<>();
        for (Document speaker : stored) {
            String id = speaker.getString("_id");
            Map<Integer, Document> storedPages = pages.get(id);
            Document fields;
            if (unpaged.contains(id)) {
                List<Document> mappings = whole.get(id);
                Map<Integer, Document> partials = SpeakerDerivation.partials(mappings);
                storedPages.keySet().forEach(page -> partials.putIfAbsent(page, SpeakerDerivation.partial(List.of())));
                partials.forEach((page, partial) -> pageWrites.put(SpeakerPageRepository.id(id, page),
                        pageWrite(id, partial, storedPages.get(page))));
                fields = SpeakerDerivation.derive(speaker, mappings, g);
            } else {
                Map<Integer, Document> partials = new TreeMap<>(storedPages);
                Set<Integer> stale = stalePages.getOrDefault(id, Set.of());
                Map<Integer, Document> rederived = SpeakerDerivation.partials(onStalePages.getOrDefault(id, List.of()));
                for (int page : stale) {
                    Document partial = rederived.getOrDefault(page, SpeakerDerivation.partial(List.of()));
                    partials.put(page, partial);
                    pageWrites.put(SpeakerPageRepository.id(id, page), pageWrite(id, partial, storedPages.get(page)));
                }
                fields = SpeakerDerivation.merge(speaker, partials.values(), g);
            }
            derived.put(id, fields.append(PAGED, true));
            if (!java.util.Objects.equals(fields.getString("name"), speaker.getString("name"))) {
                renamed.add(id);
            }
        }
        speakerPages.saveDerived(pageWrites);
        speakers.setDerived(derived, unpaged);
        return renamed;
    }

    /** A page's partial derivation as stored: made from the mappings read after the page showed its writes. */
    private static Document pageWrite(String speakerId, Document partial, Document storedPage) {
        Number writes = storedPage == null ? null : storedPage.get("writes", Number.class);
        return new Document(partial).append("speakerId", speakerId).append("derivedAt", writes == null ? 0 : writes.intValue());
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
