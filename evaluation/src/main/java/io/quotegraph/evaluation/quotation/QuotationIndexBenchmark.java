package io.quotegraph.evaluation.quotation;

import io.quotegraph.evaluation.ProcessMemory;
import io.quotegraph.quotations.QuotationIndex;
import io.quotegraph.quotations.QuoteBlocking;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The scaling benchmark of incremental quotation grouping: a stream of N synthetic statements derived from the dev
 * corpus's gold statements is added one by one to a fresh {@link QuotationIndex}, timing each addition.
 * <p>
 * The stream keeps the corpus's speakers (its speaker texts, lower-cased; statements without one share a speaker
 * "unknown"), so the busiest speakers accumulate tens of thousands of statements at 10⁶ and their buckets fill up to
 * the capacity bound. Each statement is a random gold statement, reported as: the same wording (30 %), restyled
 * (straight quotes, lower case; 15 %), a fragment (middle 60 % of its words; 15 %), an ellipsis trim (first and last
 * thirds; 10 %), or a new utterance (30 %): its words with every other one replaced by a word of another statement.
 */
public final class QuotationIndexBenchmark {

    /**
     * One size's figures: wall-clock time per added statement (mean, p50, p99, max), the thread's CPU time per added
     * statement (mean, p99: what the figures are without the machine's other load), candidates, heap and RSS.
     */
    public record Run(int statements, double meanMicros, double p50Micros, double p99Micros, double maxMicros,
                      double cpuMeanMicros, double cpuP99Micros, double meanCandidates, int maxCandidates, long quotations, double heapMegabytes,
                      double peakRssMegabytes, double seconds) {
    }

    /** Runs each size in a fresh index, handing each run's figures to {@code done} as soon as it has them. */
    public List<Run> run(Path corpus, List<Integer> sizes, long seed, Consumer<Run> done) throws IOException {
        DevCorpus dev = DevCorpus.read(corpus);
        List<DevCorpus.GoldStatement> bases = dev.statements.stream().filter(s -> !s.content().isBlank()).toList();
        List<Run> runs = new ArrayList<>();
        for (int size : sizes) {
            Run run = runOne(bases, size, new SplittableRandom(seed));
            done.accept(run);
            runs.add(run);
        }
        return runs;
    }

    private static Run runOne(List<DevCorpus.GoldStatement> bases, int size, SplittableRandom random) {
        System.gc();
        QuotationIndex index = new QuotationIndex();
        long[] nanos = new long[size];
        long[] cpuNanos = new long[size];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long candidates = 0;
        int maxCandidates = 0;
        long quotations = 0;
        long started = System.nanoTime();
        for (int i = 0; i < size; i++) {
            DevCorpus.GoldStatement base = bases.get(random.nextInt(bases.size()));
            String speaker = base.speaker() == null ? "unknown" : base.speaker().toLowerCase(Locale.ROOT);
            String text = variant(base.content(), bases.get(random.nextInt(bases.size())).content(), random);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            QuotationIndex.Added added = index.add(speaker, text);
            nanos[i] = System.nanoTime() - t0;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpu0;
            candidates += added.candidates();
            maxCandidates = Math.max(maxCandidates, added.candidates());
            if (added.quotation() == added.statement()) {
                quotations++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
        if (index.size() != size) {
            throw new IllegalStateException("index holds " + index.size() + " of " + size);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Arrays.sort(cpuNanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        return new Run(size, mean, sorted[size / 2] / 1e3, percentile99(sorted) / 1e3, sorted[size - 1] / 1e3,
                Arrays.stream(cpuNanos).average().orElse(0) / 1e3, percentile99(cpuNanos) / 1e3, (double) candidates / size, maxCandidates, quotations, heap,
                ProcessMemory.peakRssMegabytes(), seconds);
    }

    private static long percentile99(long[] sorted) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
    }

    static String variant(String text, String other, SplittableRandom random) {
        String[] words = text.strip().split("\\s+");
        int n = words.length;
        int kind = random.nextInt(100);
        if (kind < 30 || n < 6) {
            return text;
        }
        if (kind < 45) {
            return text.replace('“', '"').replace('”', '"').replace('’', '\'').toLowerCase(Locale.ROOT);
        }
        if (kind < 60) {
            return String.join(" ", Arrays.copyOfRange(words, n / 5, n - n / 5));
        }
        if (kind < 70) {
            return String.join(" ", Arrays.copyOfRange(words, 0, n / 3)) + " … "
                    + String.join(" ", Arrays.copyOfRange(words, n - n / 3, n));
        }
        String[] others = other.strip().split("\\s+");
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < n; i++) {
            mixed.append(i > 0 ? " " : "").append(i % 2 == 1 ? others[random.nextInt(others.length)] : words[i]);
        }
        return mixed.toString();
    }

    public static void printHeader(PrintStream out, Path corpus) {
        out.printf("quotation index benchmark: synthetic statements from %s; %d bands x %d row, bucket capacity %d "
                + "(cost per statement O(bands + candidates), candidates <= %d)%n", corpus, QuoteBlocking.BANDS,
                QuoteBlocking.ROWS, QuoteBlocking.BUCKET_CAPACITY, QuoteBlocking.BANDS * QuoteBlocking.BUCKET_CAPACITY);
        out.printf("%10s %10s %10s %10s %10s %11s %10s %11s %9s %11s %10s %12s %9s%n", "statements", "mean us", "p50 us",
                "p99 us", "max us", "cpu mean us", "cpu p99 us", "candidates", "max cand", "quotations", "heap MB", "peak RSS MB", "total s");
    }

    public static void printRow(PrintStream out, Run r) {
        out.printf(Locale.ROOT, "%10d %10.1f %10.1f %10.1f %10.0f %11.1f %10.1f %11.1f %9d %11d %10.0f %12.0f %9.1f%n",
                r.statements(), r.meanMicros(), r.p50Micros(), r.p99Micros(), r.maxMicros(), r.cpuMeanMicros(),
                r.cpuP99Micros(), r.meanCandidates(), r.maxCandidates(),
                r.quotations(), r.heapMegabytes(), r.peakRssMegabytes(), r.seconds());
        out.flush();
    }
}
