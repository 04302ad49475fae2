package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** A passive cue with its agent: the agent after "by" is the speaker, the passive's subject what was said of. */
class PassiveReportTest {

    @Test
    void theAgentOfAPassiveReportIsTheSpeaker() {
        ExtractedStatement s = withCue("The registration issue was first reported by The Harbor Post.", "reported").orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("The Harbor Post");
        assertThat(s.content().text()).isEqualTo("The registration issue");
    }

    @Test
    void aPerfectPassiveTakesItsReasonAlong() {
        ExtractedStatement s = withCue("Mayor Ann Hale has been criticized by some of her rivals for skipping the debates.",
                "criticized").orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("some of her rivals");
        assertThat(s.content().text()).startsWith("Mayor Ann Hale").endsWith("for skipping the debates");
    }

    @Test
    void noPassiveReportWithoutAnAgentOrWithAnAddressee() {
        assertThat(withCue("The data was confirmed by now.", "confirmed")).isEmpty();
        assertThat(withCue("The mayor was asked by the moderator whether she would run.", "asked")
                .filter(s -> s.content().text().startsWith("The mayor"))).isEmpty();
        assertThat(withCue("The concerns being expressed by many leaders go beyond the pledge.", "expressed")).isEmpty();
    }
}
