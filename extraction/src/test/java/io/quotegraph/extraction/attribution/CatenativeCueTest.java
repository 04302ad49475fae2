package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** A cue in the infinitive after "need/seem/try to" is a report of the governing verb's subject. */
class CatenativeCueTest {

    @Test
    void aBeliefVerbAfterNeedTo() {
        ExtractedStatement s = withCue("The harbor board needs to realize that the ferry is losing money.", "realize").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the ferry is losing money");
        assertThat(s.speakerMention().text()).isEqualTo("The harbor board");
    }

    @Test
    void aCueVerbAfterSeemedTo() {
        ExtractedStatement s = withCue("Ann Hale seemed to suggest that the levy would fail.", "suggest").orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the levy would fail");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void notAfterANounBeforeTo() {
        // "the right to say …": "to" after a noun is no catenative verb's infinitive
        assertThat(withCue("The pilots defended the right to say that the ferry is unsafe.", "say")).isEmpty();
    }
}
