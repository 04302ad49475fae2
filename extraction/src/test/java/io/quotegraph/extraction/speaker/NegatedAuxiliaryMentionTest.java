package io.quotegraph.extraction.speaker;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A negated auxiliary before the cue ("didn't", "doesn’t") is not part of the speaker's mention, and a report negated
 * by it is read as one negated by "did not" is.
 */
class NegatedAuxiliaryMentionTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aPronounBeforeDidntIsThePronoun() {
        Extraction x = EXTRACTOR.extract("Ted Cruz toured the harbor on Monday. He didn't express support for the ferry levy.", null);
        ExtractedStatement s = x.statements().stream().filter(st -> st.cue() != null && st.cue().text().equals("express"))
                .findFirst().orElseThrow(() -> new AssertionError(x.statements()));
        assertThat(s.speakerMention().text()).isEqualTo("He");
        assertThat(x.speakers()).filteredOn(sp -> sp.key().equals(s.speakerKey())).singleElement()
                .satisfies(sp -> assertThat(sp.name()).isEqualTo("Ted Cruz"));
    }

    @Test
    void anOrganisationBeforeDoesntKeepsItsOwnName() {
        Extraction x = EXTRACTOR.extract("The harbor board doesn’t think the ferry will reopen this year.", null);
        ExtractedStatement s = x.statements().stream().filter(st -> st.cue() != null && st.cue().text().equals("think"))
                .findFirst().orElseThrow(() -> new AssertionError(x.statements()));
        assertThat(s.speakerMention().text()).isEqualTo("The harbor board");
        assertThat(x.speakers()).noneMatch(sp -> sp.name().contains("’t"));
    }

    @Test
    void aReportNegatedByAContractionIsReadAsOneNegatedByNot() {
        for (String text : new String[] {"In March, she didn't say that the ferry would close.",
                "In March, she did not say that the ferry would close."}) {
            Extraction x = EXTRACTOR.extract(text, null);
            assertThat(x.statements()).as(text).singleElement().satisfies(s -> {
                assertThat(s.cue().text()).isEqualTo("say");
                assertThat(s.speakerMention().text()).isEqualTo("she");
                assertThat(s.content().text()).isEqualTo("that the ferry would close");
            });
        }
    }
}
