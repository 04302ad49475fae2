package io.quotegraph.statements.speaker.service;

import com.mongodb.client.model.Filters;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;
import io.quotegraph.model.view.Page;
import io.quotegraph.model.view.RoleView;
import io.quotegraph.model.view.SpeakerView;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.Params;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import io.quotegraph.statements.statement.repository.StatementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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

    @Inject
    SpeakerRepository speakers;
    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    StatementRepository statements;
    @Inject
    SpeakerResolver resolver;

    /** The canonical speaker ids of an article's speakers, by speaker key, and the speakers whose name changed. */
    public record ArticleResolution(Map<String, String> speakerIds, Set<String> renamed) {
    }

    /** The speakers an article currently maps to (from its stored mappings). */
    public Set<String> speakerIdsOfArticle(String articleId) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document mapping : articleSpeakers.findByArticle(articleId)) {
            if (mapping.getString("speakerId") != null) {
                ids.add(mapping.getString("speakerId"));
            }
        }
        return ids;
    }

    /**
     * Maps each of the article's speakers to a canonical speaker and records the mapping. A speaker the article already
     * mapped under the same key and normalised name keeps its canonical speaker, so redeliveries are stable.
     * Full names are resolved before single names, so "Miller" can find the article's own "Matthew Miller".
     */
    public ArticleResolution resolveArticle(String articleId, Instant publishedAt, List<ArticleSpeaker> articleSpeakerList) {
        Map<String, Document> previous = new HashMap<>();
        for (Document mapping : articleSpeakers.findByArticle(articleId)) {
            previous.put(mapping.getString("speakerKey"), mapping);
        }
        List<ArticleSpeaker> ordered = new ArrayList<>(articleSpeakerList);
        ordered.sort(Comparator.<ArticleSpeaker>comparingInt(s -> -nameSize(s)).thenComparing(ArticleSpeaker::key));
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> renamed = new LinkedHashSet<>();
        for (ArticleSpeaker speaker : ordered) {
            String name = SpeakerResolver.displayName(speaker);
            String nameKey = name == null ? "" : NameKeys.nameKey(name, speaker.type());
            String typeName = speaker.type() == null ? null : speaker.type().name();
            Document before = previous.get(speaker.key());
            String speakerId = null;
            if (before != null && nameKey.equals(before.getString("nameKey"))
                    && java.util.Objects.equals(typeName, before.getString("type"))
                    && before.getString("speakerId") != null
                    && speakers.findById(before.getString("speakerId")).isPresent()) {
                speakerId = before.getString("speakerId");
            } else if (name != null) {
                SpeakerResolver.Resolved resolved = resolver.resolve(articleId, speaker);
                speakerId = resolved.speakerId();
                if (resolved.renamed()) {
                    renamed.add(speakerId);
                }
            }
            ids.put(speaker.key(), speakerId);
            articleSpeakers.upsert(mapping(articleId, publishedAt, speaker, name, nameKey, speakerId));
        }
        articleSpeakers.deleteOthers(articleId, ids.keySet());
        return new ArticleResolution(ids, renamed);
    }

    private static int nameSize(ArticleSpeaker speaker) {
        String name = SpeakerResolver.displayName(speaker);
        return name == null ? 0 : NameKeys.nameTokens(name, speaker.type()).size();
    }

    private static Document mapping(String articleId, Instant publishedAt, ArticleSpeaker speaker, String name,
                                    String nameKey, String speakerId) {
        List<Document> roles = new ArrayList<>();
        for (Role role : speaker.roles()) {
            if (role != null && (notBlank(role.title()) || notBlank(role.organization()))) {
                roles.add(new Document("title", trimToNull(role.title())).append("organization", trimToNull(role.organization())));
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
                .append("publishedAt", Dates.toBson(publishedAt));
    }

    /**
     * Recomputes the derived fields of these speakers from their article mappings and statements: aliases (every name
     * and alias the articles use), roles with first and last publication dates, organisations, articles, statement count.
     * Idempotent, so it repairs whatever an interrupted delivery left.
     */
    public void refresh(Collection<String> speakerIds) {
        for (String id : new TreeSet<>(speakerIds)) {
            speakers.findById(id).ifPresent(this::refresh);
        }
    }

    private void refresh(Document speaker) {
        String id = speaker.getString("_id");
        EntityType type = speaker.getString("type") == null ? null : EntityType.valueOf(speaker.getString("type"));
        Map<String, String> aliases = new LinkedHashMap<>();
        addAlias(aliases, speaker.getString("name"));
        Map<String, Document> roles = new LinkedHashMap<>();
        Set<String> orgKeys = new TreeSet<>();
        Set<String> articleIds = new TreeSet<>();
        for (Document mapping : articleSpeakers.findBySpeaker(id)) {
            articleIds.add(mapping.getString("articleId"));
            if (type == null && mapping.getString("type") != null) {
                type = EntityType.valueOf(mapping.getString("type"));
            }
            addAlias(aliases, mapping.getString("name"));
            mapping.getList("aliases", String.class, List.of()).forEach(a -> addAlias(aliases, a));
            LocalDate seen = Dates.utcDate(Dates.instant(mapping.get("publishedAt")));
            for (Document role : mapping.getList("roles", Document.class, List.of())) {
                String title = role.getString("title");
                String organization = role.getString("organization");
                String orgKey = organization == null ? "" : NameKeys.organizationKey(organization);
                if (!orgKey.isEmpty()) {
                    orgKeys.add(orgKey);
                }
                String roleKey = (title == null ? "" : String.join(" ", TextTokens.words(title))) + "|" + orgKey;
                Document merged = roles.computeIfAbsent(roleKey, k -> new Document("title", title)
                        .append("organization", organization).append("firstSeen", null).append("lastSeen", null));
                if (seen != null) {
                    LocalDate first = Dates.date(merged.get("firstSeen"));
                    LocalDate last = Dates.date(merged.get("lastSeen"));
                    merged.put("firstSeen", Dates.toBson(first == null || seen.isBefore(first) ? seen : first));
                    merged.put("lastSeen", Dates.toBson(last == null || seen.isAfter(last) ? seen : last));
                }
            }
        }
        boolean anonymous = Boolean.TRUE.equals(speaker.getBoolean("anonymous"));
        Set<String> aliasKeys = new TreeSet<>();
        Set<String> searchTokens = new TreeSet<>();
        if (!anonymous && speaker.getString("nameKey") != null) {
            aliasKeys.add(speaker.getString("nameKey"));
        }
        for (String alias : aliases.values()) {
            String key = NameKeys.nameKey(alias, type);
            if (!key.isEmpty() && !anonymous) {
                aliasKeys.add(key);
            }
            searchTokens.addAll(TextTokens.words(alias));
        }
        Document derived = new Document("type", type == null ? null : type.name())
                .append("aliases", new ArrayList<>(aliases.values()))
                .append("aliasKeys", new ArrayList<>(aliasKeys))
                .append("searchTokens", new ArrayList<>(searchTokens))
                .append("roles", new ArrayList<>(roles.values()))
                .append("orgKeys", new ArrayList<>(orgKeys))
                .append("articleIds", new ArrayList<>(articleIds))
                .append("statementCount", statements.countBySpeaker(id));
        speakers.setDerived(id, derived);
    }

    private static void addAlias(Map<String, String> aliases, String alias) {
        if (alias == null) {
            return;
        }
        String key = String.join(" ", TextTokens.words(alias));
        if (!key.isEmpty()) {
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

    public Page<SpeakerView> list(String search, List<String> ids, int offset, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (!ids.isEmpty()) {
            filters.add(Filters.in("_id", ids));
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
                filters.add(Filters.regex("searchTokens", "^" + Pattern.quote(word)));
            }
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return speakers.page(filter, offset, limit, SpeakerService::toView);
    }

    public SpeakerView get(String id) {
        return speakers.findById(id).map(SpeakerService::toView).orElseThrow(() -> Params.notFound("speaker", id));
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
                d.getList("aliases", String.class, List.of()), roles, count == null ? 0 : count.longValue());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String trimToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }
}
