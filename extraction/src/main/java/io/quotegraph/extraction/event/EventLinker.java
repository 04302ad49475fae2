package io.quotegraph.extraction.event;

import io.quotegraph.model.EventStatus;
import io.quotegraph.model.TimeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two mentions of events (in one article or in two) name one event, and the events a set of mentions forms.
 * Pure: statements-service links what articles report with it, and the evaluation scores it on labelled mentions.
 * <p>
 * Score: same type +0.5 (a refining type, e.g. MISSION and MONITORING_MISSION, is compatible at 0); dates precise to a
 * day or a week that overlap +1, or lie within a day (a week: three days) +0.5; a date only to the month or year, or
 * none (an undated mention counts as the month before publication, or the two after it when planned or proposed),
 * adds nothing: it only does not contradict. A shared participant +1, disjoint participants -1; the same place +1.
 * Incompatible types, dates or places never link; a pair links at {@value #LINK_THRESHOLD}.
 * <p>
 * Grouping is average-link, not single-link, so that one vague mention ("GOP Debate", 2016) does not chain every
 * debate of a year into one event: starting from single mentions, the two groups with the highest mean pair score
 * merge while that mean reaches half of a link ({@link #MERGE_THRESHOLD}), some pair across them links, and no pair
 * across them is incompatible (so a group never holds two places, or dates further apart than their tolerance). Ties
 * break on the groups' smallest ids, and an event is named after its smallest mention id, so that the grouping does
 * not depend on input order.
 */
public final class EventLinker {

    public static final double LINK_THRESHOLD = 1.5;
    /**
     * The mean pair score two groups need to merge (besides one linked pair and no incompatible one): half a link, so
     * that a mention linked to one member joins when it does not count against the others (a neutral pair scores
     * about 0.5, a pair with disjoint participants below 0).
     */
    public static final double MERGE_THRESHOLD = LINK_THRESHOLD / 2;
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
        return evaluate(a, blockingDate(a), b, blockingDate(b), null);
    }

    /** How strongly two mentions look like one event, and why. */
    public Decision decide(Mention a, Mention b) {
        List<String> parts = new ArrayList<>();
        double score = evaluate(a, blockingDate(a), b, blockingDate(b), parts);
        return new Decision(score, score == Double.NEGATIVE_INFINITY ? parts.get(0)
                : String.join(", ", parts) + " = " + score);
    }

    /**
     * The score of a pair, with its parts (or only why it is impossible) added to {@code parts} unless that is null:
     * grouping scores every pair of a component and needs no words. {@code dateA} and {@code dateB} are the mentions'
     * {@link #blockingDate}s, which grouping computes once per mention rather than once per pair.
     */
    private double evaluate(Mention a, TimeValue dateA, Mention b, TimeValue dateB, List<String> parts) {
        if (!types.compatible(a.type(), b.type())) {
            if (parts != null) {
                parts.add("types " + a.type() + " and " + b.type() + " are incompatible");
            }
            return Double.NEGATIVE_INFINITY;
        }
        double score = 0;
        boolean sameType = a.type().equals(b.type());
        if (sameType) {
            score += 0.5;
        }
        if (parts != null) {
            parts.add(sameType ? "same type +0.5" : "refining type 0");
        }
        long gap = dateA.gapDays(dateB);
        if (gap > tolerance(dateA, dateB)) {
            if (parts != null) {
                parts.clear();
                parts.add("dates " + dateA + " and " + dateB + " are " + gap + " days apart");
            }
            return Double.NEGATIVE_INFINITY;
        }
        String dates;
        if (a.date() == null || b.date() == null) {
            dates = "undated 0";
        } else if (coarse(a.date()) || coarse(b.date())) {
            // "2016" overlaps every debate of the year: evidence of nothing
            dates = "coarse dates 0";
        } else {
            score += gap == 0 ? 1 : 0.5;
            dates = gap == 0 ? "dates overlap +1" : parts == null ? null : "dates " + gap + " days apart +0.5";
        }
        if (parts != null) {
            parts.add(dates);
        }
        if (a.locationKey() != null && b.locationKey() != null) {
            if (!a.locationKey().equals(b.locationKey())) {
                if (parts != null) {
                    parts.clear();
                    parts.add("places " + a.locationKey() + " and " + b.locationKey() + " differ");
                }
                return Double.NEGATIVE_INFINITY;
            }
            score += 1;
            if (parts != null) {
                parts.add("same place +1");
            }
        }
        if (!a.participantKeys().isEmpty() && !b.participantKeys().isEmpty()) {
            boolean shared = a.participantKeys().stream().anyMatch(b.participantKeys()::contains);
            score += shared ? 1 : -1;
            if (parts != null) {
                parts.add(shared ? "shared participant +1" : "disjoint participants -1");
            }
        }
        return score;
    }

    private static boolean coarse(TimeValue date) {
        return date.granularity() == TimeValue.Granularity.MONTH || date.granularity() == TimeValue.Granularity.YEAR;
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

    /** The event of each mention (by id): the smallest id of its group (see the class comment for how groups form). */
    public Map<String, String> groups(Collection<Mention> mentions) {
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparing(Mention::id));
        int n = sorted.size();
        TimeValue[] dates = new TimeValue[n];
        for (int i = 0; i < n; i++) {
            dates[i] = blockingDate(sorted.get(i));
        }
        double[][] score = new double[n][n];
        // components of linked pairs bound the work: groups only ever merge inside one
        int[] component = new int[n];
        for (int i = 0; i < n; i++) {
            component[i] = i;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double s = evaluate(sorted.get(a), dates[a], sorted.get(b), dates[b], null);
                score[a][b] = s;
                score[b][a] = s;
                if (s >= LINK_THRESHOLD) {
                    int ra = find(component, a);
                    int rb = find(component, b);
                    component[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(find(component, i), k -> new ArrayList<>()).add(i);
        }
        Map<String, String> groupOf = new HashMap<>();
        for (List<Integer> comp : members.values()) {
            for (List<Integer> group : new AverageLink(comp, score).groups()) {
                // members are in id order, so the first is the smallest id
                String name = sorted.get(group.get(0)).id();
                group.forEach(i -> groupOf.put(sorted.get(i).id(), name));
            }
        }
        return groupOf;
    }

    /**
     * Average-link agglomeration of one component (indexes in id order); see the class comment. Slot x holds the group
     * whose smallest member is the component's x-th, since a merge moves the larger slot into the smaller; so "the
     * first best pair (x, y)" is the tie-break on smallest ids. Each slot keeps its best partner among the larger slots,
     * and a merge rescans only the slots whose best partner it changed, not every pair (a component of a recurring
     * event holds thousands of mentions).
     */
    private static final class AverageLink {

        private final List<List<Integer>> members = new ArrayList<>();
        /** Between slots: the sum of pair scores (negative infinity once any pair is incompatible). */
        private final double[][] sum;
        /** Between slots: whether some pair across them links. */
        private final boolean[][] linked;
        private final boolean[] alive;
        /** Per slot: the larger slot it would merge with best, or -1; and that merge's mean score. */
        private final int[] bestPartner;
        private final double[] bestMean;

        AverageLink(List<Integer> comp, double[][] score) {
            int k = comp.size();
            for (int i : comp) {
                members.add(new ArrayList<>(List.of(i)));
            }
            sum = new double[k][k];
            linked = new boolean[k][k];
            for (int x = 0; x < k; x++) {
                for (int y = 0; y < k; y++) {
                    if (x != y) {
                        sum[x][y] = score[comp.get(x)][comp.get(y)];
                        linked[x][y] = sum[x][y] >= LINK_THRESHOLD;
                    }
                }
            }
            alive = new boolean[k];
            Arrays.fill(alive, true);
            bestPartner = new int[k];
            bestMean = new double[k];
            for (int x = 0; x < k; x++) {
                rescan(x);
            }
        }

        List<List<Integer>> groups() {
            while (true) {
                int x = -1;
                double best = Double.NEGATIVE_INFINITY;
                for (int z = 0; z < alive.length; z++) {
                    if (alive[z] && bestPartner[z] >= 0 && bestMean[z] > best) {
                        best = bestMean[z];
                        x = z;
                    }
                }
                if (x < 0) {
                    break;
                }
                merge(x, bestPartner[x]);
            }
            List<List<Integer>> result = new ArrayList<>();
            for (int x = 0; x < alive.length; x++) {
                if (alive[x]) {
                    members.get(x).sort(null);
                    result.add(members.get(x));
                }
            }
            return result;
        }

        private void merge(int x, int y) {
            members.get(x).addAll(members.get(y));
            alive[y] = false;
            for (int z = 0; z < alive.length; z++) {
                if (alive[z] && z != x) {
                    sum[x][z] += sum[y][z];
                    sum[z][x] = sum[x][z];
                    linked[x][z] |= linked[y][z];
                    linked[z][x] = linked[x][z];
                }
            }
            rescan(x);
            for (int z = 0; z < y; z++) {
                if (!alive[z] || z == x) {
                    continue;
                }
                if (bestPartner[z] == x || bestPartner[z] == y) {
                    rescan(z);
                } else if (z < x) {
                    // only the pair with x changed in this row, and it may now be the best
                    double mean = mean(z, x);
                    if (mean > bestMean[z] || mean == bestMean[z] && bestPartner[z] > x) {
                        bestPartner[z] = x;
                        bestMean[z] = mean;
                    }
                }
            }
        }

        private void rescan(int x) {
            bestPartner[x] = -1;
            bestMean[x] = Double.NEGATIVE_INFINITY;
            for (int y = x + 1; y < alive.length; y++) {
                double mean = mean(x, y);
                if (mean > bestMean[x]) {
                    bestPartner[x] = y;
                    bestMean[x] = mean;
                }
            }
        }

        /** The mean pair score of a merge of two slots, or negative infinity when they cannot merge. */
        private double mean(int x, int y) {
            if (!alive[y] || !linked[x][y] || sum[x][y] == Double.NEGATIVE_INFINITY) {
                return Double.NEGATIVE_INFINITY;
            }
            double mean = sum[x][y] / ((double) members.get(x).size() * members.get(y).size());
            return mean >= MERGE_THRESHOLD ? mean : Double.NEGATIVE_INFINITY;
        }
    }

    private static int find(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }
}
