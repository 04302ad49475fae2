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
        if (a.date() == null || b.date() == null) {
            parts.add("undated 0");
        } else if (coarse(a.date()) || coarse(b.date())) {
            // "2016" overlaps every debate of the year: evidence of nothing
            parts.add("coarse dates 0");
        } else {
            score += gap == 0 ? 1 : 0.5;
            parts.add(gap == 0 ? "dates overlap +1" : "dates " + gap + " days apart +0.5");
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
        double[][] score = new double[n][n];
        // components of linked pairs bound the work: groups only ever merge inside one
        int[] component = new int[n];
        for (int i = 0; i < n; i++) {
            component[i] = i;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                Decision d = decide(sorted.get(a), sorted.get(b));
                score[a][b] = d.score();
                score[b][a] = d.score();
                if (d.linked()) {
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
            for (List<Integer> group : averageLink(comp, score)) {
                // members are in id order, so the first is the smallest id
                String name = sorted.get(group.get(0)).id();
                group.forEach(i -> groupOf.put(sorted.get(i).id(), name));
            }
        }
        return groupOf;
    }

    /** Average-link agglomeration of one component (indexes in id order); see the class comment. */
    private static List<List<Integer>> averageLink(List<Integer> comp, double[][] score) {
        int k = comp.size();
        List<List<Integer>> groups = new ArrayList<>();
        for (int i : comp) {
            groups.add(new ArrayList<>(List.of(i)));
        }
        if (k < 2) {
            return groups;
        }
        // between groups: sum of pair scores (negative infinity once any pair is incompatible), and a linked pair
        double[][] sum = new double[k][k];
        boolean[][] linked = new boolean[k][k];
        for (int x = 0; x < k; x++) {
            for (int y = 0; y < k; y++) {
                if (x != y) {
                    sum[x][y] = score[comp.get(x)][comp.get(y)];
                    linked[x][y] = sum[x][y] >= LINK_THRESHOLD;
                }
            }
        }
        boolean[] alive = new boolean[k];
        Arrays.fill(alive, true);
        while (true) {
            int bestX = -1;
            int bestY = -1;
            double best = Double.NEGATIVE_INFINITY;
            // groups stay in id order of their smallest member (x < y), so the first best pair is the tie-break
            for (int x = 0; x < k; x++) {
                for (int y = x + 1; y < k && alive[x]; y++) {
                    if (!alive[y] || !linked[x][y] || sum[x][y] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double mean = sum[x][y] / ((double) groups.get(x).size() * groups.get(y).size());
                    if (mean >= MERGE_THRESHOLD && mean > best) {
                        best = mean;
                        bestX = x;
                        bestY = y;
                    }
                }
            }
            if (bestX < 0) {
                break;
            }
            groups.get(bestX).addAll(groups.get(bestY));
            groups.get(bestX).sort(null);
            alive[bestY] = false;
            for (int z = 0; z < k; z++) {
                if (alive[z] && z != bestX) {
                    sum[bestX][z] += sum[bestY][z];
                    sum[z][bestX] = sum[bestX][z];
                    linked[bestX][z] |= linked[bestY][z];
                    linked[z][bestX] = linked[bestX][z];
                }
            }
        }
        List<List<Integer>> result = new ArrayList<>();
        for (int x = 0; x < k; x++) {
            if (alive[x]) {
                result.add(groups.get(x));
            }
        }
        return result;
    }

    private static int find(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        return r;
    }
}
