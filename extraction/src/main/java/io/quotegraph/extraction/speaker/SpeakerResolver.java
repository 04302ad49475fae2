package io.quotegraph.extraction.speaker;

import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Resolves the speaker mentions of one article, in reading order, to clusters:
 * <ul>
 *   <li>names join the cluster with the same name or surname ("Miller" joins "Matthew Miller");</li>
 *   <li>pronouns take the previous statement's speaker when compatible (he/she a person, it an organisation or
 *       country), else the most recent compatible cluster, else the person last named in the text;</li>
 *   <li>definite role nouns ("the spokesman") take the most recent cluster with that role;</li>
 *   <li>an indefinite role noun before any named person ("a State Department spokesman said") is resolved
 *       cataphorically to the first person named as a speaker after it with a compatible or unknown role;</li>
 *   <li>a relative pronoun ("Ruth Alder, who said") takes the cluster of the phrase it follows;</li>
 *   <li>a continuation quote takes the previous statement's speaker.</li>
 * </ul>
 * Not thread-safe: one instance per article.
 */
public final class SpeakerResolver {

    /** How many statements after an indefinite role its name may come ("right after", not anywhere later). */
    private static final int CATAPHORA_WINDOW = 4;

    private final List<SpeakerCluster> clusters = new ArrayList<>();
    /** Per statement, in the order resolved: its cluster or null. */
    private final List<SpeakerCluster> resolved = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private SpeakerCluster previous;
    private Mention antecedent;
    private int order;

    /**
     * Resolves the next statement's speaker.
     * @param mention the speaker as written, or null for a continuation of the previous statement
     * @param nested  whether the statement is reported inside another one's content ("X said Y's claim that …");
     *                it then does not become the "previous speaker" that a following "he said" refers to
     * @param antecedent for a pronoun, the nearest person named before it in the text, used when no speaker fits;
     *                   for a relative pronoun, the phrase it follows; or null
     */
    public void resolve(Mention mention, boolean nested, Mention antecedent) {
        order++;
        this.antecedent = antecedent;
        SpeakerCluster c = mention == null ? previous : cluster(mention);
        if (c != null && mention != null) {
            if (mention.form() == Mention.Form.NAME || mention.form() == Mention.Form.DEFINITE_ROLE) {
                c.add(mention, order);
            } else {
                c.touch(order, mention.span().start());
            }
        }
        resolved.add(c);
        mentions.add(mention);
        if (c != null && !nested) {
            previous = c;
        }
    }

    /** Records a statement whose source the text does not name: it has no speaker and changes no "previous speaker". */
    public void unnamed() {
        order++;
        resolved.add(null);
        mentions.add(null);
    }

    private SpeakerCluster cluster(Mention m) {
        return switch (m.form()) {
            case NAME -> named(m);
            case PRONOUN -> pronoun(m);
            case RELATIVE -> relative();
            case DEFINITE_ROLE -> definiteRole(m);
            case INDEFINITE_ROLE -> indefiniteRole(m);
            case GROUP -> group(m);
        };
    }

    private SpeakerCluster named(Mention m) {
        SpeakerCluster best = null;
        for (SpeakerCluster c : clusters) {
            boolean match = m.type() == EntityType.PERSON ? c.matchesPersonName(m.name())
                    : c.type() == m.type() && c.name().equalsIgnoreCase(m.name());
            if (match && (best == null || c.lastSeen() > best.lastSeen())) {
                best = c;
            }
        }
        return best != null ? best : create(m);
    }

    private SpeakerCluster pronoun(Mention m) {
        if (previous != null && compatible(previous, m)) {
            return previous;
        }
        SpeakerCluster recent = mostRecent(c -> compatible(c, m));
        if (recent == null && antecedent != null) {
            SpeakerCluster c = named(antecedent);
            c.add(antecedent, order);
            return c;
        }
        return recent;
    }

