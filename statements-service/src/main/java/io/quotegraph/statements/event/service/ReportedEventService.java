package io.quotegraph.statements.event.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quotegraph.extraction.event.EventLinker;
import io.quotegraph.extraction.event.EventTypes;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EventStatus;
import io.quotegraph.model.ExtractedEvent;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Span;
import io.quotegraph.model.TimeValue;
import io.quotegraph.statements.common.Dates;
import io.quotegraph.statements.common.IdSets;
import io.quotegraph.statements.entity.service.MentionedEntities;
import io.quotegraph.statements.event.repository.EventMentionRepository;
import io.quotegraph.statements.event.repository.EventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The events articles report, linked across articles. Each article event is stored as a mention; mentions are filed
 * in blocking buckets (a type family's month or year, refined by place, participant, or type and day: see
 * {@link #storeKeys}), and the {@link EventLinker} (extraction) groups them:
 * average-link groups of mentions that contain a linked pair (score at least {@value EventLinker#LINK_THRESHOLD}) and
 * no incompatible one, each identified by its smallest mention id. What is stored is the linker's grouping of all
 * stored mentions, kept by regrouping the linked components a delivery touches ({@link #regroup}), so that the grouping
 * and the ids do not depend on the order articles arrive in nor on how they are batched. A mention keeps its
 * participants' and place's article-local keys, so that their resolved ids follow relinks ({@link #follow}).
 */
@ApplicationScoped
public class ReportedEventService {

    private static final Logger LOG = Logger.getLogger(ReportedEventService.class);

    public static final String KIND = "REPORTED";
    /** A mention spanning more days than this is filed under years rather than months. */
    private static final int MAX_MONTHLY_SPAN_DAYS = 92;
    /** Years a long range is filed under, at most. */
    private static final int MAX_YEARS = 10;
    /** A precise date spanning at most this many days is filed under its days, a longer one under its type's periods. */
    private static final int MAX_DAILY_SPAN_DAYS = 6;

    @Inject
    EventMentionRepository mentions;
    @Inject
    EventRepository events;
    @Inject
    IdSets sets;

    private final DistributionSummary regroupedMentions;
    private final DistributionSummary pairsScored;

    @Inject
    ReportedEventService(MeterRegistry registry) {
        regroupedMentions = DistributionSummary.builder("quotegraph.events.regroup.mentions")
                .description("Mentions a linking pass regroups (the linked components a delivery touches)").register(registry);
        pairsScored = DistributionSummary.builder("quotegraph.events.regroup.pairs")
                .description("Pairs of mentions a linking pass scores (candidates from the buckets, and each component's pairs)")
                .register(registry);
    }

    /**
     * The version of the bucket keys ({@link #storeKeys}): 2 refines the periods of version 1 (a type family's month or
     * year) by place, participant and type and day. Stores filed under older keys are refilled once ({@link
     * #refileOutdatedBuckets}).
     */
    static final int BUCKET_KEYS_VERSION = 2;

    private final EventTypes types = EventTypes.get();
    private final EventLinker linker = new EventLinker();
    /** Whether this instance has seen the buckets filed under the current keys (they stay so: see refile). */
    private volatile boolean bucketsCurrent;

    /**
     * What {@link #deliver} needs of an article.
     *
     * @param statementIds per article event index, the ids of the article's statements that talk about it
     * @param resolvedIds  the article's resolution: article-local key → canonical id (see {@link MentionedEntities})
     */
    public record ArticleEvents(String articleId, Instant publishedAt, List<ExtractedEvent> events,
                                Map<Integer, List<String>> statementIds, Map<String, String> resolvedIds) {
    }

    /**
     * Stores the events of a batch of articles and links them with each other and with the stored ones, each step once
     * for the batch: the mentions are read and written in one round trip each, and one linking pass regroups the linked
     * components they touch (see {@link #regroup}). The stored grouping is the {@link EventLinker}'s grouping of all
     * stored mentions, whatever the order or batching of the deliveries; statements of other articles whose mentions
     * moved to another event are relinked. The caller writes the batch's own statements with the returned ids.
     *
     * @return by article id, per article event index, the id of the event it belongs to
     */
    public Map<String, Map<Integer, String>> deliver(List<ArticleEvents> articles) {
        ensureBucketsCurrent();
        Map<String, Map<Integer, String>> result = new LinkedHashMap<>();
        articles.forEach(article -> result.put(article.articleId(), new LinkedHashMap<>()));
        Map<String, Integer> counts = mentions.countsOfArticles(result.keySet());
        Map<String, Document> previous = new HashMap<>();
        mentions.findAll(EventMentionRepository.mentionIds(counts)).forEach(old -> previous.put(old.getString("_id"), old));

        Map<String, Document> written = new TreeMap<>();
        List<Document> raisedCounts = new ArrayList<>();
        List<Document> loweredCounts = new ArrayList<>();
        EventMentionRepository.BucketChanges buckets = new EventMentionRepository.BucketChanges();
        for (ArticleEvents article : articles) {
            String articleId = article.articleId();
            LocalDate published = article.publishedAt() == null ? null : Dates.utcDate(article.publishedAt());
            for (int i = 0; i < article.events().size(); i++) {
                Document mention = mentionDocument(articleId, i, article.events().get(i), published,
                        article.statementIds().getOrDefault(i, List.of()), article.resolvedIds());
                Document old = previous.get(mention.getString("_id"));
                // until regrouped, a mention stays in the event it was in: a retry after a crash still finds that event
                mention.append("eventId", old == null ? null : old.getString("eventId"));
                written.put(mention.getString("_id"), mention);
                Set<String> joined = storeKeys(mention);
                if (old != null) {
                    joined.removeAll(storeKeys(old));
                }
                buckets.add(mention.getString("_id"), joined);
            }
            int count = counts.getOrDefault(articleId, 0);
            if (article.events().size() > count) {
                raisedCounts.add(EventMentionRepository.countDocument(articleId, article.events().size()));
            } else if (article.events().size() < count) {
                loweredCounts.add(EventMentionRepository.countDocument(articleId, article.events().size()));
            }
        }
        Set<String> removed = new TreeSet<>();
        Set<String> leftEvents = new TreeSet<>();
        for (Document old : previous.values()) {
            Document now = written.get(old.getString("_id"));
            Set<String> left = storeKeys(old);
            if (now != null) {
                left.removeAll(storeKeys(now));
            } else {
                removed.add(old.getString("_id"));
                addIfPresent(leftEvents, old.getString("eventId"));
            }
            buckets.remove(old.getString("_id"), left);
        }
        // raised counts, then the mentions (still in the events they were in), then their bucket entries: a concurrent
        // batch that finds a mention in a bucket can read it, so two linkable mentions delivered at once are grouped
        // by whichever batch regroups second
        List<Document> stored = new ArrayList<>(raisedCounts);
        stored.addAll(written.values());
        mentions.write(stored, Map.of(), List.of());
        mentions.apply(buckets);
        Map<String, String> eventOf = regroup(written, true, removed, leftEvents, result.keySet());
        // mentions beyond an article's new count last, and its count lowered after them (see countsOfArticles)
        mentions.write(loweredCounts, Map.of(), removed);
        written.forEach((id, mention) -> result.get(mention.getString("articleId"))
                .put(mention.getInteger("index"), eventOf.get(id)));
        return result;
    }

    /**
     * Makes the stored mentions of these articles name the entities their article's names resolve to now (article id →
     * article-local key → canonical id), and regroups the events of those that changed: the participants and places
     * of reported events follow relinks as statements' speakers do. Mentions stored without their article-local keys
     * (before these were kept) are left as they are. Idempotent.
     */
    public void follow(Map<String, Map<String, String>> resolvedIdsByArticle) {
        if (resolvedIdsByArticle.isEmpty()) {
            return;
        }
        List<String> ids = EventMentionRepository.mentionIds(mentions.countsOfArticles(resolvedIdsByArticle.keySet()));
        Map<String, Document> changed = new TreeMap<>();
        // a mention is filed under its place and participants: under the new ones before it is written, out of the
        // old ones after (an entry a mention no longer matches only costs a comparison)
        EventMentionRepository.BucketChanges joined = new EventMentionRepository.BucketChanges();
        EventMentionRepository.BucketChanges left = new EventMentionRepository.BucketChanges();
        for (Document mention : mentions.findAll(ids)) {
            if (mention.containsKey("participantRefs")) {
                Document now = new Document(mention);
                resolve(now, resolvedIdsByArticle.getOrDefault(mention.getString("articleId"), Map.of()));
                if (!now.equals(mention)) {
                    changed.put(now.getString("_id"), now);
                    Set<String> keysBefore = storeKeys(mention);
                    Set<String> keysNow = storeKeys(now);
                    joined.add(now.getString("_id"), keysNow.stream().filter(k -> !keysBefore.contains(k)).toList());
                    left.remove(now.getString("_id"), keysBefore.stream().filter(k -> !keysNow.contains(k)).toList());
                }
            }
        }
        if (!changed.isEmpty()) {
            ensureBucketsCurrent();
            mentions.apply(joined);
            regroup(changed, false, Set.of(), Set.of(), Set.of());
            mentions.apply(left);
        }
    }

    /**
     * Refiles the stored mentions under the current bucket keys ({@value #BUCKET_KEYS_VERSION}) if the store records
     * older ones, and drops the buckets of the older keys: a one-off scan for a store written before the keys changed
     * (see {@link EventMentionRepository#refillBuckets}). Linking misses nothing filed under older keys after it.
     */
    public void refileOutdatedBuckets() {
        if (mentions.bucketKeysVersion() < BUCKET_KEYS_VERSION) {
            // the keys of version 1 were the bare periods ("{family}|{period}"); every current key refines one
            mentions.refillBuckets(BUCKET_KEYS_VERSION, ReportedEventService::storeKeys,
                    key -> key.indexOf('|') != key.lastIndexOf('|'));
        }
    }

    /** Refiles outdated buckets once per instance, before its first linking. */
    private void ensureBucketsCurrent() {
        if (!bucketsCurrent) {
            synchronized (this) {
                if (!bucketsCurrent) {
                    refileOutdatedBuckets();
                    bucketsCurrent = true;
                }
            }
        }
    }

    /**
     * Regroups the mentions linked to {@code changed} (mentions written or about to be written as given, carrying the
     * event they were in) and to the events {@code removed} mentions leave, and writes the changed documents with
     * their events.
     * <p>
     * The stored grouping is kept equal to {@link EventLinker#groups} over all stored mentions. That grouping is
     * decided per component of linked pairs, and within a component depends only on its members, so it suffices to
     * regroup a set closed under linked pairs (every mention linked to a member, found through the members' blocking
     * buckets: a linked pair always shares one, see {@link #lookupKeys}) and under the events its members were in (so
     * that every event touched is recomputed whole, or deleted). Components a removed mention split are reached
     * through its event. So what is stored does not depend on the order or the batching of deliveries.
     * <p>
     * The regrouped set is the union of the linked components a batch touches, and the linker groups each of them
     * alone: the walk above scores every linked pair of the set (a pair is scored when the later of its two mentions
     * to be found looks up its buckets, unless the two are known to share a component already), so that the
     * components are exact, and grouping them one by one gives what grouping the whole set gives, without the pairs
     * across them. The work per delivery is still that of the whole components it touches, which grow with the store
     * when an event is reported again and again (see docs/ingestion-throughput.md, issue 10).
     *
     * @param changedStored whether the changed mentions are stored already (then only their events are set)
     * @param own           articles whose statements the caller writes (their statements are not relinked here)
     * @return the event of each regrouped mention, by mention id
     */
    private Map<String, String> regroup(Map<String, Document> changed, boolean changedStored, Set<String> removed,
                                        Set<String> leftEvents, Set<String> own) {
        Map<String, Document> nodes = new TreeMap<>(changed);
        Map<String, EventLinker.Mention> asLinked = new HashMap<>();
        Map<String, Set<String>> bucketCache = new HashMap<>();
        Map<String, Document> stored = new HashMap<>();
        Map<String, Document> eventsBefore = new TreeMap<>();
        Set<String> eventsToRead = new TreeSet<>(leftEvents);
        Set<String> frontier = new TreeSet<>(changed.keySet());
        // the linked components of the regrouped mentions, from the pairs scored below: the linker groups each alone
        LinkedComponents components = new LinkedComponents();
        int rounds = 0;
        long candidatePairs = 0;
        while (!frontier.isEmpty() || !eventsToRead.isEmpty()) {
            Set<String> next = new TreeSet<>();
            // mentions linked to the frontier, among those filed in its blocking buckets
            Map<String, Set<String>> lookedUpBy = new TreeMap<>();
            frontier.forEach(id -> lookupKeys(nodes.get(id)).forEach(key ->
                    lookedUpBy.computeIfAbsent(key, k -> new TreeSet<>()).add(id)));
            List<String> unread = lookedUpBy.keySet().stream().filter(key -> !bucketCache.containsKey(key)).toList();
            Map<String, List<String>> read = mentions.bucketsByKey(unread);
            unread.forEach(key -> bucketCache.put(key, new TreeSet<>(read.getOrDefault(key, List.of()))));
            Map<String, Set<String>> candidates = pairings(lookedUpBy, bucketCache);
            candidates.keySet().removeAll(removed);
            fetch(candidates.keySet().stream().filter(id -> !nodes.containsKey(id)).toList(), stored);
            rounds++;
            // candidates already regrouped are scored too (unless already known to share a component), so that every
            // linked pair of the regrouped mentions joins their components: a pair u-v is scored when the later of
            // the two to be found is in the frontier, since each finds the other in its buckets
            for (Map.Entry<String, Set<String>> entry : candidates.entrySet()) {
                String candidate = entry.getKey();
                Document c = nodes.containsKey(candidate) ? nodes.get(candidate) : stored.get(candidate);
                if (c == null) {
                    continue;
                }
                for (String from : entry.getValue()) {
                    if (from.equals(candidate) || components.same(from, candidate)) {
                        continue;
                    }
                    candidatePairs++;
                    if (linker.score(linked(nodes.get(from), asLinked), linked(c, asLinked)) >= EventLinker.LINK_THRESHOLD) {
                        components.join(from, candidate);
                        if (nodes.putIfAbsent(candidate, c) == null) {
                            next.add(candidate);
                        }
                    }
                }
            }
            // every member of the events the regrouped mentions were in
            for (String id : next) {
                addIfPresent(eventsToRead, nodes.get(id).getString("eventId"));
            }
            for (String id : frontier) {
                addIfPresent(eventsToRead, nodes.get(id).getString("eventId"));
            }
            eventsToRead.removeAll(eventsBefore.keySet());
            if (!eventsToRead.isEmpty()) {
                Set<String> members = new TreeSet<>();
                for (Document event : events.findByIds(eventsToRead)) {
                    eventsBefore.put(event.getString("_id"), event);
                    members.addAll(event.getList("mentionIds", String.class, List.of()));
                }
                eventsToRead.forEach(id -> eventsBefore.putIfAbsent(id, null));
                eventsToRead.clear();
                members.removeAll(nodes.keySet());
                members.removeAll(removed);
                fetch(members, stored);
                for (String member : members) {
                    Document m = stored.get(member);
                    if (m != null) {
                        nodes.put(member, m);
                        next.add(member);
                        addIfPresent(eventsToRead, m.getString("eventId"));
                    }
                }
                eventsToRead.removeAll(eventsBefore.keySet());
            }
            frontier = next;
        }

        // the linker's grouping is decided per linked component: grouping each alone gives the same groups without
        // scoring the pairs across the components a batch touches (most of the pairs of a batch's regroup)
        Map<String, List<EventLinker.Mention>> byComponent = new TreeMap<>();
        nodes.forEach((id, mention) -> byComponent.computeIfAbsent(components.root(id), r -> new ArrayList<>())
                .add(linked(mention, asLinked)));
        Map<String, String> groupOf = new HashMap<>();
        long componentPairs = 0;
        int largestComponent = 0;
        for (List<EventLinker.Mention> component : byComponent.values()) {
            groupOf.putAll(linker.groups(component));
            componentPairs += (long) component.size() * (component.size() - 1) / 2;
            largestComponent = Math.max(largestComponent, component.size());
        }
        Map<String, List<Document>> groups = new TreeMap<>();
        nodes.forEach((id, mention) -> groups.computeIfAbsent(eventId(groupOf.get(id)), e -> new ArrayList<>()).add(mention));
        regroupedMentions.record(nodes.size());
        pairsScored.record(candidatePairs + componentPairs);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("regroup: %d changed, %d regrouped in %d rounds (%d components, largest %d), %d buckets and %d "
                            + "mentions read, %d candidate pairs and %d component pairs scored, %d events (largest %d)",
                    changed.size(), nodes.size(), rounds, byComponent.size(), largestComponent, bucketCache.size(),
                    stored.size(), candidatePairs, componentPairs, groups.size(),
                    groups.values().stream().mapToInt(List::size).max().orElse(0));
        }
        IdSets.Changes joined = new IdSets.Changes();
        IdSets.Changes left = new IdSets.Changes();
        List<Document> changedEvents = new ArrayList<>();
        for (Map.Entry<String, List<Document>> group : groups.entrySet()) {
            Document event = eventDocument(group.getKey(), group.getValue());
            Document before = eventsBefore.get(group.getKey());
            setChanges(group.getKey(), before, event, joined, left);
            if (!event.equals(before)) {
                changedEvents.add(event);
            }
        }
        List<String> gone = new ArrayList<>();
        eventsBefore.forEach((id, before) -> {
            if (!groups.containsKey(id)) {
                gone.add(id);
                setChanges(id, before, null, joined, left);
            }
        });
        Map<String, String> eventOf = new TreeMap<>();
        Map<String, String> moved = new TreeMap<>();
        Set<String> statementsToRelink = new TreeSet<>();
        List<Document> replaced = new ArrayList<>();
        groups.forEach((eventId, members) -> members.forEach(mention -> {
            String id = mention.getString("_id");
            String wasIn = mention.getString("eventId");
            eventOf.put(id, eventId);
            if (changed.containsKey(id) && !changedStored) {
                mention.put("eventId", eventId);
                replaced.add(mention);
            } else if (!eventId.equals(wasIn)) {
                moved.put(id, eventId);
            }
            if (!eventId.equals(wasIn) && !own.contains(mention.getString("articleId"))) {
                statementsToRelink.addAll(mention.getList("statementIds", String.class, List.of()));
            }
        }));
        // the sets stay supersets (see IdSets): joined before the events are written, left after
        sets.apply(joined);
        events.replaceAll(changedEvents);
        mentions.write(replaced, moved, List.of());
        events.deleteAll(gone);
        sets.apply(left);
        relinkStatements(statementsToRelink);
        return eventOf;
    }

    /** Union-find over mention ids: the linked components of a regroup's mentions. */
    private static final class LinkedComponents {
        private final Map<String, String> parent = new HashMap<>();

        String root(String id) {
            String root = id;
            for (String up = parent.get(root); up != null; up = parent.get(root)) {
                root = up;
            }
            // path compression: later finds of these ids take one step
            for (String at = id; !at.equals(root); ) {
                String up = parent.put(at, root);
                at = up;
            }
            return root;
        }

        boolean same(String a, String b) {
            return root(a).equals(root(b));
        }

        void join(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            if (!ra.equals(rb)) {
                parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
            }
        }
    }

    /**
     * The mentions filed in the looked-up buckets, each with the frontier mentions that looked up a bucket it is in:
     * the only ones it can be linked to, since a linked pair always shares a bucket ({@link #lookupKeys}). Comparing a
     * candidate with the whole frontier instead made a batch's linking cost its mentions times all the mentions of
     * every bucket any of them looked up (a month of a type family holds hundreds once the store has a few thousand
     * articles).
     *
     * @param lookedUpBy    bucket key → the frontier mentions that looked it up
     * @param bucketMembers bucket key → the mentions filed there
     * @return candidate mention id → the frontier mentions to compare it with
     */
    static Map<String, Set<String>> pairings(Map<String, Set<String>> lookedUpBy,
                                             Map<String, ? extends Collection<String>> bucketMembers) {
        Map<String, Set<String>> pairs = new TreeMap<>();
        lookedUpBy.forEach((key, frontier) -> {
            Collection<String> members = bucketMembers.get(key);
            if (members != null) {
                members.forEach(candidate -> pairs.computeIfAbsent(candidate, c -> new TreeSet<>()).addAll(frontier));
            }
        });
        return pairs;
    }

    /** The participants and places of an article's events, for entity resolution. */
    public static List<EntityMention> entities(List<ExtractedEvent> events) {
        List<EntityMention> found = new ArrayList<>();
        for (ExtractedEvent e : events) {
            found.addAll(e.participants());
            if (e.location() != null) {
                found.add(e.location());
            }
        }
        return found;
    }

    /** Per article event index, the ids ("{articleId}:{index}") of the article's statements that talk about it. */
    public static Map<Integer, List<String>> statementIds(String articleId, List<ExtractedStatement> statements) {
        Map<Integer, List<String>> byEvent = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            for (Integer event : statements.get(i).aboutEvents()) {
                byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(articleId + ":" + i);
            }
        }
        return byEvent;
    }

    /** The event mentions a statement talks about. */
    public static List<String> mentionIds(String articleId, ExtractedStatement statement) {
        return statement.aboutEvents().stream().map(i -> EventMentionRepository.mentionId(articleId, i)).toList();
    }

    /** The events a statement talks about, given where the article's events were linked. */
    public static List<String> eventIds(ExtractedStatement statement, Map<Integer, String> eventIdByIndex) {
        return statement.aboutEvents().stream().map(eventIdByIndex::get).filter(Objects::nonNull).distinct().toList();
    }

    /** Other articles' statements whose event mentions moved to another event: a round trip per step. */
    private void relinkStatements(Collection<String> statementIds) {
        if (statementIds.isEmpty()) {
            return;
        }
        List<Document> found = mentions.findStatements(statementIds);
        Map<String, String> eventOfMention = new HashMap<>();
        for (Document mention : mentions.findAll(found.stream().flatMap(statement ->
                statement.getList("aboutEventMentionIds", String.class, List.of()).stream()).distinct().toList())) {
            eventOfMention.put(mention.getString("_id"), mention.getString("eventId"));
        }
        Map<String, List<String>> eventsByStatement = new LinkedHashMap<>();
        for (Document statement : found) {
            Set<String> eventIds = new LinkedHashSet<>();
            for (String mentionId : statement.getList("aboutEventMentionIds", String.class, List.of())) {
                if (eventOfMention.get(mentionId) != null) {
                    eventIds.add(eventOfMention.get(mentionId));
                }
            }
            eventsByStatement.put(statement.getString("_id"), List.copyOf(eventIds));
        }
        mentions.setStatementEvents(eventsByStatement);
    }

    /** The stored mentions among these ids not read yet, into {@code stored} (null for those that do not exist). */
    private void fetch(Collection<String> ids, Map<String, Document> stored) {
        List<String> unread = ids.stream().filter(id -> !stored.containsKey(id)).toList();
        unread.forEach(id -> stored.put(id, null));
        mentions.findAll(unread).forEach(d -> stored.put(d.getString("_id"), d));
    }

    private static EventLinker.Mention linked(Document mention, Map<String, EventLinker.Mention> cache) {
        return cache.computeIfAbsent(mention.getString("_id"), id -> mention(mention));
    }

    /**
     * The id-set changes when an event goes from {@code before} to {@code after} (either null: none): the articles
     * that report it ({@link IdSets#ARTICLE_EVENTS}) and its participants ({@link IdSets#PARTICIPANT_EVENTS}).
     */
    private static void setChanges(String eventId, Document before, Document after, IdSets.Changes joined,
                                   IdSets.Changes left) {
        EventService.articleSetChanges(eventId, before == null ? List.of() : before.getList("articleIds", String.class, List.of()),
                after == null ? List.of() : after.getList("articleIds", String.class, List.of()), joined, left);
        List<String> participantsAfter = after == null ? List.of() : after.getList("participantIds", String.class, List.of());
        participantsAfter.forEach(participantId -> joined.add(IdSets.PARTICIPANT_EVENTS, participantId, eventId));
        if (before != null) {
            before.getList("participantIds", String.class, List.of()).stream()
                    .filter(participantId -> !participantsAfter.contains(participantId))
                    .forEach(participantId -> left.remove(IdSets.PARTICIPANT_EVENTS, participantId, eventId));
        }
    }

    private static void addIfPresent(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    static String eventId(String smallestMentionId) {
        return EventService.idOf(KIND + "|" + smallestMentionId);
    }

    /** A stored mention as the linker sees it. */
    static EventLinker.Mention mention(Document d) {
        TimeValue date = d.getString("start") == null ? null : new TimeValue(TimeValue.Kind.valueOf(d.getString("dateKind")),
                LocalDate.parse(d.getString("start")), LocalDate.parse(d.getString("end")),
                TimeValue.Granularity.valueOf(d.getString("granularity")));
        String status = d.getString("status");
        return new EventLinker.Mention(d.getString("_id"), d.getString("type"), status == null ? null : EventStatus.valueOf(status),
                LocalDate.parse(d.getString("published")), date, d.getList("participantKeys", String.class, List.of()),
                d.getString("locationKey"));
    }

    /** The mention's date, or for an undated one the stretch around publication it is assumed to lie in. */
    private static TimeValue blockingDate(Document mention) {
        return EventLinker.blockingDate(mention(mention));
    }

    /**
     * The buckets a mention is filed under: its periods (the family's months of its blocking date, or its years when it
     * is long) refined by what a linked pair must share (see {@link #refine}).
     */
    static Set<String> storeKeys(Document mention) {
        return refine(mention, storePeriods(mention), true);
    }

    /** The periods a mention is filed under (key → its month, null for a year): see {@link #storeKeys}. */
    static Map<String, YearMonth> storePeriods(Document mention) {
        TimeValue date = blockingDate(mention);
        return periods(mention.getString("family"), date.start(), date.end());
    }

    /**
     * The buckets a mention's candidates are filed under: the periods from a month before it to a month after it
     * (months and their years, at most {@value #MAX_YEARS} of each) refined as its store keys are. Any mention it can
     * link to is filed under one of them: a linkable date lies within 15 days of its own, and is filed under its months
     * or, when long, its years; and the refinement is one a linked pair shares.
     */
    static Set<String> lookupKeys(Document mention) {
        return refine(mention, lookupPeriods(mention), false);
    }

    /** The periods a mention's candidates are filed under (key → its month, null for a year): see {@link #lookupKeys}. */
    static Map<String, YearMonth> lookupPeriods(Document mention) {
        TimeValue date = blockingDate(mention);
        String family = mention.getString("family");
        LocalDate from = date.start().minusDays(31);
        LocalDate to = date.end().plusDays(31);
        Map<String, YearMonth> periods = new TreeMap<>();
        // capped from the mention's own start, as its store keys are, so that a long event filed under its last
        // capped year is found from the other side too
        for (int y = from.getYear(); y <= to.getYear() && y < date.start().getYear() + MAX_YEARS; y++) {
            periods.put(family + "|" + y, null);
        }
        YearMonth last = YearMonth.from(date.start()).plusYears(MAX_YEARS);
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)) && m.isBefore(last); m = m.plusMonths(1)) {
            periods.put(family + "|" + m, m);
        }
        return periods;
    }

    /** A type family's periods of a date range (key → its month, null for a year): months, or years when long. */
    private static Map<String, YearMonth> periods(String family, LocalDate start, LocalDate end) {
        Map<String, YearMonth> periods = new TreeMap<>();
        if (end.toEpochDay() - start.toEpochDay() > MAX_MONTHLY_SPAN_DAYS) {
            for (int y = start.getYear(); y <= end.getYear() && y < start.getYear() + MAX_YEARS; y++) {
                periods.put(family + "|" + y, null);
            }
            return periods;
        }
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            periods.put(family + "|" + m, m);
        }
        return periods;
    }

    /**
     * A mention's periods refined by what a pair must share to link ({@link EventLinker#decide}: a pair reaches the
     * threshold only with the same place, a shared participant, or the same type with overlapping dates precise to a
     * day or a week, since type and dates alone give at most 0.5 + 1). So a period holds one bucket per place, per
     * participant, and per type and day of such dates (long ones, over {@value #MAX_DAILY_SPAN_DAYS} days, per type
     * and period), instead of a whole month of a type family. Every key keeps its period, so that a pair shares a key
     * only when it shared a period: the candidates are those of the period buckets that the linker can link. A mention
     * with none of these links to nothing and is filed nowhere.
     *
     * @param filing store keys (a short precise date is filed under its days) rather than lookup keys (a precise date
     *               looks up the days it covers and the long ones of its type)
     */
    private static Set<String> refine(Document mention, Map<String, YearMonth> periods, boolean filing) {
        List<String> shared = new ArrayList<>();
        if (mention.getString("locationKey") != null) {
            shared.add("place:" + mention.getString("locationKey"));
        }
        mention.getList("participantKeys", String.class, List.of()).forEach(key -> shared.add("with:" + key));
        TimeValue precise = preciseDate(mention);
        Set<String> keys = new TreeSet<>();
        periods.forEach((period, month) -> {
            shared.forEach(s -> keys.add(period + "|" + s));
            if (precise == null) {
                return;
            }
            String sameType = period + "|type:" + mention.getString("type") + "|";
            boolean daily = month != null && precise.end().toEpochDay() - precise.start().toEpochDay() <= MAX_DAILY_SPAN_DAYS;
            if (!filing || !daily) {
                keys.add(sameType + "long");
            }
            if (month != null && (daily || !filing)) {
                LocalDate first = precise.start().isAfter(month.atDay(1)) ? precise.start() : month.atDay(1);
                LocalDate lastDay = precise.end().isBefore(month.atEndOfMonth()) ? precise.end() : month.atEndOfMonth();
                for (LocalDate d = first; !d.isAfter(lastDay); d = d.plusDays(1)) {
                    keys.add(sameType + d);
                }
            }
        });
        return keys;
    }

    /** The mention's date when it is precise to a day or a week (only such dates add to a pair's score), else null. */
    private static TimeValue preciseDate(Document mention) {
        String granularity = mention.getString("granularity");
        if (mention.getString("start") == null
                || !TimeValue.Granularity.DAY.name().equals(granularity) && !TimeValue.Granularity.WEEK.name().equals(granularity)) {
            return null;
        }
        return mention(mention).date();
    }

    private Document mentionDocument(String articleId, int index, ExtractedEvent event, LocalDate published,
                                     List<String> statementIds, Map<String, String> resolvedIds) {
        List<String> participantRefs = new ArrayList<>();
        List<String> participantNames = new ArrayList<>();
        for (EntityMention p : event.participants()) {
            participantRefs.add(MentionedEntities.key(p));
            participantNames.add(p.name());
        }
        EntityMention place = event.location();
        List<Document> evidence = new ArrayList<>();
        for (Span s : event.evidence()) {
            evidence.add(new Document("articleId", articleId).append("start", s.start()).append("end", s.end()).append("text", s.text()));
        }
        TimeValue date = event.date();
        Document mention = new Document("_id", EventMentionRepository.mentionId(articleId, index))
                .append("articleId", articleId)
                .append("index", index)
                .append("type", event.type())
                .append("family", types.root(event.type()))
                .append("status", event.status() == null ? null : event.status().name())
                .append("published", (published == null ? LocalDate.EPOCH : published).toString())
                .append("start", date == null ? null : date.start().toString())
                .append("end", date == null ? null : date.end().toString())
                .append("dateKind", date == null ? null : date.kind().name())
                .append("granularity", date == null ? null : date.granularity().name())
                .append("participantRefs", participantRefs)
                .append("participantNames", participantNames)
                .append("locationRef", place == null ? null : MentionedEntities.key(place))
                .append("locationName", place == null ? null : place.name())
                .append("evidence", evidence)
                .append("statementIds", statementIds);
        resolve(mention, resolvedIds);
        return mention;
    }

    /**
     * Sets a mention's participant and place ids and linking keys from its article-local keys and the article's
     * resolution (key → canonical id): a resolved id, else the name.
     */
    private static void resolve(Document mention, Map<String, String> resolvedIds) {
        List<String> refs = mention.getList("participantRefs", String.class, List.of());
        List<String> names = mention.getList("participantNames", String.class, List.of());
        List<String> participantKeys = new ArrayList<>();
        List<String> participantIds = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String id = refs.get(i) == null ? null : resolvedIds.get(refs.get(i));
            participantKeys.add(id != null ? id : "name:" + names.get(i));
            if (id != null && !participantIds.contains(id)) {
                participantIds.add(id);
            }
        }
        String placeRef = mention.getString("locationRef");
        String placeName = mention.getString("locationName");
        String placeId = placeRef == null ? null : resolvedIds.get(placeRef);
        mention.append("participantKeys", participantKeys)
                .append("participantIds", participantIds)
                .append("locationKey", placeName == null ? null : placeId != null ? placeId : "name:" + placeName)
                .append("locationId", placeId);
    }

    /**
     * An event from its mentions: the most specific type, the most precise date, the status most mentions give (on a
     * tie the furthest along), the place most give, every participant.
     */
    private Document eventDocument(String eventId, List<Document> members) {
        members.sort(Comparator.comparing(d -> d.getString("_id")));
        String type = null;
        Document dated = null;
        Map<EventStatus, Integer> statuses = new EnumMap<>(EventStatus.class);
        Map<String, Integer> places = new LinkedHashMap<>();
        Map<String, Document> placeOf = new HashMap<>();
        Set<String> participantIds = new LinkedHashSet<>();
        Set<String> participantNames = new LinkedHashSet<>();
        Set<String> articleIds = new TreeSet<>();
        Set<String> statementIds = new TreeSet<>();
        List<Document> evidence = new ArrayList<>();
        for (Document m : members) {
            type = type == null ? m.getString("type") : types.specific(type, m.getString("type"));
            if (m.getString("start") != null && (dated == null || span(m) < span(dated))) {
                dated = m;
            }
            if (m.getString("status") != null) {
                statuses.merge(EventStatus.valueOf(m.getString("status")), 1, Integer::sum);
            }
            if (m.getString("locationKey") != null) {
                places.merge(m.getString("locationKey"), 1, Integer::sum);
                placeOf.putIfAbsent(m.getString("locationKey"), m);
            }
            participantIds.addAll(m.getList("participantIds", String.class, List.of()));
            participantNames.addAll(m.getList("participantNames", String.class, List.of()));
            articleIds.add(m.getString("articleId"));
            statementIds.addAll(m.getList("statementIds", String.class, List.of()));
            evidence.addAll(m.getList("evidence", Document.class, List.of()));
        }
        EventStatus status = null;
        for (EventStatus s : EventStatus.values()) {
            if (statuses.containsKey(s) && (status == null || statuses.get(s) > statuses.get(status))) {
                status = s;
            }
        }
        String placeKey = null;
        for (Map.Entry<String, Integer> p : places.entrySet()) {
            if (placeKey == null || p.getValue() > places.get(placeKey)) {
                placeKey = p.getKey();
            }
        }
        Document place = placeKey == null ? null : placeOf.get(placeKey);
        LocalDate start = dated == null ? LocalDate.parse(members.get(0).getString("published")) : LocalDate.parse(dated.getString("start"));
        LocalDate end = dated == null ? null : LocalDate.parse(dated.getString("end"));
        return new Document("_id", eventId)
                .append("key", KIND + "|" + members.get(0).getString("_id"))
                .append("kind", KIND)
                .append("type", type)
                .append("title", EventService.title(type, null) + (place == null ? "" : " in " + place.getString("locationName")))
                .append("date", start.toString())
                .append("endDate", end == null || end.equals(start) ? null : end.toString())
                .append("dateApproximate", dated == null || !"DATE".equals(dated.getString("dateKind")) && !"RANGE".equals(dated.getString("dateKind")))
                .append("dateKnown", dated != null)
                .append("granularity", dated == null ? null : dated.getString("granularity"))
                .append("status", status == null ? null : status.name())
                .append("participantIds", List.copyOf(participantIds))
                .append("participantNames", List.copyOf(participantNames))
                .append("locationId", place == null ? null : place.getString("locationId"))
                .append("locationName", place == null ? null : place.getString("locationName"))
                .append("articleIds", List.copyOf(articleIds))
                .append("mentionIds", members.stream().map(d -> d.getString("_id")).toList())
                .append("statementIds", List.copyOf(statementIds))
                .append("evidence", evidence)
                .append("statementCount", (long) statementIds.size())
                .append("mentionCount", (long) members.size());
    }

    private static long span(Document mention) {
        long days = LocalDate.parse(mention.getString("end")).toEpochDay() - LocalDate.parse(mention.getString("start")).toEpochDay();
        return "APPROXIMATE".equals(mention.getString("dateKind")) ? days + 1 : days;
    }
}
