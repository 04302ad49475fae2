package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** A cue after "and"/"but" whose subject the phrase rules cannot read shares the speaker of the attribution before it. */
class CoordinatedCueTest {

    @Test
    void aCueAfterButSharesTheEarlierSpeaker() {
        ExtractedStatement s = withCue("There, the district chairman Chuck Williams declined to name the delegates but said one was "
                + "a Trump supporter.", "said").orElseThrow();
        assertThat(s.speakerMention().text()).contains("Chuck Williams");
        assertThat(s.content().text()).isEqualTo("one was a Trump supporter");
    }

    @Test
    void withoutAnEarlierAttributionThereIsNoSpeakerToShare() {
        assertThat(withCue("There, after the long and tiring vote, said to be the last, the hall emptied.", "said")).isEmpty();
    }
    @Test
    void aCueInAListOfTheSubjectsVerbsSharesTheEarlierSpeaker() {
        ExtractedStatement s = withCue("Mayor Ann Hale criticized the levy, suggested that the council should wait and left early.",
                "suggested").orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ann Hale");
        assertThat(s.content().text()).startsWith("that the council should wait");
    }

    @Test
    void aPassiveParticipleAfterACommaSharesNoSpeaker() {
        assertThat(withCue("Mayor Ann Hale criticized the levy, suggested by the council in May, as unfair.", "suggested")).isEmpty();
    }
}
