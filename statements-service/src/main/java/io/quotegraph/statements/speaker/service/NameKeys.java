package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.common.TextTokens;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What resolution compares besides name keys (which are {@link EntityNames#nameKey}, shared with the extraction so that
 * both sides normalise alike): organisation conflicts, type compatibility, and the names of an article's speaker.
 */
public final class NameKeys {

    private NameKeys() {
    }

    /** Whether two sets of organisation keys contradict each other: both stated, and none contains another. */
    public static boolean organizationsConflict(Set<String> a, Set<String> b) {
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
        Set<String> xs = new HashSet<>(Arrays.asList(x.split(" ")));
        Set<String> ys = new HashSet<>(Arrays.asList(y.split(" ")));
        return xs.containsAll(ys) || ys.containsAll(xs);
    }

    /** Whether speakers of these types may be the same entity: people only match people (unknown matches anything). */
    public static boolean compatible(EntityType a, EntityType b) {
        if (a == null || b == null) {
            return true;
        }
        return (a == EntityType.PERSON) == (b == EntityType.PERSON);
    }

    /** A speaker the article names only by a role: no aliases, and a name that is a role. */
    public static boolean isAnonymous(ArticleSpeaker speaker) {
        boolean hasAlias = speaker.aliases().stream().anyMatch(a -> a != null && !TextTokens.words(a).isEmpty());
        return !hasAlias && EntityNames.isRoleOnly(speaker.name());
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
}
