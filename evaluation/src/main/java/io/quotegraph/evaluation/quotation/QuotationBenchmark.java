package io.quotegraph.evaluation.quotation;

import io.quotegraph.quotations.QuotationIndex;
import io.quotegraph.quotations.QuoteBlocking;
import io.quotegraph.quotations.Relation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quotation benchmark: labelled statement pairs of one speaker ({@value #LABELS}, built from the PolNeAR dev split
 * by {@code evaluation/scripts/build_quotation_labels.py}, offsets only) are each put through a fresh
 * {@link QuotationIndex} with no speaker list, so that the LSH bands decide which pairs are compared (as for a
 * speaker past its list's capacity: the list only adds candidates, so this is the lower bound of recall), and the
 * relation it finds is scored against the label.
 * <ul>
 * <li><b>same quotation</b>: predicted SAME against the "same" labels;</li>
 * <li><b>similar</b>: the corpus has no paraphrase labels, so "similar" is scored as a link: predicted SAME or
 * SIMILAR against the "same" labels (what linking adds to recall, and what it costs in precision); and the share of
 * "different" pairs linked as similar.</li>
 * </ul>
 */
public final class QuotationBenchmark {

    public static final String LABELS = "polnear-dev-quotation-pairs.tsv";
    private static final String OMISSION = " … ";

    /** One labelled pair: its label ("same" or "different"), origin ("natural"/"synthetic"), and both wordings. */
    record Pair(String label, String origin, String edit, String a, String b) {
        boolean same() {
            return label.equals("same");
        }
    }

    /** Precision, recall and F1 of one decision over the pairs. */
    public record Score(String decision, String pairs, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The scores, with the number of pairs by "label/origin". */
    public record Report(String corpus, Map<String, Integer> pairCounts, List<Score> scores, int differentLinkedAsSimilar,
                         int different) {
    }

    public Report run(Path corpus) throws IOException {
        DevCorpus dev = DevCorpus.read(corpus);
        List<Pair> pairs = pairs(dev);
        List<Relation> predicted = new ArrayList<>(pairs.size());
        for (Pair pair : pairs) {
            QuotationIndex index = pairIndex();
            int a = index.add("speaker", pair.a()).statement();
            int b = index.add("speaker", pair.b()).statement();
            predicted.add(index.relation(a, b));
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        pairs.forEach(p -> counts.merge(p.label() + "/" + p.origin(), 1, Integer::sum));
        List<Score> scores = new ArrayList<>();
        scores.add(score("same quotation", "all", pairs, predicted, null, false));
        scores.add(score("same quotation", "natural", pairs, predicted, "natural", false));
        scores.add(score("same quotation", "synthetic+natural negatives", pairs, predicted, "synthetic", false));
        scores.add(score("same or similar (linked)", "all", pairs, predicted, null, true));
        int different = 0;
        int linkedSimilar = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (!pairs.get(i).same()) {
                different++;
                if (predicted.get(i) == Relation.SIMILAR) {
                    linkedSimilar++;
                }
            }
        }
        return new Report(corpus.toString(), counts, scores, linkedSimilar, different);
    }

    /** The index a pair is put through: no speaker list, so the LSH bands alone choose the candidates. */
    static QuotationIndex pairIndex() {
        return new QuotationIndex(0, QuoteBlocking.BUCKET_CAPACITY);
    }

    /** Scores over the "same" pairs of one origin (all when null) and every "different" pair. */
    private static Score score(String decision, String subset, List<Pair> pairs, List<Relation> predicted, String origin,
                               boolean linked) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            if (pair.same() && origin != null && !origin.equals(pair.origin())) {
                continue;
            }
            Relation relation = predicted.get(i);
            boolean positive = relation == Relation.SAME || (linked && relation == Relation.SIMILAR);
            if (positive && pair.same()) {
                tp++;
            } else if (positive) {
                fp++;
            } else if (pair.same()) {
                fn++;
            }
        }
        return new Score(decision, subset, tp, fp, fn);
    }

    static List<Pair> pairs(DevCorpus dev) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = QuotationBenchmark.class.getResourceAsStream(LABELS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LABELS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t");
                String b = wording(dev, f[4], f[5]);
                pairs.add(new Pair(f[0], f[1], f[6], wording(dev, f[2], f[3]), f[6].equals("restyle") ? restyle(b) : b));
            }
        }
        return pairs;
    }

    /** The pieces "start-end+start-end" of an article, joined by an ellipsis. */
    private static String wording(DevCorpus dev, String articleId, String pieces) {
        List<String> parts = new ArrayList<>();
        for (String piece : pieces.split("\\+")) {
            String[] range = piece.split("-");
            parts.add(dev.slice(articleId, Integer.parseInt(range[0]), Integer.parseInt(range[1])).strip());
        }
        return String.join(OMISSION, parts);
    }

    /** Another outlet's style: straight quotes and hyphens, a capital first letter, no trailing punctuation. */
    static String restyle(String text) {
        String straight = text.replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\'')
                .replace('—', '-').replace('–', '-').strip().replaceAll("[\\p{Punct}“”’]+$", "");
        for (int i = 0; i < straight.length(); i++) {
            if (Character.isLetter(straight.charAt(i))) {
                return straight.substring(0, i) + Character.toUpperCase(straight.charAt(i)) + straight.substring(i + 1);
            }
        }
        return straight;
    }

    public static void print(PrintStream out, Report report) {
        out.printf("quotation benchmark: %s, labelled pairs %s%n", report.corpus(), report.pairCounts());
        out.printf("%-26s %-30s %5s %5s %5s %9s %7s %7s%n", "decision", "pairs (same / all different)", "TP", "FP", "FN",
                "precision", "recall", "F1");
        for (Score s : report.scores()) {
            out.printf(Locale.ROOT, "%-26s %-30s %5d %5d %5d %9.3f %7.3f %7.3f%n", s.decision(), s.pairs(),
                    s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(), s.f1());
        }
        out.printf(Locale.ROOT, "different quotes of one speaker linked as similar: %d of %d (%.1f %%)%n",
                report.differentLinkedAsSimilar(), report.different(),
                report.different() == 0 ? 0 : 100.0 * report.differentLinkedAsSimilar() / report.different());
    }
}
