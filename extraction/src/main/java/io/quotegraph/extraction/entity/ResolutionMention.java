package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;

import java.util.List;

/**
 * One article's name for an entity, as cross-article resolution sees it.
 *
 * @param id            unique and stable: "{articleId}|{article-local key}"
 * @param name          the fullest name the article gives
 * @param type          PERSON, ORGANIZATION, …; null when unknown (treated as a person)
 * @param organizations the organisations of the roles the article states for it
 * @param roleOnly      the article names it only by a role ("the spokesman"): it is never merged across articles
 */
public record ResolutionMention(String id, String name, EntityType type, List<String> organizations, boolean roleOnly) {

    public ResolutionMention {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
    }
}
