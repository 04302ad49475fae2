package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.containing;
import static org.assertj.core.api.Assertions.assertThat;

/** The question of a passive "asked" clause, as a statement of whoever asked it. */
class AskedAttributorTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void anOpeningAskedClauseWithNoNamedAskerIsAStatementWithoutSpeaker() {
        String text = "Asked on Monday whether the pier would reopen, Mayor Ann Hale said the money had run out.";
        ExtractedStatement question = containing(text, "whether the pier");
        assertThat(question.content().text()).isEqualTo("whether the pier would reopen");
        assertThat(question.cue().text()).isEqualTo("Asked");
        assertThat(question.speakerMention()).isNull();
        assertThat(question.speakerKey()).isNull();
        ExtractedStatement answer = containing(text, "the money had run out");
        assertThat(answer.speakerMention().text()).isEqualTo("Mayor Ann Hale");
        assertThat(question.confidence()).isLessThan(answer.confidence());
    }

    @Test
    void whenAskedAfterAQuoteTakesTheObjectOfAbout() {
        String text = "\u201cWe will see,\u201d Ann Hale said when asked about the budget for next year.";
        ExtractedStatement question = containing(text, "the budget for next year");
        assertThat(question.content().text()).isEqualTo("the budget for next year");
        assertThat(question.speakerMention()).isNull();
    }

    @Test
    void theAskerNamedAfterByIsTheSpeaker() {
        ExtractedStatement question = containing("Asked by Omar Velez to respond to the criticism, Hale said nothing.",
                "to respond to the criticism");
        assertThat(question.speakerMention().text()).isEqualTo("Omar Velez");
    }

    @Test
    void aRequestByNoNamedAskerIsNoStatementThoughTheAnswerAndTheClaimItNamesAre() {
        String text = "Asked to comment on Governor Ruiz's statements that the pier was safe, Hale said it was not.";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).noneMatch(s -> s.speakerMention() == null);
        assertThat(containing(text, "it was not").speakerMention().text()).isEqualTo("Hale");
    }

    @Test
    void anActiveAskedWithASubjectIsNotThisRule() {
        Extraction x = EXTRACTOR.extract("The council was asked to wait. Hale asked the crews for patience. "
                + "The pilot balanced the load and asked for volunteers to move to the back.", null);
        assertThat(x.statements()).noneMatch(s -> s.speakerMention() == null);
    }
}
