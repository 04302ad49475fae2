package io.quotegraph.devstack.ingest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line of a bulk import on stderr: a bar, count, rate, ETA, duplicates and rejects. On a terminal it is
 * redrawn in place (at most 5 times a second); otherwise a line is printed every 5 seconds.
 */
final class Progress {

    private static final int BAR = 24;

    private final PrintStream out;
    private final boolean interactive;
    private long started;
    private long lastPrinted;
    private long total;
    private long skipped;

    Progress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    void start(BulkIngester.Summary summary) {
        started = System.nanoTime();
        total = summary.total;
        skipped = summary.skipped;
        if (skipped > 0) {
            out.printf(Locale.ROOT, "resuming: %,d of %,d articles were done before%n", skipped, total);
        }
    }

    void update(BulkIngester.Summary summary) {
        long now = System.nanoTime();
        if (now - lastPrinted < (interactive ? 200_000_000L : 5_000_000_000L)) {
            return;
        }
        lastPrinted = now;
        out.print((interactive ? "\r" : "") + line(summary, now) + (interactive ? "" : "\n"));
        out.flush();
    }

    void finish(BulkIngester.Summary summary) {
        out.print((interactive ? "\r" : "") + line(summary, System.nanoTime()) + "\n");
        out.flush();
    }

    String line(BulkIngester.Summary summary, long now) {
        long done = skipped + summary.processed();
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = summary.processed() / seconds;
        long remaining = Math.max(0, total - done);
        String eta = rate <= 0 ? "--:--" : duration((long) (remaining / rate));
        int filled = total == 0 ? BAR : (int) (BAR * done / total);
        return String.format(Locale.ROOT, "[%s%s] %,d/%,d %3d%%  %,.1f articles/s  ETA %s  duplicates %,d  rejects %,d",
                "#".repeat(filled), ".".repeat(BAR - filled), done, total, total == 0 ? 100 : 100 * done / total, rate,
                eta, summary.duplicates, summary.rejected);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
