package io.quotegraph.extraction.event;

import io.quotegraph.model.EventStatus;
import io.quotegraph.model.TimeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two mentions of events (in one article or in two) name one event, and the events a set of mentions forms.
 * Pure: statements-service links what articles report with it, and the evaluation scores it on labelled mentions.
 * <p>
 * Score: same type +0.5 (a refining type, e.g. MISSION and MONITORING_MISSION, is compatible at 0); dates that overlap
 * +1, or within the coarser granularity's tolerance +0.5 (an undated mention counts as the month before publication,
 * or the two after it when planned or proposed, and adds nothing); a shared participant +1, disjoint participants -1;
 * the same place +1. Incompatible types, dates or places never link; a pair links at {@value #LINK_THRESHOLD}.
 * An event is a connected group of linked mentions, named after its smallest mention id, so that the grouping does not
 * depend on the order the mentions come in.
 */
public final class EventLinker {

    public static final double LINK_THRESHOLD = 1.5;
    /** Undated events are assumed this close to publication (before it, or after it when planned or proposed). */
    public static final int UNDATED_DAYS_BEFORE = 31;
    public static final int UNDATED_DAYS_AFTER = 62;

    /**
     * One mention of an event, as linking sees it.
     *
     * @param participantKeys who takes part, each as a key that is equal for one entity (a resolved id, or a name key)
     * @param locationKey     the place as such a key; null when not given
     * @param date            null when the text gives none
     * @param published       the publication day of the article
     */
    public record Mention(String id, String type, EventStatus status, LocalDate published, TimeValue date,
                          List<String> participantKeys, String locationKey) {

        public Mention {
            participantKeys = participantKeys == null ? List.of() : List.copyOf(participantKeys);
        }
    }

    /**
     * The score of a pair and why.
     *
     * @param score  negative infinity when the two cannot be one event
     * @param reason the parts of the score, e.g. "same type +0.5, same dates +1, disjoint participants -1"
     */
    public record Decision(double score, String reason) {

        public boolean linked() {
            return score >= LINK_THRESHOLD;
        }
    }

    private final EventTypes types = EventTypes.get();

    public double score(Mention a, Mention b) {
        return decide(a, b).score();
    }

    /** How strongly two mentions look like one event, and why. */
    public Decision decide(Mention a, Mention b) {
        if (!types.compatible(a.type(), b.type())) {
            return never("types " + a.type() + " and " + b.type() + " are incompatible");
        }
        List<String> parts = new ArrayList<>();
        double score = 0;
        if (a.type().equals(b.type())) {
            score += 0.5;
            parts.add("same type +0.5");
        } else {
            parts.add("refining type 0");
        }
        TimeValue dateA = blockingDate(a);
        TimeValue dateB = blockingDate(b);
        long gap = dateA.gapDays(dateB);
        if (gap > tolerance(dateA, dateB)) {
            return never("dates " + dateA + " and " + dateB + " are " + gap + " days apart");
        }
        if (a.date() != null && b.date() != null) {
            score += gap == 0 ? 1 : 0.5;
            parts.add(gap == 0 ? "dates overlap +1" : "dates " + gap + " days apart +0.5");
        } else {
            parts.add("undated 0");
        }
        if (a.locationKey() != null && b.locationKey() != null) {
            if (!a.locationKey().equals(b.locationKey())) {
                return never("places " + a.locationKey() + " and " + b.locationKey() + " differ");
            }
            score += 1;
            parts.add("same place +1");
        }
        if (!a.participantKeys().isEmpty() && !b.participantKeys().isEmpty()) {
            boolean shared = a.participantKeys().stream().anyMatch(b.participantKeys()::contains);
            score += shared ? 1 : -1;
            parts.add(shared ? "shared participant +1" : "disjoint participants -1");
        }
        return new Decision(score, String.join(", ", parts) + " = " + score);
    }

    private static Decision never(String why) {
        return new Decision(Double.NEGATIVE_INFINITY, why);
    }

    /** Days two dates may lie apart and still be one event: the coarser one's unit (a week, a month); none for years. */
    private static long tolerance(TimeValue a, TimeValue b) {
        TimeValue.Granularity g = a.granularity().compareTo(b.granularity()) >= 0 ? a.granularity() : b.granularity();
        return switch (g) {
            case DAY -> 1;
            case WEEK -> 3;
            case MONTH -> 15;
            case YEAR -> 0;
        };
    }

    /** The mention's date, or for an undated one the stretch around publication it is assumed to lie in. */
    public static TimeValue blockingDate(Mention mention) {
        if (mention.date() != null) {
            return mention.date();
        }
        LocalDate published = mention.published();
        boolean ahead = mention.status() == EventStatus.PLANNED || mention.status() == EventStatus.PROPOSED;
        return ahead ? TimeValue.approximate(published, published.plusDays(UNDATED_DAYS_AFTER), TimeValue.Granularity.MONTH)
                : TimeValue.approximate(published.minusDays(UNDATED_DAYS_BEFORE), published, TimeValue.Granularity.MONTH);
    }

    /** The event of each mention (by id): the smallest id of its connected group of linked mentions. */
    public Map<String, String> groups(Collection<Mention> mentions) {
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparing(Mention::id));
        Map<String, String> parent = new HashMap<>();
        sorted.forEach(m -> parent.put(m.id(), m.id()));
        for (int a = 0; a < sorted.size(); a++) {
            for (int b = a + 1; b < sorted.size(); b++) {
                if (decide(sorted.get(a), sorted.get(b)).linked()) {
                    String ra = root(parent, sorted.get(a).id());
                    String rb = root(parent, sorted.get(b).id());
                    if (!ra.equals(rb)) {
                        // the smaller id becomes the root, so that a group's root is its smallest member
                        parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
                    }
                }
            }
        }
        Map<String, String> groupOf = new HashMap<>();
        for (Mention m : sorted) {
            groupOf.put(m.id(), root(parent, m.id()));
        }
        return groupOf;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }
}
