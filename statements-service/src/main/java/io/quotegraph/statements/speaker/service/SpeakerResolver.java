package io.quotegraph.statements.speaker.service;

import com.mongodb.MongoException;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.Role;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.common.TextTokens;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds or creates the canonical speaker of one article speaker (speaker resolution v1, deterministic):
 * <ul>
 * <li>a full name (≥ 2 tokens after normalisation) matches the speaker with the same normalised full name
 *     (or, failing that, the only compatible speaker having it as an alias); failing both, it upgrades the only
 *     single-named person with that surname and no conflicting organisation; otherwise a new speaker;</li>
 * <li>a single name (a surname, or an organisation like "Azerbaijan") matches the speaker whose name or alias equals it,
 *     or the person whose surname equals it, when exactly one such candidate without conflicting organisation
 *     exists; otherwise a new speaker.</li>
 * </ul>
 * New speakers are inserted under a unique {@code matchKey}; a concurrent delivery creating the same speaker makes the
 * insert fail with a duplicate key, and resolution is retried, then finding that speaker.
 */
@ApplicationScoped
public class SpeakerResolver {

    private static final Logger LOG = Logger.getLogger(SpeakerResolver.class);
    private static final int ATTEMPTS = 5;

    @Inject
    SpeakerRepository speakers;

    /** The outcome for one article speaker: its canonical id, and whether that speaker's name was upgraded. */
    public record Resolved(String speakerId, boolean renamed) {
    }

