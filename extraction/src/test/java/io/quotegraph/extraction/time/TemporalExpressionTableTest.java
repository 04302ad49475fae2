package io.quotegraph.extraction.time;

import io.quotegraph.extraction.lexicon.Lexicons;
import io.quotegraph.extraction.text.Document;
import io.quotegraph.model.TimeValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of temporal expressions from the dev corpus and the samples (time/temporal-expressions.tsv). */
class TemporalExpressionTableTest {

    private static final String TABLE = "/time/temporal-expressions.tsv";
    private final TemporalTagger tagger = new TemporalTagger();

    static Stream<Arguments> table() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(TemporalExpressionTableTest.class.getResourceAsStream(TABLE)), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> Arguments.of(f[0], f[1], f[2], f[3], f[4]))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "[{index}] \"{2}\" at {1} = {4}")
    @MethodSource("table")
    void normalises(String source, String anchor, String expression, String context, String expected) {
        Document doc = new Document(context, Lexicons.get());
        int offset = context.indexOf(expression);
        assertThat(offset).as("%s: expression in its context", source).isNotNegative();

        TemporalMatch match = tagger.at(doc, doc.tokenAt(offset), doc.size(), LocalDate.parse(anchor));

        assertThat(match).as("%s: recognised", source).isNotNull();
        assertThat(context.substring(doc.token(match.from()).start(), doc.token(match.to() - 1).end()))
                .as("%s: extent", source).isEqualTo(expression);
        assertThat(match.value()).as("%s: value", source).isEqualTo(TimeValue.parse(expected));
        assertThat(match.value().toString()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void tableHasAtLeastAHundredExpressions() {
        assertThat(table().count()).isGreaterThanOrEqualTo(100);
    }
}
