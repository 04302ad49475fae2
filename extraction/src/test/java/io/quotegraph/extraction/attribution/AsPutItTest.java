package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "As X put it, …": "put it" reports the words after the clause that "as" opens. */
class AsPutItTest {

    @Test
    void aQuoteAfterAsXPutItIsXs() {
        ExtractedStatement s = withCue("As Ann Hale, the harbor master, once put it, \u201cThe pier is our front door.\u201d", "put")
                .orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.content().text()).isEqualTo("\u201cThe pier is our front door.\u201d");
        assertThat(s.speakerMention().text()).contains("Ann Hale");
    }

    @Test
    void aClauseAfterAsXPutItIsReported() {
        ExtractedStatement s = withCue("As Ann Hale put it, the pier is the town's front door.", "put").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("the pier is the town's front door");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void putItWithoutAsOrWithToReportsNothing() {
        assertThat(withCue("To put it mildly, the pier is old.", "put")).isEmpty();
        assertThat(withCue("Ann Hale put it on the table, and the council agreed.", "put")).isEmpty();
    }
}
