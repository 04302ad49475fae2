package io.quotegraph.statements.event.service;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotegraph.extraction.event.EventLinker;
import io.quotegraph.model.EntityMention;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.EventStatus;
import io.quotegraph.model.ExtractedEvent;
import io.quotegraph.model.Span;
import io.quotegraph.model.TimeValue;
import io.quotegraph.statements.MongoTestResource;
import io.quotegraph.statements.common.Mongo;
import io.quotegraph.statements.event.repository.EventMentionRepository;
import jakarta.inject.Inject;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored grouping of reported events against the linker's grouping of all stored mentions (issue 10): a linking
 * pass groups each linked component it touches on its own, which must give the same events whatever the order and
 * batching of the deliveries, and must not score the pairs across the components a batch touches.
 */
@QuarkusTest
@WithTestResource(MongoTestResource.class)
class ReportedEventGroupingTest {

    private static final List<String> TYPES = List.of("MEETING", "NEGOTIATION", "ELECTION");

    @Inject
    ReportedEventService reportedEvents;
    @Inject
    Mongo mongo;
    @Inject
    MeterRegistry registry;

    private final EventLinker linker = new EventLinker();

    @Test
    void randomChainsOfMentionsDeliveredInRandomOrdersAndBatchesAreGroupedAsTheLinkerGroupsThemAll() {
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            // a year of its own and names of its own: no other mention (of another seed or test) can link to these
            String run = UUID.randomUUID().toString().substring(0, 8);
            LocalDate from = LocalDate.of(2050 + seed, 1, 1);
            List<ReportedEventService.ArticleEvents> articles = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                articles.add(article(run + "-" + i, from.plusDays(random.nextInt(120)), random, run));
            }
            Collections.shuffle(articles, random);
            deliverInRandomBatches(articles, random);
            assertGroupedAsTheLinkerGroupsAll(articles, "seed " + seed);

