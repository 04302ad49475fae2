package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** Commitments ("pledged to …", "vows to …") whose infinitive the text quotes. */
class CommitmentTest {

    @Test
    void aQuotedInfinitiveAfterAPledgeIsAMixedCommitment() {
        ExtractedStatement s = withCue("Mayor Ann Hale pledged to \u201cbring the pier back\u201d before the summer.", "pledged")
                .orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
        assertThat(s.content().text()).isEqualTo("to \u201cbring the pier back\u201d before the summer");
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ann Hale");
    }

    @Test
    void aQuotedNounAfterToIsNoCommitment() {
        assertThat(withCue("Mayor Ann Hale pledged to \u201cThe Harbor Fund\u201d a year of her salary.", "pledged")).isEmpty();
    }
}
