package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "X, a self-described …": the description is X's own. */
class SelfDescribedAttributorTest {

    @Test
    void theAppositivesNameDescribesItself() {
        ExtractedStatement s = withCue("The bill was written by Ann Hale, a self-described harbor romantic, who grew up in Dover.",
                "self-described").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("harbor romantic");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void withoutANamedAppositiveTheSourceIsUnnamed() {
        ExtractedStatement s = withCue("She ran for mayor as a self-proclaimed fiscal hawk.", "self-proclaimed").orElseThrow();
        assertThat(s.content().text()).isEqualTo("fiscal hawk");
        assertThat(s.speakerMention()).isNull();
    }

    @Test
    void aDefiniteSelfProclaimedNameIsAReferenceNotAReport() {
        assertThat(withCue("Fighters of the self-proclaimed Harbor Republic left Dover.", "self-proclaimed")).isEmpty();
    }

    @Test
    void aPossessivePronounsSelfDescriptionIsItsReferents() {
        Extraction x = new StatementExtractor().extract(
                "Tom Reed opened the hall on Monday. He defended his self-described pragmatic conservatism.", null);
        ExtractedStatement s = x.statements().stream()
                .filter(st -> st.cue() != null && st.cue().text().equals("self-described")).findFirst().orElseThrow();
        assertThat(s.content().text()).isEqualTo("pragmatic conservatism");
        assertThat(s.speakerMention().text()).isEqualTo("his");
        assertThat(s.speakerKey()).isNotNull();
        assertThat(x.speakers()).filteredOn(sp -> sp.key().equals(s.speakerKey())).singleElement()
                .satisfies(sp -> assertThat(sp.name()).isEqualTo("Tom Reed"));
    }

    @Test
    void aNamedOwnersSelfDescriptionIsTheirs() {
        ExtractedStatement s = withCue("The crowd cheered Ann Hale's self-styled harbor revival.", "self-styled").orElseThrow();
        assertThat(s.content().text()).isEqualTo("harbor revival");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void anOwnerThatIsNoNameGivesNoStatement() {
        assertThat(withCue("The party's self-described moderates left the hall.", "self-described")).isEmpty();
    }
}
