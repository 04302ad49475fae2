package io.quotegraph.evaluation.event;

import io.quotegraph.evaluation.resolution.ClusterScores;
import io.quotegraph.extraction.entity.EntityNames;
import io.quotegraph.extraction.event.EventLinker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.EventStatus;
import io.quotegraph.model.TimeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores cross-article event linking ({@link EventLinker}, the logic statements-service links with) on labelled event
 * mentions: {@value #LABELS} (see the README beside it), mentions the extractor found in the sample articles and in
 * PolNeAR dev articles, each with the event a reader identified. Every pair of mentions is thereby labelled: the same
 * event or not. Scores: pairwise precision/recall/F1 of the linker's own pair decisions (score ≥ threshold), of the
 * events it forms (its groups: what the service stores), and B³ over those events.
 * <p>
 * The service keys participants and places by the entity they resolve to; without the resolver, a person is keyed
 * here by the last word of the name ("Clinton" = "Hillary Clinton") and anything else by its name key.
 */
public final class EventLinkingBenchmark {

    public static final String LABELS = "/io/quotegraph/evaluation/event/event-linking-labels.tsv";

    /** One labelled mention. */
    public record Item(EventLinker.Mention mention, String gold, String evidence) {
    }

    /** A pair the linker got wrong. */
    public record Error(boolean falseLink, Item a, Item b, String reason) {
    }

    /**
     * @param direct the linker's pair decisions; grouped: the events it forms
     */
    public record Report(int mentions, int events, long positivePairs, long sameTypeNegativePairs, Scores direct,
                         ClusterScores grouped, List<Error> errors) {
    }

    /** Pairwise precision/recall of linked decisions. */
    public record Scores(long truePositives, long predicted, long gold) {

        public double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 1 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final EventLinker linker = new EventLinker();

    public Report run(List<Item> items) {
        Map<String, String> groups = linker.groups(items.stream().map(Item::mention).toList());
        long tp = 0;
        long predicted = 0;
        long gold = 0;
        long hardNegatives = 0;
        List<Error> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Item a = items.get(i);
                Item b = items.get(j);
                boolean same = a.gold().equals(b.gold());
                EventLinker.Decision d = linker.decide(a.mention(), b.mention());
                gold += same ? 1 : 0;
                predicted += d.linked() ? 1 : 0;
                tp += same && d.linked() ? 1 : 0;
                if (!same && a.mention().type().equals(b.mention().type())) {
                    hardNegatives++;
                }
                boolean grouped = groups.get(a.mention().id()).equals(groups.get(b.mention().id()));
                if (grouped != same) {
                    String how = d.linked() || !grouped ? d.reason() : "through other mentions (" + d.reason() + ")";
                    errors.add(new Error(grouped, a, b, how));
                }
            }
        }
        List<String> goldLabels = items.stream().map(Item::gold).toList();
        List<String> predictedLabels = items.stream().map(i -> groups.get(i.mention().id())).toList();
        return new Report(items.size(), (int) goldLabels.stream().distinct().count(), gold, hardNegatives,
                new Scores(tp, predicted, gold), ClusterScores.of(goldLabels, predictedLabels), errors);
    }

    public static void print(PrintStream out, Report r) {
        out.printf("event linking: %d labelled mentions, %d events, %d same-event pairs, %d same-type different-event pairs%n",
                r.mentions(), r.events(), r.positivePairs(), r.sameTypeNegativePairs());
        out.printf("%-28s %8s %8s %8s %8s %8s %8s%n", "decisions", "pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1");
        out.printf(Locale.ROOT, "%-28s %8.3f %8.3f %8.3f %8s %8s %8s%n", "pair scores >= " + EventLinker.LINK_THRESHOLD,
                r.direct().precision(), r.direct().recall(), r.direct().f1(), "-", "-", "-");
        ClusterScores g = r.grouped();
        out.printf(Locale.ROOT, "%-28s %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f%n", "events (linked groups)",
                g.pairwisePrecision(), g.pairwiseRecall(), g.pairwiseF1(), g.b3Precision(), g.b3Recall(), g.b3F1());
        long falseLinks = r.errors().stream().filter(Error::falseLink).count();
        out.printf("errors of the events: %d false links, %d missed links%n", falseLinks, r.errors().size() - falseLinks);
        for (Error e : r.errors()) {
            out.printf("%s %s (%s) ~ %s (%s): %s%n", e.falseLink() ? "FALSE LINK" : "MISSED    ", describe(e.a()), e.a().gold(),
                    describe(e.b()), e.b().gold(), e.reason());
        }
    }

    private static String describe(Item i) {
        EventLinker.Mention m = i.mention();
        return m.id() + " " + m.type() + " " + (m.date() == null ? "undated" : m.date()) + " \"" + i.evidence() + "\"";
    }

    /** The committed labels. */
    public static List<Item> readLabels() {
        try (InputStream in = EventLinkingBenchmark.class.getResourceAsStream(LABELS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LABELS);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Item> readLabels(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    /**
     * Tab-separated: mention id, gold event, published (ISO day), type, status (or -), date ({@link TimeValue} text, or
     * -), participants ("name/TYPE" separated by ";", or -), place (or -), evidence. Lines starting with # are comments.
     */
    static List<Item> parse(BufferedReader reader) throws IOException {
        List<Item> items = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 9) {
                throw new IllegalArgumentException("line " + number + ": expected 9 tab-separated fields, got " + f.length);
            }
            List<String> participants = new ArrayList<>();
            if (!f[6].equals("-")) {
                for (String p : f[6].split(";")) {
                    int slash = p.lastIndexOf('/');
                    String key = key(p.substring(0, slash), EntityType.valueOf(p.substring(slash + 1)));
                    if (!key.isEmpty() && !participants.contains(key)) {
                        participants.add(key);
                    }
                }
            }
            String place = f[7].equals("-") ? null : key(f[7], EntityType.LOCATION);
            EventLinker.Mention mention = new EventLinker.Mention(f[0], f[3], f[4].equals("-") ? null : EventStatus.valueOf(f[4]),
                    LocalDate.parse(f[2]), f[5].equals("-") ? null : TimeValue.parse(f[5]), participants, place);
            items.add(new Item(mention, f[1], f[8]));
        }
        return items;
    }

    /** Stands in for entity resolution: a person by the last word of the name, anything else by its name key. */
    static String key(String name, EntityType type) {
        List<String> tokens = EntityNames.nameTokens(name, type);
        if (tokens.isEmpty()) {
            return "";
        }
        return type == EntityType.PERSON ? tokens.get(tokens.size() - 1) : String.join(" ", tokens);
    }
}
