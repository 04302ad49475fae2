package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "call" naming a thing ("a firm called …", "what he called …") is no statement; "X called Y a …" still is. */
class NamingCallTest {

    @Test
    void anIndefiniteNounCalledANameIsNoStatement() {
        assertThat(withCue("The council hired a consulting firm called Northgate Partners to audit the port.", "called")).isEmpty();
    }

    @Test
    void whatSomeoneCalledIsNoStatement() {
        assertThat(withCue("The mayor defended what he called a modest fare increase.", "called")).isEmpty();
        assertThat(withCue("The levy, as she calls it, will fund the library.", "calls")).isEmpty();
    }

    @Test
    void calledOffIsNoStatement() {
        assertThat(withCue("The two companies called off the merger on Friday.", "called")).isEmpty();
    }

    @Test
    void aSubjectCallingSomethingSomethingIsAStatement() {
        ExtractedStatement s = withCue("Councilwoman Ada Brill called the fare increase a betrayal of riders.", "called")
                .orElseThrow();
        assertThat(s.speakerMention().text()).isEqualTo("Councilwoman Ada Brill");
        assertThat(s.content().text()).startsWith("the fare increase");
    }
}
