package io.quotegraph.statements.entity.service;

import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities an article's statements name ({@link ExtractedStatement#about()}), as article-level entries that
 * resolution treats like the article's speakers: one per entity, under the article-local key "E:{type}:{name key}";
 * a mention of one of the article's speakers is that speaker's key. The titles the text gives them ("President") are
 * their roles.
 */
public final class MentionedEntities {

    public static final String KEY_PREFIX = "E:";
    private static final int MAX_KEY_LENGTH = 200;

    private MentionedEntities() {
    }

    /** The article-local key a mention resolves through; null when it names nothing usable. */
    public static String key(EntityMention mention) {
        if (mention.speakerKey() != null) {
            return mention.speakerKey();
        }
        String nameKey = EntityNames.nameKey(mention.name(), mention.type());
        if (nameKey.isEmpty()) {
            return null;
        }
        String key = KEY_PREFIX + (mention.type() == null ? EntityType.OTHER : mention.type()).name() + ":" + nameKey;
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** The statement's entity keys, in order, without repeats. */
    public static List<String> keys(ExtractedStatement statement) {
        Set<String> keys = new LinkedHashSet<>();
        for (EntityMention m : statement.about()) {
            if (m != null && m.name() != null) {
                String key = key(m);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** These named entities, except the article's speakers, as entries for resolution (one per key). */
    public static List<ArticleSpeaker> entries(List<EntityMention> mentions) {
        Map<String, ArticleSpeaker> entries = new LinkedHashMap<>();
        Map<String, Set<String>> surfaces = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            if (m == null || m.name() == null || m.speakerKey() != null) {
                continue;
            }
            String key = key(m);
            if (key == null) {
                continue;
            }
            Set<String> names = surfaces.computeIfAbsent(key, k -> new LinkedHashSet<>());
            names.add(m.name().strip());
            if (m.span() != null && m.span().text() != null && !m.span().text().isBlank()) {
                names.add(m.span().text().strip());
            }
            Set<Role> titles = roles.computeIfAbsent(key, k -> new LinkedHashSet<>());
            if (m.role() != null && !m.role().isBlank()) {
                titles.add(new Role(m.role().strip(), null));
            }
            entries.put(key, new ArticleSpeaker(key, m.name().strip(), m.type(), new ArrayList<>(names),
                    new ArrayList<>(titles)));
        }
        return new ArrayList<>(entries.values());
    }
}
