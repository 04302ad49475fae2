package io.quotegraph.statements.speaker.service;

import io.quotegraph.extraction.entity.EntityClusterer;
import io.quotegraph.extraction.entity.ResolutionMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.statements.curation.repository.CurationRepository;
import io.quotegraph.statements.speaker.repository.ArticleSpeakerRepository;
import io.quotegraph.statements.speaker.repository.BlockSummaryRepository;
import io.quotegraph.statements.speaker.repository.ResolutionLockRepository;
import io.quotegraph.statements.speaker.repository.SpeakerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Resolution across articles, block by block (a block: the mappings that could be one entity, see
 * {@link EntityClusterer#blockKey}). Re-clustering a block is a function of its mappings only, so the clusters do not
 * depend on the order articles arrived in, and a new article re-clusters only its own blocks.
 * <p>
 * Cluster → speaker id: curation first (a mapping pinned by a merge or split, or named by a curated alias, goes to
 * that speaker, and its cluster follows the majority of its pins); every other cluster keeps the speaker most of its
 * mappings had (ties: the smallest id), so ids are stable as clusters grow; a cluster without one gets a new speaker.
 */
@ApplicationScoped
public class ClusterResolution {

    /** One timer for curation's and a delivery's resolutions (its name kept from resolution v1 for the dashboards). */
    private static final String RESOLUTION_TIMER = "quotegraph.speaker.resolution";
    private static final String RESOLUTION_TIMER_DESCRIPTION =
            "Resolving an article's speakers and named entities: re-clustering their blocks";

    @Inject
    ArticleSpeakerRepository articleSpeakers;
    @Inject
    SpeakerRepository speakers;
    @Inject
    CurationRepository curation;
    @Inject
    ResolutionLockRepository locks;
    @Inject
    BlockSummaryRepository summaries;

    /**
     * What re-clustering changed: speakers whose mappings changed, and articles whose mappings moved; and the speaker
     * each re-clustered mapping now points at (mapping id → speaker id).
     */
    public record Outcome(Set<String> speakerIds, Set<String> articleIds, Map<String, String> assignments) {
        static Outcome empty() {
            return new Outcome(new TreeSet<>(), new TreeSet<>(), new HashMap<>());
        }

        void add(Outcome other) {
            speakerIds.addAll(other.speakerIds);
            articleIds.addAll(other.articleIds);
            assignments.putAll(other.assignments);
        }
    }

    /** The mention that resolution sees for a stored mapping. */
    public static ResolutionMention mention(Document mapping) {
        String type = mapping.getString("type");
        return new ResolutionMention(mapping.getString("articleId") + "|" + mapping.getString("speakerKey"),
                mapping.getString("name"), type == null ? null : EntityType.valueOf(type),
                mapping.getList("organizations", String.class, List.of()),
                Boolean.TRUE.equals(mapping.getBoolean("roleOnly")));
    }

    /**
     * Re-clusters these blocks together under their leases: the leases, the blocks' mappings, their curation pins,
     * new speakers and changed links each take one round trip for all blocks, not one per block. Each block is still
     * clustered on its own.
     */
    @io.micrometer.core.annotation.Timed(value = RESOLUTION_TIMER, histogram = true,
            description = RESOLUTION_TIMER_DESCRIPTION)
    public Outcome resolveBlocks(EntityClusterer clusterer, Collection<String> blockKeys) {
        return resolve(clusterer, blockKeys, Map.of(), Set.of());
    }

    /**
     * Resolves the blocks a delivery touched, as {@link #resolveBlocks} would, without reading the settled ones: a
     * block of other entities than people is one cluster whatever its mentions (see
     * {@link EntityClusterer#clusterBlock}), and with no pin its speaker is the one most of its mappings had; so when
     * its summary says every mapping points at one speaker, unpinned, and the delivery only adds mappings that are
     * unpinned and new (or already there), they go to that speaker and nothing else changes. A block of people is
     * clustered from its summary's classes and counts with and without the arriving mappings (never linked before,
     * unpinned): when that moves no summarised mapping (link or cluster), the arriving ones are linked to the speakers
     * of the clusters they join (a cluster of their own gets a new speaker), as a whole re-clustering would, since
     * each cluster's mappings all point at its speaker and the clusters' speakers differ. The outcome's assignments
     * then cover the arriving mappings only. Any other block is re-clustered whole.
     *
     * @param arriving the delivery's mappings by the block they are in now (as written)
     * @param departed blocks a mapping of the delivery left or was deleted from
     */
    @io.micrometer.core.annotation.Timed(value = RESOLUTION_TIMER, histogram = true,
            description = RESOLUTION_TIMER_DESCRIPTION)
    public Outcome resolveDelivery(EntityClusterer clusterer, Collection<String> blockKeys,
                                   Map<String, List<Document>> arriving, Set<String> departed) {
        return resolve(clusterer, blockKeys, arriving, departed);
    }

    private Outcome resolve(EntityClusterer clusterer, Collection<String> blockKeys,
                            Map<String, List<Document>> arriving, Set<String> departed) {
        List<String> keys = new ArrayList<>(new TreeSet<>(blockKeys.stream().filter(Objects::nonNull).toList()));
        if (keys.isEmpty()) {
            return Outcome.empty();
        }
        String owner = locks.acquireAll(keys);
        try {
            // read before any pin: a summary written below carries an epoch no later than the pins it saw
            Pass pass = new Pass(summaries.read(keys), clusterer.gazetteer().version());
            Map<String, BlockSummaryRepository.Summary> extendable = new TreeMap<>();
            List<String> whole = new ArrayList<>();
            for (String key : keys) {
                BlockSummaryRepository.Summary summary = pass.snapshot.byBlock().get(key);
                boolean trusted = summary != null && !summary.pending() && summary.epoch() == pass.snapshot.epoch()
                        && pass.gazetteer.equals(summary.gazetteer());
                if (trusted && arriving.containsKey(key) && !departed.contains(key)) {
                    extendable.put(key, summary);
                } else {
                    whole.add(key);
                }
            }
            Map<String, BlockSummaryRepository.Summary> extended = new TreeMap<>();
            if (!extendable.isEmpty()) {
                pass.redirects.load(extendable.values().stream().flatMap(summary -> speakerIds(summary).stream()).toList());
                Map<String, String> arrivingPins = pins(extendable.keySet().stream()
                        .flatMap(key -> arriving.get(key).stream()).toList(), pass.redirects);
                extendable.forEach((key, summary) -> {
                    if (!extend(clusterer, key, summary, arriving.get(key), arrivingPins, extended, pass)) {
                        whole.add(key);
                    }
                });
            }
            Map<String, BlockSummaryRepository.Summary> settled = whole.isEmpty() ? Map.of()
                    : resolveWhole(clusterer, whole, pass);
            summaries.markPending(extended.keySet());
            speakers.insertAll(pass.created);
            articleSpeakers.linkAll(pass.links);
            // after the links, so that a summary never describes links not yet written
            summaries.extendAll(extended);
            Map<String, BlockSummaryRepository.Summary> changed = new TreeMap<>(settled);
            changed.entrySet().removeIf(e -> e.getValue().unchangedFrom(pass.snapshot.byBlock().get(e.getKey())));
            summaries.settleAll(changed);
            summaries.forget(whole.stream()
                    .filter(key -> !settled.containsKey(key) && pass.snapshot.byBlock().containsKey(key)).toList());
            return pass.outcome;
        } finally {
            locks.releaseAll(keys, owner);
        }
    }

    /** What one resolution pass reads first and collects before it writes. */
    private final class Pass {

        final BlockSummaryRepository.Snapshot snapshot;
        final String gazetteer;
        final Outcome outcome = Outcome.empty();
        final Redirects redirects = new Redirects();
        final List<Document> created = new ArrayList<>();
        final List<ArticleSpeakerRepository.Link> links = new ArrayList<>();

        Pass(BlockSummaryRepository.Snapshot snapshot, String gazetteer) {
            this.snapshot = snapshot;
            this.gazetteer = gazetteer;
        }
    }

    /**
     * Extends a settled block by the delivery's mappings without reading the block (see {@link #resolveDelivery}):
     * a block of other entities than people links them to its speaker; a people block links them as its summary's
     * classes place them and puts the counted summary in {@code extended}.
     *
     * @return false when the block must be re-clustered whole instead (curated, or the summary does not describe it)
     */
    private boolean extend(EntityClusterer clusterer, String key, BlockSummaryRepository.Summary summary,
                           List<Document> arrivingHere, Map<String, String> arrivingPins,
                           Map<String, BlockSummaryRepository.Summary> extended, Pass pass) {
        // no pin on what arrives, and the summary's speakers neither merged nor gone
        boolean uncurated = arrivingHere.stream().noneMatch(m -> arrivingPins.containsKey(mention(m).id()))
                && speakerIds(summary).stream().allMatch(id -> id.equals(pass.redirects.follow(id)));
        if (!uncurated) {
            return false;
        }
        if (summary.people() == null) {
            if (arrivingHere.stream().allMatch(m ->
                    m.getString("speakerId") == null || summary.speakerId().equals(m.getString("speakerId")))) {
                pass.outcome.add(extendSettled(clusterer, key, arrivingHere, summary.speakerId(), pass.links));
                return true;
            }
            return false;
        }
        // a people summary counts its mappings: only mappings it does not count yet (never linked) extend it
        PeopleBlocks.Extension extension = arrivingHere.stream().allMatch(m -> m.getString("speakerId") == null)
                ? PeopleBlocks.extend(clusterer, key, summary.people(), arrivingHere) : null;
        if (extension == null) {
            return false;
        }
        Map<String, String> assigned = new HashMap<>();
        List<Document> blockCreated = new ArrayList<>();
        List<ArticleSpeakerRepository.Link> blockLinks = new ArrayList<>();
        Outcome blockOutcome = extendPeople(key, arrivingHere, extension, assigned, blockCreated, blockLinks);
        List<BlockSummaryRepository.PersonClass> people = PeopleBlocks.count(clusterer, summary.people(), arrivingHere,
                assigned);
        if (people == null) {
            // a class split between speakers: the summary does not describe the block
            return false;
        }
        pass.outcome.add(blockOutcome);
        pass.created.addAll(blockCreated);
        pass.links.addAll(blockLinks);
        extended.put(key, new BlockSummaryRepository.Summary(null, people, pass.gazetteer, pass.snapshot.epoch(),
                summary.version() + 1, false));
        return true;
    }

    /** Re-clusters these blocks from all their mappings; returns the summaries of those that can be extended later. */
    private Map<String, BlockSummaryRepository.Summary> resolveWhole(EntityClusterer clusterer, List<String> whole,
                                                                     Pass pass) {
        Map<String, BlockSummaryRepository.Summary> settled = new TreeMap<>();
        Map<String, List<Document>> blocks = articleSpeakers.findByBlocks(whole);
        List<Document> all = blocks.values().stream().flatMap(List::stream).toList();
        // where the blocks' speakers lead now, read once for all blocks (not one read per speaker)
        pass.redirects.load(all.stream().map(m -> m.getString("speakerId")).filter(Objects::nonNull).toList());
        Map<String, String> pinned = pins(all, pass.redirects);
        for (String blockKey : whole) {
            Map<String, String> unpinned = new HashMap<>();
            pass.outcome.add(resolveBlock(clusterer, blockKey, blocks.get(blockKey), pinned, pass.redirects,
                    pass.created, pass.links, unpinned));
            BlockSummaryRepository.Summary stored = pass.snapshot.byBlock().get(blockKey);
            BlockSummaryRepository.Summary summary = summary(clusterer, blockKey, blocks.get(blockKey), unpinned,
                    pass.snapshot.epoch(), stored == null ? 1 : stored.version() + 1);
            if (summary != null) {
                settled.put(blockKey, summary);
            }
        }
        return settled;
    }

    /** Links the arriving mappings of a settled block to its speaker (they are clustered among themselves only for their links' evidence). */
    private Outcome extendSettled(EntityClusterer clusterer, String blockKey, List<Document> arriving, String speakerId,
                                  List<ArticleSpeakerRepository.Link> links) {
        Outcome outcome = Outcome.empty();
        Map<String, Document> byMentionId = new HashMap<>();
        arriving.forEach(m -> byMentionId.put(mention(m).id(), m));
        for (EntityClusterer.Cluster cluster : clusterer.clusterBlock(blockKey, arriving.stream().map(ClusterResolution::mention).toList())) {
            for (EntityClusterer.Link link : cluster.links()) {
                relink(byMentionId.get(link.mentionId()), speakerId, link.score(), link.evidence(), link.basis().name(),
                        outcome, links);
            }
        }
        return outcome;
    }

    /**
     * Links the arriving mappings of a settled people block as {@link PeopleBlocks#extend} placed them: to the speaker of
     * the summarised classes they joined, or to a new speaker per cluster of their own; records each mapping's speaker
     * in {@code assigned} (by mention id).
     */
    private Outcome extendPeople(String blockKey, List<Document> arriving, PeopleBlocks.Extension extension,
                                 Map<String, String> assigned, List<Document> created,
                                 List<ArticleSpeakerRepository.Link> links) {
        Outcome outcome = Outcome.empty();
        Map<String, Document> byMentionId = new HashMap<>();
        arriving.forEach(m -> byMentionId.put(mention(m).id(), m));
        for (PeopleBlocks.Group group : extension.groups()) {
            String id = group.speakerId() != null ? group.speakerId()
                    : create(byMentionId.get(group.mentionIds().get(0)), blockKey, created);
            for (String mentionId : group.mentionIds()) {
                EntityClusterer.Link link = extension.links().get(mentionId);
                relink(byMentionId.get(mentionId), id, link.score(), link.evidence(), link.basis().name(), outcome, links);
                assigned.put(mentionId, id);
            }
        }
        return outcome;
    }

    /**
     * Clusters one block; adds the speakers it creates to {@code created}, its changed links to {@code links}, and,
     * when the block has no pins, the speaker of each mapping (by mention id) to {@code unpinned}.
     */
    private Outcome resolveBlock(EntityClusterer clusterer, String blockKey, List<Document> mappings,
                                 Map<String, String> allPins, Redirects redirects, List<Document> created,
                                 List<ArticleSpeakerRepository.Link> links, Map<String, String> unpinned) {
        Outcome outcome = Outcome.empty();
        if (mappings.isEmpty()) {
            return outcome;
        }
        Map<String, Document> byMentionId = new LinkedHashMap<>();
        Map<String, String> pinned = new HashMap<>();
        for (Document m : mappings) {
            String mentionId = mention(m).id();
            byMentionId.put(mentionId, m);
            if (allPins.containsKey(mentionId)) {
                pinned.put(mentionId, allPins.get(mentionId));
            }
        }
        List<EntityClusterer.Cluster> clusters = clusterer.clusterBlock(blockKey,
                mappings.stream().map(ClusterResolution::mention).toList());

        Set<String> claimed = new HashSet<>();
        pinned.values().forEach(id -> claimed.add(redirects.follow(id)));
        Map<String, String> assignment = new HashMap<>();
        Map<String, String> evidenceSuffix = new HashMap<>();
        List<EntityClusterer.Cluster> free = new ArrayList<>();
        for (EntityClusterer.Cluster cluster : clusters) {
            Map<String, Integer> pinCounts = new TreeMap<>();
            for (String mentionId : cluster.mentionIds()) {
                String pin = pinned.get(mentionId);
                if (pin != null) {
                    pinCounts.merge(redirects.follow(pin), 1, Integer::sum);
                }
            }
            if (pinCounts.isEmpty()) {
                free.add(cluster);
                continue;
            }
            String majority = best(pinCounts);
            for (String mentionId : cluster.mentionIds()) {
                String pin = pinned.get(mentionId);
                assignment.put(mentionId, pin != null ? redirects.follow(pin) : majority);
                evidenceSuffix.put(mentionId, pin != null ? "; curated" : "; with curated mentions");
            }
        }
        free.sort(Comparator.<EntityClusterer.Cluster>comparingInt(c -> -c.links().size())
                .thenComparing(c -> c.links().get(0).mentionId()));
        for (EntityClusterer.Cluster cluster : free) {
            Map<String, Integer> counts = new TreeMap<>();
            for (String mentionId : cluster.mentionIds()) {
                String current = byMentionId.get(mentionId).getString("speakerId");
                if (current != null) {
                    String id = redirects.follow(current);
                    if (id != null && !claimed.contains(id)) {
                        counts.merge(id, 1, Integer::sum);
                    }
                }
            }
            String id = counts.isEmpty() ? create(byMentionId.get(cluster.mentionIds().get(0)), blockKey, created) : best(counts);
            claimed.add(id);
            cluster.mentionIds().forEach(mentionId -> assignment.put(mentionId, id));
        }
        for (EntityClusterer.Cluster cluster : clusters) {
            for (EntityClusterer.Link link : cluster.links()) {
                String evidence = link.evidence() + evidenceSuffix.getOrDefault(link.mentionId(), "");
                boolean curated = evidenceSuffix.containsKey(link.mentionId()) && pinned.containsKey(link.mentionId());
                double score = curated ? 1.0 : link.score();
                String basis = (curated ? EntityClusterer.Basis.CURATION : link.basis()).name();
                relink(byMentionId.get(link.mentionId()), assignment.get(link.mentionId()), score, evidence, basis,
                        outcome, links);
            }
        }
        if (pinned.isEmpty()) {
            unpinned.putAll(assignment);
        }
        return outcome;
    }

    /**
     * The summary of a block just re-clustered whole, if a delivery can extend it without reading it (see
     * {@link #resolveDelivery}); null for a block with pins, an empty one and a role's.
     *
     * @param unpinned the speaker of each of the block's mappings by mention id; empty if the block has pins
     */
    private static BlockSummaryRepository.Summary summary(EntityClusterer clusterer, String blockKey, List<Document> mappings,
                                                          Map<String, String> unpinned, long epoch, long version) {
        if (unpinned.isEmpty()) {
            return null;
        }
        String gazetteer = clusterer.gazetteer().version();
        if (blockKey.startsWith("o:")) {
            // one cluster, so one speaker
            return new BlockSummaryRepository.Summary(unpinned.values().iterator().next(), null, gazetteer, epoch, version, false);
        }
        List<BlockSummaryRepository.PersonClass> people = blockKey.startsWith("p:")
                ? PeopleBlocks.count(clusterer, List.of(), mappings, unpinned) : null;
        return people == null ? null : new BlockSummaryRepository.Summary(null, people, gazetteer, epoch, version, false);
    }

    /** The speakers a summary links its block's mappings to. */
    private static Set<String> speakerIds(BlockSummaryRepository.Summary summary) {
        Set<String> ids = new TreeSet<>();
        if (summary.people() != null) {
            summary.people().forEach(c -> ids.add(c.speakerId()));
        } else {
            ids.add(summary.speakerId());
        }
        return ids;
    }

    /** Records that this mapping now goes to {@code id} with this link, and adds the link to {@code links} if it changed. */
    private static void relink(Document mapping, String id, double score, String evidence, String basis, Outcome outcome,
                               List<ArticleSpeakerRepository.Link> links) {
        String before = mapping.getString("speakerId");
        outcome.assignments().put(mapping.getString("_id"), id);
        if (!id.equals(before) || !evidence.equals(mapping.getString("evidence"))
                || !Objects.equals(score, mapping.getDouble("score")) || !basis.equals(mapping.getString("basis"))) {
            links.add(new ArticleSpeakerRepository.Link(mapping, id, score, evidence, basis));
        }
        if (!id.equals(before)) {
            outcome.speakerIds().add(id);
            if (before != null) {
                outcome.speakerIds().add(before);
            }
            outcome.articleIds().add(mapping.getString("articleId"));
        }
    }

    /** Curation pins of these mappings by mention id: pinned by article and name, else by a curated alias. */
    private Map<String, String> pins(List<Document> mappings, Redirects redirects) {
        Set<String> pinIds = new TreeSet<>();
        Set<String> nameKeys = new TreeSet<>();
        for (Document m : mappings) {
            pinIds.add(CurationRepository.pinId(m.getString("articleId"), m.getString("nameKey")));
            nameKeys.add(m.getString("nameKey"));
        }
        Map<String, String> byPin = curation.pins(pinIds);
        Map<String, String> byAlias = curation.aliasPins(nameKeys);
        redirects.load(new TreeSet<>(byPin.values()));
        redirects.load(new TreeSet<>(byAlias.values()));
        Map<String, String> result = new HashMap<>();
        for (Document m : mappings) {
            String pin = byPin.get(CurationRepository.pinId(m.getString("articleId"), m.getString("nameKey")));
            if (pin == null && !Boolean.TRUE.equals(m.getBoolean("roleOnly"))) {
                pin = byAlias.get(m.getString("nameKey"));
            }
            if (pin != null && redirects.exists(pin)) {
                result.put(mention(m).id(), pin);
            }
        }
        return result;
    }

    /**
     * The speaker an id stands for now (merged speakers redirect to what they were merged into), read in bulk
     * ({@link #load}) for all the blocks of a delivery, by id otherwise.
     */
    private final class Redirects {
        /** id → the speaker it was merged into, or itself; null: no such speaker. */
        private final Map<String, String> targets = new HashMap<>();

        void load(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !targets.containsKey(id)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<String, String> found = speakers.mergeTargets(missing);
            missing.forEach(id -> targets.put(id, found.get(id)));
        }

        boolean exists(String id) {
            load(List.of(id));
            return targets.get(id) != null;
        }

        String follow(String id) {
            String current = id;
            Set<String> seen = new HashSet<>();
            while (current != null && seen.add(current)) {
                load(List.of(current));
                String known = targets.get(current);
                if (known == null) {
                    return null;
                }
                if (known.equals(current)) {
                    return current;
                }
                current = known;
            }
            return current;
        }
    }

    private static String best(Map<String, Integer> counts) {
        // TreeMap: the first of equal counts is the smallest id
        String best = null;
        int max = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > max) {
                best = e.getKey();
                max = e.getValue();
            }
        }
        return best;
    }

    /** A new speaker for a cluster without one, inserted with the block's links ({@code created}). */
    private String create(Document firstMapping, String blockKey, List<Document> created) {
        String id = UUID.randomUUID().toString();
        boolean anonymous = blockKey.startsWith("a:");
        created.add(new Document("_id", id)
                .append("matchKey", "c:" + id)
                .append("anonymous", anonymous)
                .append("name", firstMapping.getString("name"))
                .append("type", firstMapping.getString("type"))
                .append("aliases", List.of(firstMapping.getString("name")))
                .append("aliasKeys", List.of())
                .append("searchTokens", List.of())
                .append("roles", List.of())
                .append("statementCount", 0L)
                .append("listed", false));
        return id;
    }
}