            // some articles delivered again with other events (or none): mentions move, leave, and split events
            List<ReportedEventService.ArticleEvents> again = new ArrayList<>();
            for (ReportedEventService.ArticleEvents old : articles.subList(0, 8)) {
                LocalDate published = old.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
                again.add(random.nextInt(3) == 0 ? withEvents(old.articleId(), published, List.of())
                        : article(old.articleId(), published, random, run));
            }
            deliverInRandomBatches(again, random);
            assertGroupedAsTheLinkerGroupsAll(articles, "seed " + seed + ", after redelivery");
        }
    }

    @Test
    void aBatchTouchingSeveralComponentsScoresThePairsOfEachNotThePairsAcrossThem() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int components = 6;
        int size = 8;
        LocalDate published = LocalDate.of(2042, 3, 10);
        // elections at places of their own, each reported by `size` articles: a component (and an event) per place
        List<ReportedEventService.ArticleEvents> stored = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            for (int m = 0; m < size; m++) {
                stored.add(withEvents(run + "-" + c + "-" + m, published.plusDays(m),
                        List.of(event("ELECTION", EventStatus.HAPPENED, null, List.of(), place(run, c)))));
            }
        }
        reportedEvents.deliver(stored);
        List<ReportedEventService.ArticleEvents> batch = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            batch.add(withEvents(run + "-" + c + "-new", published.plusDays(size),
                    List.of(event("ELECTION", EventStatus.HAPPENED, null, List.of(), place(run, c)))));
        }

        DistributionSummary pairs = registry.find("quotegraph.events.regroup.pairs").summary();
        DistributionSummary mentions = registry.find("quotegraph.events.regroup.mentions").summary();
        double pairsBefore = pairs.totalAmount();
        double mentionsBefore = mentions.totalAmount();
        Map<String, Map<Integer, String>> eventIds = reportedEvents.deliver(batch);

        for (int c = 0; c < components; c++) {
            String joined = eventIds.get(run + "-" + c + "-new").get(0);
            assertThat(joined).as("the new election at place %d joins its event", c)
                    .isEqualTo(storedEventOf(run + "-" + c + "-0#0"));
        }
        int regrouped = components * (size + 1);
        assertThat(mentions.totalAmount() - mentionsBefore).as("mentions regrouped").isEqualTo(regrouped);
        // per component: its pairs, and each new mention against the stored ones its buckets hold; grouping the
        // components together would score every pair of all of them (regrouped * (regrouped - 1) / 2)
        long perComponent = (long) (size + 1) * size / 2 + size;
        assertThat(pairs.totalAmount() - pairsBefore).as("pairs scored by the batch's linking")
                .isLessThanOrEqualTo(components * perComponent);
        assertThat(components * perComponent).isLessThan((long) regrouped * (regrouped - 1) / 2);
    }

    private void deliverInRandomBatches(List<ReportedEventService.ArticleEvents> articles, Random random) {
        for (int at = 0; at < articles.size(); ) {
            int size = 1 + random.nextInt(6);
            reportedEvents.deliver(articles.subList(at, Math.min(articles.size(), at + size)));
            at += size;
        }
    }

    /** Every stored mention of these articles is in the event the linker gives it when grouping all of them at once. */
    private void assertGroupedAsTheLinkerGroupsAll(List<ReportedEventService.ArticleEvents> articles, String what) {
        List<Document> stored = mongo.collection(EventMentionRepository.MENTIONS)
                .find(Filters.in("articleId", articles.stream().map(ReportedEventService.ArticleEvents::articleId).toList()))
                .into(new ArrayList<>());
        Map<String, String> expected = new TreeMap<>();
        linker.groups(stored.stream().map(ReportedEventService::mention).toList())
                .forEach((mentionId, smallest) -> expected.put(mentionId, ReportedEventService.eventId(smallest)));
        Map<String, String> actual = new TreeMap<>();
        stored.forEach(mention -> actual.put(mention.getString("_id"), mention.getString("eventId")));
        assertThat(actual).as("events of the stored mentions, %s", what).isEqualTo(expected);
        assertThat(expected.values().stream().distinct().count()).as("some mentions are linked, %s", what)
                .isLessThan(expected.size());
    }

    private String storedEventOf(String mentionId) {
        return mongo.collection(EventMentionRepository.MENTIONS).find(Filters.eq("_id", mentionId)).first().getString("eventId");
    }

    /** An article with one to three random events near its publication: dated, undated, coarse, planned. */
    private static ReportedEventService.ArticleEvents article(String articleId, LocalDate published, Random random, String run) {
        List<ExtractedEvent> events = new ArrayList<>();
        for (int e = 1 + random.nextInt(3); e > 0; e--) {
            LocalDate day = published.plusDays(random.nextInt(41) - 30);
            TimeValue date = switch (random.nextInt(6)) {
                case 0, 1 -> null;
                case 2 -> TimeValue.day(day);
                case 3 -> TimeValue.range(day, day.plusDays(6), TimeValue.Granularity.WEEK);
                case 4 -> TimeValue.range(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()), TimeValue.Granularity.MONTH);
                default -> random.nextInt(4) == 0 ? TimeValue.range(published.withDayOfYear(1),
                        published.withDayOfYear(published.lengthOfYear()), TimeValue.Granularity.YEAR) : TimeValue.day(day);
            };
            List<String> participants = new ArrayList<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                participants.add("Party" + random.nextInt(3) + run);
            }
            String place = random.nextBoolean() ? null : place(run, random.nextInt(2));
            EventStatus status = random.nextInt(5) == 0 ? EventStatus.PLANNED : EventStatus.HAPPENED;
            events.add(event(TYPES.get(random.nextInt(TYPES.size())), status, date, participants, place));
        }
        return withEvents(articleId, published, events);
    }

    private static String place(String run, int index) {
        return "Town" + index + run;
    }

    private static ExtractedEvent event(String type, EventStatus status, TimeValue date, List<String> participants, String place) {
        return new ExtractedEvent(type, status, date,
                participants.stream().map(name -> new EntityMention(new Span(0, name.length(), name), name, EntityType.ORGANIZATION, null)).toList(),
                place == null ? null : new EntityMention(new Span(0, place.length(), place), place, EntityType.LOCATION, null),
                List.of(new Span(0, 9, "the event")));
    }

    private static ReportedEventService.ArticleEvents withEvents(String articleId, LocalDate published, List<ExtractedEvent> events) {
        Instant publishedAt = published.atTime(9, 0).toInstant(ZoneOffset.UTC);
        return new ReportedEventService.ArticleEvents(articleId, publishedAt, events, Map.of(), Map.of());
    }
}
