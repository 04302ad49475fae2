package io.quotegraph.extraction;

import io.quotegraph.extraction.attribution.Attribution;
import io.quotegraph.extraction.text.Document;

import java.util.Arrays;
import java.util.List;

/**
 * Tells which statements are reported inside the content of another ("Lind said the bloc's statement that …
 * was wrong"): their cue lies within another statement's content. Sorted contents with a running maximum
 * of their ends answer each question in logarithmic time.
 */
final class Nesting {

    private final int[] starts;
    private final int[] maxEnd;
    private final Document doc;

    Nesting(Document doc, List<Attribution> attributions) {
        this.doc = doc;
        int[][] spans = new int[attributions.size()][];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new int[] {attributions.get(i).contentStart(), attributions.get(i).contentEnd()};
        }
        Arrays.sort(spans, (a, b) -> Integer.compare(a[0], b[0]));
        starts = new int[spans.length];
        maxEnd = new int[spans.length];
        int max = -1;
        for (int i = 0; i < spans.length; i++) {
            starts[i] = spans[i][0];
            max = Math.max(max, spans[i][1]);
            maxEnd[i] = max;
        }
    }

    boolean isNested(Attribution a) {
        if (a.cueFrom() < 0) {
            return false;
        }
        int cue = doc.token(a.cueFrom()).start();
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= cue) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo > 0 && maxEnd[lo - 1] > cue;
    }
}
