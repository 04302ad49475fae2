package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** A relative clause in which the speaker describes its antecedent in quoted words. */
class DescribedAsAttributorTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aQuotedDescriptionInARelativeClauseIsTheSubjectsStatement() {
        ExtractedStatement s = withCue("Ann Hale toured the old pier, which she described as \u201ca danger to every swimmer.\u201d",
                "described as").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
        assertThat(s.content().text()).isEqualTo("which she described as \u201ca danger to every swimmer.\u201d");
        assertThat(s.speakerMention().text()).isEqualTo("she");
    }

    @Test
    void aFreeRelativeInsideAnotherClauseIsNotThisRule() {
        Extraction x = EXTRACTOR.extract("Ann Hale praised what she described as the \u201cbrave\u201d decision of the council.", null);
        assertThat(x.statements()).noneMatch(s -> s.cue() != null && s.cue().text().equals("described as"));
    }
}
