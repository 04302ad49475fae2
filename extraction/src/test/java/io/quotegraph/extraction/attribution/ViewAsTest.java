package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "X sees Y as Z": a verb of seeing with an object and "as" + a description reports the subject's view. */
class ViewAsTest {

    @Test
    void anObjectAndItsDescription() {
        ExtractedStatement s = withCue("Many fishermen see the new levy as a threat to their living.", "see").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("the new levy as a threat to their living");
        assertThat(s.speakerMention().text()).isEqualTo("Many fishermen");
    }

    @Test
    void aPassiveANounAndAnAdverbialAsAreNoView() {
        assertThat(withCue("The treasurer is seen as the favorite in the runoff.", "seen")).isEmpty();
        assertThat(withCue("The mayor saw the ferry as soon as it docked.", "saw")).isEmpty();
        assertThat(withCue("The mayor saw the ferry as it docked.", "saw")).isEmpty();
        assertThat(withCue("The council members saw the harbor from the bridge.", "saw")).isEmpty();
    }

    @Test
    void aViewInsideAReportIsPartOfIt() {
        ExtractedStatement s = withCue("The mayor said voters see the levy as unfair.", "said").orElseThrow();
        assertThat(s.content().text()).isEqualTo("voters see the levy as unfair");
        assertThat(withCue("The mayor said voters see the levy as unfair.", "see")).isEmpty();
    }
}
