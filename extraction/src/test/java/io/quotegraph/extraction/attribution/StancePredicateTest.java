package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stance predicates with a prepositional target: "X was critical of …" (an adjective of attitude after "be"), "X
 * expressed concern about …" (a noun of attitude after a light verb). The target is the content.
 */
class StancePredicateTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void anAdjectiveOfAttitudeAfterBe() {
        ExtractedStatement s = withCue("Ann Hale was critical of the ferry contract.", "was critical of").orElseThrow();
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("the ferry contract");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void auxiliariesAndDegreeWordsBeforeTheAdjective() {
        ExtractedStatement s = withCue("The harbor board has been increasingly wary of new tolls.", "been increasingly wary of")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("new tolls");
        assertThat(s.speakerMention().text()).isEqualTo("The harbor board");
    }

    @Test
    void aNounOfAttitudeAfterALightVerb() {
        ExtractedStatement s = withCue("The mayor expressed deep concern about the pier repairs.", "expressed deep concern about")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the pier repairs");
        assertThat(s.speakerMention().text()).isEqualTo("The mayor");
    }

    @Test
    void questionsInterestCommentsAndDefensesAreNounsOfAttitude() {
        ExtractedStatement q = withCue("The audit is raising questions about the ferry budget.", "raising questions about")
                .orElseThrow();
        assertThat(q.content().text()).isEqualTo("the ferry budget");
        assertThat(q.speakerMention().text()).isEqualTo("The audit");
        assertThat(withCue("Ann Hale expressed an interest in running for mayor.", "expressed an interest in")
                .orElseThrow().content().text()).isEqualTo("running for mayor");
        assertThat(withCue("The mayor has made favorable comments about the pier repairs.", "made favorable comments about")
                .orElseThrow().content().text()).isEqualTo("the pier repairs");
        assertThat(withCue("The mayor offered a defense of the levy.", "offered a defense of")
                .orElseThrow().content().text()).isEqualTo("the levy");
        // without a light verb the noun reports nothing: "interest" as money, "questions" as a list
        assertThat(statements("The bank charged interest on the ferry loan.")).isEmpty();
    }

    @Test
    void anAdjectiveWithAnotherSenseBeforeThisPreposition() {
        // "critical for" means important; "critical" is listed with "of" only
        assertThat(statements("The ferry is critical for the island's economy.")).isEmpty();
    }

    @Test
    void aTimeAfterThePrepositionIsNoTarget() {
        assertThat(withCue("Hale voiced frustration on Monday.", "voiced frustration on")).isEmpty();
        assertThat(statements("The pilots were skeptical at first.")).isEmpty();
    }

    @Test
    void notInARelativeClauseNorWithAnOwnerAlone() {
        assertThat(withCue("Ann Hale, who has been critical of the board, met the pilots.", "been critical of")).isEmpty();
        assertThat(statements("Hale's support for the levy surprised the board.")).isEmpty();
    }

    @Test
    void notInsideAReportAlreadyFound() {
        Extraction x = EXTRACTOR.extract("Hale said she was wary of the tolls.", null);
        assertThat(x.statements()).as(x.statements().toString()).hasSize(1)
                .allMatch(s -> s.cue().text().equals("said"));
    }

    @Test
    void aStanceInsideAPollsFindingLeavesTheFindingToThePoll() {
        ExtractedStatement s = withCue("In the Harbor College poll, most islanders approved of the levy, although they were "
                + "less enthusiastic in their approval.", "In").orElseThrow();
        assertThat(s.content().text()).startsWith("most islanders approved of the levy");
    }

    private static java.util.List<ExtractedStatement> statements(String text) {
        return EXTRACTOR.extract(text, null).statements();
    }
}
