package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.EntityClusterer;
import io.quotegraph.extraction.entity.ResolutionMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.speaker.repository.BlockSummaryRepository.PersonClass;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A people block as its summary holds it: the clusterer sees of a person's mention only its name as written, its type
 * and its organisations as compared ({@link EntityClusterer#organizationKeys}), so the mappings that agree on these
 * ({@linkplain PersonClass classes}) are clustered alike, and a class with its count stands for its mappings. The
 * counts matter: a bare surname joins a full name that has most of the mentions.
 */
final class PeopleBlocks {

    /** Before any mention id ("articleId|speakerKey"), so that a class's stand-ins never meet a real mention's id. */
    private static final String STAND_IN = "\u0000";

    private PeopleBlocks() {
    }

    /**
     * How a delivery extends a settled people block: the arriving mappings' links, and their clusters in the block,
     * each with the speaker its summarised classes point at, or none (a new cluster, of arriving mappings only).
     */
    record Extension(Map<String, EntityClusterer.Link> links, List<Group> groups) {
    }

    /** Arriving mentions (ids, sorted) that share a cluster, and that cluster's speaker (null: none yet). */
    record Group(String speakerId, List<String> mentionIds) {
    }

    /**
     * The block's classes with these mappings added (mention id → the speaker each now points at); null if two
     * mappings of one class point at different speakers (a block with pins, which is not summarised).
     */
    static List<PersonClass> count(EntityClusterer clusterer, List<PersonClass> classes, Collection<Document> mappings,
                                   Map<String, String> speakerByMentionId) {
        Map<String, PersonClass> byKey = new TreeMap<>();
        for (PersonClass c : classes) {
            byKey.put(key(clusterer, c.name(), c.type(), c.organizations()), c);
        }
        for (Document m : mappings) {
            String speakerId = speakerByMentionId.get(ClusterResolution.mention(m).id());
            String key = key(clusterer, m.getString("name"), m.getString("type"), organizations(m));
            PersonClass known = byKey.get(key);
            if (known != null && !known.speakerId().equals(speakerId)) {
                return null;
            }
            byKey.put(key, known != null
                    ? new PersonClass(known.name(), known.type(), known.organizations(), known.count() + 1, speakerId)
                    : new PersonClass(m.getString("name"), m.getString("type"), organizations(m), 1, speakerId));
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Clusters the summarised block with and without the arriving mentions; returns how they extend it if every
     * summarised class keeps its link (score, evidence, basis) and its cluster companions, else null (the batch moves
     * existing mappings: the block must be re-clustered whole).
     */
    static Extension extend(EntityClusterer clusterer, String blockKey, List<PersonClass> classes, List<Document> arriving) {
        List<ResolutionMention> before = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            PersonClass c = classes.get(i);
            for (long k = 0; k < c.count(); k++) {
                before.add(new ResolutionMention(standIn(i, k), c.name(), c.type() == null ? null : EntityType.valueOf(c.type()),
                        c.organizations(), false));
            }
        }
        List<ResolutionMention> after = new ArrayList<>(before);
        arriving.forEach(m -> after.add(ClusterResolution.mention(m)));
        Map<String, Placement> was = placements(clusterer.clusterBlock(blockKey, before));
        Map<String, Placement> now = placements(clusterer.clusterBlock(blockKey, after));

        Map<Integer, Integer> clusterNowByWas = new HashMap<>();
        Map<Integer, Integer> clusterWasByNow = new HashMap<>();
        Map<Integer, String> speakerByCluster = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            // every stand-in of a class is clustered alike: the first speaks for all
            Placement p0 = was.get(standIn(i, 0));
            Placement p1 = now.get(standIn(i, 0));
            if (!p0.link().equals(p1.link())
                    || !clusterNowByWas.computeIfAbsent(p0.cluster(), c -> p1.cluster()).equals(p1.cluster())
                    || !clusterWasByNow.computeIfAbsent(p1.cluster(), c -> p0.cluster()).equals(p0.cluster())) {
                return null;
            }
            speakerByCluster.put(p1.cluster(), classes.get(i).speakerId());
        }
        Map<String, EntityClusterer.Link> links = new HashMap<>();
        Map<Integer, List<String>> arrivingByCluster = new TreeMap<>();
        for (Document m : arriving) {
            Placement p = now.get(ClusterResolution.mention(m).id());
            links.put(p.link().mentionId(), p.link());
            arrivingByCluster.computeIfAbsent(p.cluster(), c -> new ArrayList<>()).add(p.link().mentionId());
        }
        List<Group> groups = new ArrayList<>();
        arrivingByCluster.forEach((cluster, mentionIds) -> groups.add(
                new Group(speakerByCluster.get(cluster), mentionIds.stream().sorted().toList())));
        return new Extension(links, groups);
    }

    /** Where a mention was clustered: its cluster's index in the clusterer's order, and its link. */
    private record Placement(int cluster, EntityClusterer.Link link) {
    }

    private static Map<String, Placement> placements(List<EntityClusterer.Cluster> clusters) {
        Map<String, Placement> byMentionId = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (EntityClusterer.Link link : clusters.get(i).links()) {
                byMentionId.put(link.mentionId(), new Placement(i, link));
            }
        }
        return byMentionId;
    }

    private static String standIn(int classIndex, long copy) {
        return STAND_IN + classIndex + "|" + copy;
    }

    private static List<String> organizations(Document mapping) {
        return mapping.getList("organizations", String.class, List.of());
    }

    /** What the clusterer reads of a person's mention (role-only mentions are not in people blocks). */
    private static String key(EntityClusterer clusterer, String name, String type, List<String> organizations) {
        ResolutionMention m = new ResolutionMention("", name, type == null ? null : EntityType.valueOf(type), organizations, false);
        return type + "\u0001" + name + "\u0001" + String.join("\u0001", clusterer.organizationKeys(m));
    }
}