    /** A relative pronoun speaks for its antecedent, resolved like any mention; without one, for the previous speaker. */
    private SpeakerCluster relative() {
        if (antecedent == null || antecedent.form() == Mention.Form.RELATIVE) {
            return previous;
        }
        SpeakerCluster c = cluster(antecedent);
        if (antecedent.form() == Mention.Form.NAME || antecedent.form() == Mention.Form.DEFINITE_ROLE) {
            c.add(antecedent, order);
        }
        return c;
    }

    private static boolean compatible(SpeakerCluster c, Mention pronoun) {
        return switch (pronoun.name()) {
            case "he", "she" -> c.type() == EntityType.PERSON;
            case "it" -> c.type() == EntityType.ORGANIZATION || c.type() == EntityType.COUNTRY;
            default -> true;
        };
    }

    private SpeakerCluster definiteRole(Mention m) {
        SpeakerCluster c = mostRecent(x -> x.hasRoleHead(m.roleHead()));
        return c != null ? c : create(m);
    }

    private SpeakerCluster indefiniteRole(Mention m) {
        SpeakerCluster c = create(m);
        c.setCataphoric(mostRecent(x -> x.named() && x.type() == EntityType.PERSON) == null);
        return c;
    }

    private SpeakerCluster group(Mention m) {
        SpeakerCluster c = mostRecent(x -> !x.named() && x.type() == m.type() && x.name().equalsIgnoreCase(m.name()));
        return c != null ? c : create(m);
    }

    private SpeakerCluster create(Mention m) {
        SpeakerCluster c = new SpeakerCluster(m, order);
        clusters.add(c);
        return c;
    }

    private SpeakerCluster mostRecent(Predicate<SpeakerCluster> test) {
        SpeakerCluster best = null;
        for (SpeakerCluster c : clusters) {
            if (test.test(c) && (best == null || c.lastSeen() > best.lastSeen())) {
                best = c;
            }
        }
        return best;
    }

    /** Merges each cataphoric role cluster into the first person named after it, if their roles agree. */
    private void resolveCataphora() {
        for (int i = 0; i < resolved.size(); i++) {
            SpeakerCluster role = resolved.get(i);
            if (role == null || !role.cataphoric() || role.named()) {
                continue;
            }
            for (int j = i + 1; j < resolved.size() && j <= i + CATAPHORA_WINDOW; j++) {
                SpeakerCluster target = resolved.get(j);
                Mention m = mentions.get(j);
                if (m != null && m.isPersonName() && target != role && target.rolesCompatible(role)) {
                    target.absorb(role);
                    replace(role, target);
                    break;
                }
            }
        }
    }

    private void replace(SpeakerCluster from, SpeakerCluster to) {
        for (int k = 0; k < resolved.size(); k++) {
            if (resolved.get(k) == from) {
                resolved.set(k, to);
            }
        }
        clusters.remove(from);
    }

    /** Finishes resolution; call once after the last {@link #resolve}. */
    public Result finish() {
        resolveCataphora();
        List<SpeakerCluster> ordered = new ArrayList<>(clusters);
        ordered.sort(Comparator.comparingInt(SpeakerCluster::firstStart));
        Map<SpeakerCluster, String> keyOf = new IdentityHashMap<>();
        List<ArticleSpeaker> speakers = new ArrayList<>();
        Set<SpeakerCluster> used = Collections.newSetFromMap(new IdentityHashMap<>());
        used.addAll(resolved);
        for (SpeakerCluster c : ordered) {
            if (used.contains(c)) {
                String key = "S" + (speakers.size() + 1);
                keyOf.put(c, key);
                speakers.add(c.toArticleSpeaker(key));
            }
        }
        List<String> keys = new ArrayList<>(resolved.size());
        for (SpeakerCluster c : resolved) {
            keys.add(c == null ? null : keyOf.get(c));
        }
        return new Result(keys, speakers);
    }

    /** Per statement (in resolution order) its speaker key or null, and the article's speakers. */
    public record Result(List<String> keys, List<ArticleSpeaker> speakers) {
    }
}
