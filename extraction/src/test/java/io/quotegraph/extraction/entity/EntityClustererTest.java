package io.quotegraph.extraction.entity;

import io.quotegraph.model.EntityType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EntityClustererTest {

    private final EntityClusterer clusterer = new EntityClusterer(Gazetteer.bundled());

    private static ResolutionMention person(String id, String name, String... orgs) {
        return new ResolutionMention(id, name, EntityType.PERSON, List.of(orgs), false);
    }

    private Set<Set<String>> partition(List<ResolutionMention> mentions) {
        return clusterer.cluster(mentions).stream().map(c -> (Set<String>) new TreeSet<>(c.mentionIds()))
                .collect(Collectors.toSet());
    }

    @Test
    void aSurnameJoinsTheOnlyCompatibleFullNameAndConflictsStayApart() {
        List<ResolutionMention> mentions = List.of(
                person("a|S1", "Matthew Miller", "U.S. Department of State"),
                person("b|S1", "Miller", "State Department"),
                person("c|S1", "Jason Miller", "Trump campaign"),
                person("d|S1", "Mr. Miller", "US State Department"));
        assertThat(partition(mentions)).containsExactlyInAnyOrder(Set.of("a|S1", "b|S1", "d|S1"), Set.of("c|S1"));
        EntityClusterer.Link link = clusterer.cluster(mentions).stream().flatMap(c -> c.links().stream())
                .filter(l -> l.mentionId().equals("b|S1")).findFirst().orElseThrow();
        assertThat(link.score()).isEqualTo(0.9);
        assertThat(link.evidence()).contains("matthew miller").contains("organisation agrees");
    }

    @Test
    void anAmbiguousSurnameIsNotGuessed() {
        List<ResolutionMention> mentions = List.of(
                person("a|S1", "Matthew Miller", "U.S. Department of State"),
                person("c|S1", "Jason Miller", "Trump campaign"),
                person("e|S1", "Miller"));
        assertThat(partition(mentions)).containsExactlyInAnyOrder(Set.of("a|S1"), Set.of("c|S1"), Set.of("e|S1"));
    }

    @Test
    void anAmbiguousSurnameGoesToTheFullNameNamedMostOftenWithALowerScore() {
        List<ResolutionMention> mentions = List.of(
                person("a|S1", "Donald Trump"), person("b|S1", "Donald Trump"), person("c|S1", "Donald J. Trump"),
                person("d|S1", "Eric Trump"), person("e|S1", "Trump"));
        assertThat(partition(mentions)).containsExactlyInAnyOrder(Set.of("a|S1", "b|S1", "c|S1", "e|S1"), Set.of("d|S1"));
        EntityClusterer.Link link = clusterer.cluster(mentions).stream().flatMap(c -> c.links().stream())
                .filter(l -> l.mentionId().equals("e|S1")).findFirst().orElseThrow();
        assertThat(link.score()).isLessThan(0.75);
        assertThat(link.evidence()).contains("'donald trump' has most of the mentions")
                .doesNotContainPattern("[0-9]"); // no running counts: more mentions do not rewrite the link
    }

    @Test
    void theGazetteerMakesCommonNamesOneEntity() {
        List<ResolutionMention> mentions = List.of(
                new ResolutionMention("a|E1", "U.S.", EntityType.COUNTRY, List.of(), false),
                new ResolutionMention("b|E1", "the United States", EntityType.COUNTRY, List.of(), false),
                new ResolutionMention("c|E1", "Karabakh", EntityType.LOCATION, List.of(), false),
                new ResolutionMention("d|E1", "Artsakh", EntityType.LOCATION, List.of(), false),
                new ResolutionMention("e|E1", "Nagorno-Karabakh", EntityType.LOCATION, List.of(), false));
        assertThat(partition(mentions)).containsExactlyInAnyOrder(Set.of("a|E1", "b|E1"), Set.of("c|E1", "d|E1", "e|E1"));
        Gazetteer g = Gazetteer.bundled();
        assertThat(g.organizationKey("State Department")).isEqualTo(g.organizationKey("U.S. Department of State"))
                .isEqualTo(g.organizationKey("US State Department"));
        assertThat(g.version()).isNotBlank();
    }

    @Test
    void rolesStayInTheirArticle() {
        List<ResolutionMention> mentions = List.of(
                new ResolutionMention("a|S2", "the spokesman", EntityType.PERSON, List.of(), true),
                new ResolutionMention("b|S2", "the spokesman", EntityType.PERSON, List.of(), true));
        assertThat(partition(mentions)).hasSize(2);
    }

    @Test
    void clustersDoNotDependOnTheOrderOfMentions() {
        List<ResolutionMention> mentions = new ArrayList<>(List.of(
                person("a|S1", "Matthew Miller", "U.S. Department of State"),
                person("b|S1", "Miller", "State Department"),
                person("c|S1", "Jason Miller", "Trump campaign"),
                person("d|S1", "Miller"),
                person("e|S1", "Miller", "Trump campaign"),
                person("f|S1", "Ilham Aliyev"),
                person("g|S1", "President Aliyev", "Azerbaijan"),
                new ResolutionMention("h|S1", "Azerbaijan", EntityType.COUNTRY, List.of(), false)));
        Set<Set<String>> expected = partition(mentions);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(mentions, random);
            assertThat(partition(mentions)).isEqualTo(expected);
        }
    }

    @Test
    void additionsExtendTheGazetteer() {
        Gazetteer g = Gazetteer.bundled().with(List.of(new Gazetteer.Entry("Nagorno-Karabakh", EntityType.LOCATION,
                List.of("Upper Karabakh"))), "r1");
        assertThat(g.lookup("Upper Karabakh")).get().extracting(Gazetteer.Entry::canonical).isEqualTo("Nagorno-Karabakh");
        assertThat(g.lookup("Artsakh")).isPresent();
        assertThat(g.version()).endsWith("+r1");
    }
}
