package io.quotegraph.model;

import java.util.List;

/**
 * One speaker as a single article names it: the cluster of its mentions in that article.
 *
 * @param key     article-local identifier ("S1", "S2", ...) that statements refer to
 * @param name    the fullest proper name the article gives ("Matthew Miller", "Government of Azerbaijan")
 * @param type    PERSON, ORGANIZATION, COUNTRY, ...
 * @param aliases the names used for it in the article, without pronouns and bare role nouns ("Miller", "Matthew Miller")
 * @param roles   roles and affiliations the article states for it
 */
public record ArticleSpeaker(String key, String name, EntityType type, List<String> aliases, List<Role> roles) {

    public ArticleSpeaker {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