    /**
     * Null when the article speaker has no usable name. A speaker known only by a role ("the spokesman": no aliases,
     * and a name that is a role) gets a speaker of its own for this article: roles are no identity across articles.
     */
    public Resolved resolve(String articleId, ArticleSpeaker speaker) {
        String displayName = displayName(speaker);
        if (displayName == null) {
            return null;
        }
        if (isAnonymous(speaker)) {
            return resolveAnonymous(articleId, speaker, displayName);
        }
        List<String> tokens = NameKeys.nameTokens(displayName, speaker.type());
        Set<String> orgKeys = organizationKeys(speaker.roles());
        MongoException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return tokens.size() >= 2
                        ? resolveFullName(speaker, displayName, tokens, orgKeys)
                        : resolveSingleName(speaker, displayName, tokens.get(0), orgKeys);
            } catch (MongoException e) {
                if (!Mongo.isDuplicateKey(e)) {
                    throw e;
                }
                LOG.debugf("concurrent creation of speaker '%s', retrying", displayName);
                last = e;
            } catch (Retry retry) {
                LOG.debugf("speaker '%s' changed concurrently, retrying", displayName);
            }
        }
        throw last != null ? last : new IllegalStateException("could not resolve speaker '" + displayName + "'");
    }

    private Resolved resolveFullName(ArticleSpeaker speaker, String displayName, List<String> tokens, Set<String> orgKeys) {
        String nameKey = String.join(" ", tokens);
        String matchKey = "n:" + nameKey;
        Document same = speakers.findByMatchKey(matchKey).orElse(null);
        if (same != null) {
            return new Resolved(same.getString("_id"), false);
        }
        List<Document> byAlias = compatible(speakers.findByAliasKey(nameKey), speaker.type(), orgKeys);
        if (byAlias.size() == 1) {
            return new Resolved(byAlias.get(0).getString("_id"), false);
        }
        boolean person = isPerson(speaker.type());
        String surname = tokens.get(tokens.size() - 1);
        if (person) {
            List<Document> singles = compatible(speakers.findSingleNamed(surname), speaker.type(), orgKeys).stream()
                    .filter(d -> isPerson(type(d)))
                    .toList();
            if (singles.size() == 1) {
                Document single = singles.get(0);
                String id = single.getString("_id");
                if (!speakers.upgradeName(id, single.getString("matchKey"), displayName, nameKey, matchKey)) {
                    throw new Retry();
                }
                return new Resolved(id, true);
            }
        }
        create(speaker, displayName, nameKey, matchKey, false, person ? surname : null, orgKeys);
        return resolvedAfterCreate(matchKey);
    }

    private Resolved resolveSingleName(ArticleSpeaker speaker, String displayName, String token, Set<String> orgKeys) {
        String matchKey = "s:" + token + "|" + String.join(";", orgKeys);
        List<Document> candidates = new ArrayList<>();
        List<Document> byNameOrAlias = new ArrayList<>();
        for (Document candidate : compatible(speakers.findByNameAliasOrSurname(token), speaker.type(), orgKeys)) {
            if (matchKey.equals(candidate.getString("matchKey"))) {
                return new Resolved(candidate.getString("_id"), false);
            }
            boolean namedSo = token.equals(candidate.getString("nameKey"))
                    || candidate.getList("aliasKeys", String.class, List.of()).contains(token);
            if (namedSo) {
                byNameOrAlias.add(candidate);
                candidates.add(candidate);
            } else if (isPerson(speaker.type()) && isPerson(type(candidate))) {
                candidates.add(candidate); // surname match: people only
            }
        }
        if (candidates.size() == 1) {
            return new Resolved(candidates.get(0).getString("_id"), false);
        }
        if (byNameOrAlias.size() == 1) {
            return new Resolved(byNameOrAlias.get(0).getString("_id"), false);
        }
        create(speaker, displayName, token, matchKey, true, isPerson(speaker.type()) ? token : null, orgKeys);
        return resolvedAfterCreate(matchKey);
    }

    /** A speaker the article names only by a role: no aliases, and a name that is a role. */
    public static boolean isAnonymous(ArticleSpeaker speaker) {
        boolean hasAlias = speaker.aliases().stream().anyMatch(a -> a != null && !TextTokens.words(a).isEmpty());
        return !hasAlias && NameKeys.isRoleOnly(speaker.name());
    }

    private Resolved resolveAnonymous(String articleId, ArticleSpeaker speaker, String displayName) {
        String matchKey = "a:" + articleId + "|" + speaker.key();
        MongoException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document existing = speakers.findByMatchKey(matchKey).orElse(null);
            if (existing != null) {
                return new Resolved(existing.getString("_id"), false);
            }
            try {
                // no nameKey, aliasKeys or surnameKey: other articles' speakers never match it
                speakers.insert(new Document("_id", UUID.randomUUID().toString())
                        .append("matchKey", matchKey)
                        .append("anonymous", true)
                        .append("name", displayName)
                        .append("type", speaker.type() == null ? null : speaker.type().name())
                        .append("nameKey", null)
                        .append("single", false)
                        .append("surnameKey", null)
                        .append("aliases", List.of(displayName))
                        .append("aliasKeys", List.of())
                        .append("searchTokens", TextTokens.tokens(displayName))
                        .append("roles", List.of())
                        .append("orgKeys", new ArrayList<>(organizationKeys(speaker.roles())))
                        .append("articleIds", List.of())
                        .append("statementCount", 0L));
            } catch (MongoException e) {
                if (!Mongo.isDuplicateKey(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new IllegalStateException("could not create speaker " + matchKey);
    }

    private Resolved resolvedAfterCreate(String matchKey) {
        return speakers.findByMatchKey(matchKey)
                .map(d -> new Resolved(d.getString("_id"), false))
                .orElseThrow(Retry::new);
    }

    private void create(ArticleSpeaker speaker, String displayName, String nameKey, String matchKey, boolean single,
                        String surnameKey, Set<String> orgKeys) {
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        aliases.add(displayName);
        speaker.aliases().stream().filter(a -> a != null && !a.isBlank()).forEach(aliases::add);
        Set<String> aliasKeys = new TreeSet<>();
        Set<String> searchTokens = new TreeSet<>();
        aliasKeys.add(nameKey);
        for (String alias : aliases) {
            String key = NameKeys.nameKey(alias, speaker.type());
            if (!key.isEmpty()) {
                aliasKeys.add(key);
            }
            searchTokens.addAll(TextTokens.words(alias));
        }
        Document document = new Document("_id", UUID.randomUUID().toString())
                .append("matchKey", matchKey)
                .append("name", displayName)
                .append("type", speaker.type() == null ? null : speaker.type().name())
                .append("nameKey", nameKey)
                .append("single", single)
                .append("surnameKey", surnameKey)
                .append("aliases", new ArrayList<>(aliases))
                .append("aliasKeys", new ArrayList<>(aliasKeys))
                .append("searchTokens", new ArrayList<>(searchTokens))
                .append("roles", List.of())
                .append("orgKeys", new ArrayList<>(orgKeys))
                .append("articleIds", List.of())
                .append("statementCount", 0L);
        speakers.insert(document);
    }

    /** Candidates of a compatible type whose organisations do not contradict the article's. */
    private static List<Document> compatible(List<Document> candidates, EntityType type, Set<String> orgKeys) {
        return candidates.stream()
                .filter(d -> NameKeys.compatible(type, type(d)))
                .filter(d -> !NameKeys.organizationsConflict(orgKeys,
                        new TreeSet<>(d.getList("orgKeys", String.class, List.of()))))
                .toList();
    }

    /** The fullest name the article gives: its name, else its longest alias; null if none has a letter or digit. */
    static String displayName(ArticleSpeaker speaker) {
        if (speaker.name() != null && !TextTokens.words(speaker.name()).isEmpty()) {
            return speaker.name().trim();
        }
        return speaker.aliases().stream()
                .filter(a -> a != null && !TextTokens.words(a).isEmpty())
                .max((a, b) -> Integer.compare(TextTokens.words(a).size(), TextTokens.words(b).size()))
                .map(String::trim)
                .orElse(null);
    }

    public static Set<String> organizationKeys(Collection<Role> roles) {
        Set<String> keys = new TreeSet<>();
        for (Role role : roles) {
            if (role != null && role.organization() != null) {
                String key = NameKeys.organizationKey(role.organization());
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private static boolean isPerson(EntityType type) {
        return type == null || type == EntityType.PERSON;
    }

    private static EntityType type(Document speaker) {
        String type = speaker.getString("type");
        return type == null ? null : EntityType.valueOf(type);
    }

    /** The speaker changed between reading and writing it: resolve again. */
    private static final class Retry extends RuntimeException {
        Retry() {
            super(null, null, false, false);
        }
    }
}
