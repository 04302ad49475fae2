package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** "X wants/plans/sought to …": an intention is its subject's, the infinitive clause its content. */
class IntentionTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aSubjectsIntentionIsTheirs() {
        ExtractedStatement s = withCue("The harbor board plans to publish the ferry accounts on Friday.", "plans").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("to publish the ferry accounts on Friday");
        assertThat(s.speakerMention().text()).isEqualTo("The harbor board");
    }

    @Test
    void aPronounSubjectAfterAnAuxiliary() {
        ExtractedStatement s = withCue("Ann Hale lost the vote. She has sought to calm her supporters.", "sought").orElseThrow();
        assertThat(s.content().text()).isEqualTo("to calm her supporters");
        assertThat(s.speakerMention().text()).isEqualTo("She");
    }

    @Test
    void beingLookingToDoSomethingIsAnIntention() {
        ExtractedStatement s = withCue("The harbor board is looking to sell the old pier this year.", "looking").orElseThrow();
        assertThat(s.content().text()).isEqualTo("to sell the old pier this year");
        assertThat(s.speakerMention().text()).isEqualTo("The harbor board");
    }

    @Test
    void notInARelativeClause() {
        assertThat(withCue("Islanders, who want to keep the ferry, met the board on Monday.", "want")).isEmpty();
    }

    @Test
    void notANoun() {
        assertThat(withCue("The mayor defended his plan to sell the pier.", "plan")).isEmpty();
    }

    @Test
    void notInsideAReportAlreadyFound() {
        Extraction x = EXTRACTOR.extract("Hale said she was alarmed by the vote and wanted to see the pier for herself.", null);
        assertThat(x.statements()).as(x.statements().toString()).noneMatch(s -> s.cue() != null && s.cue().text().equals("wanted"));
    }

    @Test
    void aQuoteAfterAnIntentionGoesOnWithTheQuoteBefore() {
        Extraction x = EXTRACTOR.extract("\u201cYou can't blame the ferry for the storm,\u201d said Sara Walker, a pilot. "
                + "She plans to vote for the levy in March. \u201cIt's simply not fair.\u201d", null);
        ExtractedStatement first = x.statements().get(0);
        assertThat(first.speakerMention().text()).isEqualTo("Sara Walker");
        assertThat(x.statements()).as(x.statements().toString())
                .anyMatch(s -> s.kind() == StatementKind.DIRECT && s.content().text().contains("simply not fair")
                        && first.speakerKey().equals(s.speakerKey()));
    }

    @Test
    void anAdjectiveOfDesireAfterBe() {
        ExtractedStatement s = withCue("The pilots are eager to reopen the ferry.", "eager").orElseThrow();
        assertThat(s.content().text()).isEqualTo("to reopen the ferry");
        assertThat(s.speakerMention().text()).isEqualTo("The pilots");
    }

    @Test
    void anAdjectiveOfReluctanceAfterACopula() {
        ExtractedStatement s = withCue("Ann Hale has remained reluctant to back the levy.", "reluctant").orElseThrow();
        assertThat(s.content().text()).isEqualTo("to back the levy");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void anAdjectiveOfReadinessIsNoIntention() {
        assertThat(EXTRACTOR.extract("The pilots are willing to reopen the ferry.", null).statements()).isEmpty();
    }
}
