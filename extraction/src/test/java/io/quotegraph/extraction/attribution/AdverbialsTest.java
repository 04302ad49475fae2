package io.quotegraph.extraction.attribution;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.only;
import static org.assertj.core.api.Assertions.assertThat;

/** What may stand between a cue and its content without being part of it. */
class AdverbialsTest {

    @Test
    void thatBeforeATimeNounIntroducesNoClauseBeforeAColon() {
        ExtractedStatement s = only("The harbor master said that morning: \"Nobody sails until the storm has passed.\"");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.content().text()).isEqualTo("\"Nobody sails until the storm has passed.\"");
        assertThat(s.speakerMention().text()).isEqualTo("The harbor master");
    }

    @Test
    void thatBeforeATimeNounIsSkippedBeforeAThatLessClause() {
        ExtractedStatement s = only("Coach Dara Finn said that night the team would train twice a day.");
        assertThat(s.content().text()).isEqualTo("the team would train twice a day");
    }

    @Test
    void aTimeNounFollowedByAVerbIsTheClausesSubject() {
        ExtractedStatement s = only("Coach Dara Finn said that time was running out for the club.");
        assertThat(s.content().text()).isEqualTo("that time was running out for the club");
    }

    @Test
    void aDurationAfterTheCueIsSkipped() {
        ExtractedStatement s = only("Councillor Rita Vance has said for months she would not run again.");
        assertThat(s.content().text()).isEqualTo("she would not run again");
        assertThat(s.speakerMention().text()).isEqualTo("Councillor Rita Vance");
    }

    @Test
    void aPossessiveTimePhraseBeforeThatIsSkipped() {
        ExtractedStatement s = only("Councillor Rita Vance said at last night’s budget hearing that taxes would rise.");
        assertThat(s.content().text()).isEqualTo("that taxes would rise");
    }

    @Test
    void anAsideBetweenDashesBeforeThatIsSkipped() {
        ExtractedStatement s = only("Councillor Rita Vance said — in a letter to residents, no less — that taxes would rise.");
        assertThat(s.content().text()).isEqualTo("that taxes would rise");
    }

    @Test
    void theSpeakersOccasionEndsAStanceObject() {
        assertThat(only("The union praised the new harbor budget in a statement on Thursday.").content().text())
                .isEqualTo("the new harbor budget");
        assertThat(only("Ortiz blasted the ferry operator during a campaign rally in Dover.").content().text())
                .isEqualTo("the ferry operator");
    }

    @Test
    void anOccasionWithTheDefiniteArticleStaysInTheObject() {
        assertThat(only("The union criticized the remarks in the debate over the levy.").content().text())
                .isEqualTo("the remarks in the debate over the levy");
    }

    @Test
    void theSpeakersOccasionClosingAReportIsNoPartOfIt() {
        assertThat(only("Mayor Ann Briggs said the pier would reopen on Wednesday at a campaign rally in Dover.").content().text())
                .isEqualTo("the pier would reopen");
        assertThat(only("Ann Briggs claimed victory in a tweet.").content().text()).isEqualTo("victory");
        assertThat(only("Ann Briggs denied the accusations through a spokeswoman.").content().text())
                .isEqualTo("the accusations");
        assertThat(only("Ann Briggs expressed frustration on Monday in an interview on MSNBC.").content().text())
                .isEqualTo("frustration");
    }

    @Test
    void anOccasionTheReportGoesOnAfterStaysInIt() {
        assertThat(only("Mayor Ann Briggs said the speech in a tweet was a mistake by the council.").content().text())
                .isEqualTo("the speech in a tweet was a mistake by the council");
    }
}
