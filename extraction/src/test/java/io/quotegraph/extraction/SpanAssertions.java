package io.quotegraph.extraction;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Span;

import static org.assertj.core.api.Assertions.assertThat;

/** Every span of an extraction must be the text at its offsets. */
final class SpanAssertions {

    private SpanAssertions() {
    }

    static void assertSpansMatch(String text, Extraction x) {
        for (ExtractedStatement s : x.statements()) {
            check(text, s.content());
            check(text, s.cue());
            check(text, s.speakerMention());
            if (s.occasion() != null) {
                check(text, s.occasion().evidence());
            }
            assertThat(s.confidence()).isBetween(0.0, 1.0);
        }
    }

    private static void check(String text, Span span) {
        if (span != null) {
            assertThat(span.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(span.start(), span.end())).isEqualTo(span.text());
        }
    }
}
