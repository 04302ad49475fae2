package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.only;
import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/** Where a reported clause ends when the sentence goes on after a comma. */
class ReportedClauseEndTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aQuoteOpenedInTheReportEndsItThoughASentenceEndsInsideTheQuote() {
        ExtractedStatement s = only("Mayor Ann Briggs said the levy \"is a disaster. It will never pass the council.\"");
        assertThat(s.content().text()).isEqualTo("the levy \"is a disaster. It will never pass the council.\"");
    }

    @Test
    void aConcessionAfterAStanceObjectIsNoPartOfIt() {
        ExtractedStatement s = withCue("Ann Briggs called for a new ferry schedule despite her vote for the old one in May.", "called for")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("a new ferry schedule");
    }

    @Test
    void anObjectThatIsAListOfNounPhrasesRunsOverItsCommas() {
        ExtractedStatement s = withCue("Ann Briggs mentioned the levy, the new fares and the ferry schedule.", "mentioned")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the levy, the new fares and the ferry schedule");
    }

    @Test
    void aCommaBeforeANewClauseStillEndsTheObject() {
        ExtractedStatement s = withCue("Ann Briggs mentioned the levy, and the council rejected it.", "mentioned")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the levy");
    }

    @Test
    void aSecondThatClauseAfterButStaysInTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the pier must reopen, but that the levy would not pass.");
        assertThat(s.content().text()).isEqualTo("the pier must reopen, but that the levy would not pass");
    }

    @Test
    void aDemonstrativeThatAfterButEndsTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the pier would reopen, but that was before the storm.");
        assertThat(s.content().text()).isEqualTo("the pier would reopen");
    }

    @Test
    void aPronounWithACueVerbOfItsOwnAfterAndOpensTheNextReport() {
        String text = "Ann Briggs said the pier had flooded twice and she accused the council of neglect.";
        assertThat(withCue(text, "said").orElseThrow().content().text()).isEqualTo("the pier had flooded twice");
        assertThat(withCue(text, "accused").orElseThrow().content().text()).isEqualTo("the council of neglect");
    }

    @Test
    void aPronounWithABeliefVerbAfterAndStaysInTheReport() {
        ExtractedStatement s = withCue("Ann Briggs said the vote was close and she feels the levy can pass.", "said").orElseThrow();
        assertThat(s.content().text()).isEqualTo("the vote was close and she feels the levy can pass");
    }

    @Test
    void anAbsoluteClauseWithASpeakerAndCueOfItsOwnEndsTheReport() {
        String text = "Ann Briggs criticized the council's decision to close the pier, with the senator calling the move "
                + "\"deeply troubling.\"";
        assertThat(withCue(text, "criticized").orElseThrow().content().text()).isEqualTo("the council's decision to close the pier");
        assertThat(withCue(text, "calling").orElseThrow().speakerMention().text()).endsWith("senator");
    }

    @Test
    void aContrastAfterACommaEndsTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the bridge would reopen in May, but engineers doubted the schedule.");
        assertThat(s.content().text()).isEqualTo("the bridge would reopen in May");
    }

    @Test
    void aPastVerbWithoutSubjectAfterCommaAndEndsTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs insists the town must rebuild the pier, and has championed a levy to pay for it.");
        assertThat(s.content().text()).isEqualTo("the town must rebuild the pier");
    }

    @Test
    void aPastVerbWithItsOwnSubjectAfterCommaAndStaysInTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the storm wrecked the pier, and the council delayed the repairs.");
        assertThat(s.content().text()).endsWith("delayed the repairs");
    }

    @Test
    void aReportInARelativeClauseSetOffByCommasEndsWithIt() {
        ExtractedStatement s = withCue("Mayor Ann Briggs, who has said that the pier will reopen, defended the levy.", "said")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("that the pier will reopen");
        assertThat(s.speakerMention().text()).isEqualTo("who");
    }

    @Test
    void whileAfterACommaEndsTheReport() {
        ExtractedStatement s = only("Senator Paul Marsh said the bill was dead, while his colleagues kept negotiating.");
        assertThat(s.content().text()).isEqualTo("the bill was dead");
    }

    @Test
    void theReportersOwnParticipleEndsTheObject() {
        Extraction x = EXTRACTOR.extract("Governor Tom Reyes said the plan was flawed, citing its cost.", null);
        assertThat(x.statements()).extracting(st -> st.content().text()).contains("the plan was flawed")
                .noneMatch(text -> text.contains("citing"));
    }

    @Test
    void aCommaWithoutAContrastKeepsTheReportWhole() {
        ExtractedStatement s = only("Mayor Ann Briggs said the bridge, which is old, would reopen in May.");
        assertThat(s.content().text()).isEqualTo("the bridge, which is old, would reopen in May");
    }

    @Test
    void anObjectEndsWhereTheSubjectsNextVerbStarts() {
        Extraction x = EXTRACTOR.extract("Governor Tom Reyes rejected the merger and refused to meet its backers.", null);
        assertThat(x.statements()).extracting(st -> st.content().text()).contains("the merger");
    }

    @Test
    void coordinatedNounsStayInTheObject() {
        Extraction x = EXTRACTOR.extract("Governor Tom Reyes rejected the merger and the layoffs.", null);
        assertThat(x.statements()).extracting(st -> st.content().text()).contains("the merger and the layoffs");
    }

    @Test
    void andWithAPronounSubjectAndAVerbEndsTheReport() {
        Extraction x = EXTRACTOR.extract("Mayor Ann Briggs said the real problem is the budget, and she blamed the council for the delay.", null);
        assertThat(x.statements()).extracting(st -> st.content().text()).contains("the real problem is the budget");
    }

    @Test
    void andWithoutANewSubjectKeepsTheReportWhole() {
        ExtractedStatement s = only("Mayor Ann Briggs said the budget is late, and the roads are in poor shape.");
        assertThat(s.content().text()).isEqualTo("the budget is late, and the roads are in poor shape");
    }

    @Test
    void aClosingWhichClauseIsNotPartOfTheReport() {
        Extraction x = EXTRACTOR.extract("Mayor Ann Briggs said she would close the bridge before the storm, which is due on Friday.", null);
        assertThat(x.statements()).extracting(st -> st.content().text()).contains("she would close the bridge before the storm");
    }

    @Test
    void anObjectEndsAtTheNextVerbAfterAnAdverb() {
        Extraction x = EXTRACTOR.extract("Governor Tom Reyes attacked the levy and even questioned its legality.", null);
        assertThat(x.statements()).extracting(st -> st.content().text()).contains("the levy");
    }

    @Test
    void aComparisonAfterACommaEndsTheReport() {
        ExtractedStatement s = only("Most renters said the city should build more housing, compared with a third of owners.");
        assertThat(s.content().text()).isEqualTo("the city should build more housing");
    }

    @Test
    void aReportOnBothSidesOfAnInterposedAttributionIsTheWholeSentence() {
        Extraction x = EXTRACTOR.extract("Whatever gains the council has made, officials said, could vanish after the election.", null);
        assertThat(x.statements()).extracting(st -> st.content().text())
                .contains("Whatever gains the council has made, officials said, could vanish after the election");
        Extraction y = EXTRACTOR.extract("The budget is balanced, the treasurer said, adding that reserves stay untouched.", null);
        assertThat(y.statements()).extracting(st -> st.content().text()).contains("The budget is balanced");
    }

    @Test
    void anIrregularPastCueAfterAndOpensASecondReport() {
        Extraction x = EXTRACTOR.extract("Nurse Ida Cole urged the board to hire more staff and said the ward had reached a breaking point.", null);
        assertThat(x.statements()).extracting(st -> st.content().text())
                .containsExactly("the board to hire more staff", "the ward had reached a breaking point");
    }

    @Test
    void aSpacedHyphenEndsTheReportLikeADash() {
        ExtractedStatement s = only("Mayor Ann Briggs said the bridge would reopen in May - although nobody had seen the budget.");
        assertThat(s.content().text()).isEqualTo("the bridge would reopen in May");
    }

    @Test
    void aCueParticipleAfterAndOpensAnotherReport() {
        Extraction x = EXTRACTOR.extract("Mayor Ann Briggs said the levy was too high and suggesting that it be halved.", null);
        assertThat(x.statements()).extracting(st -> st.content().text())
                .containsExactly("the levy was too high", "that it be halved");
    }

    @Test
    void aClauseWithItsOwnSpeakerAfterCommaAndEndsTheReport() {
        Extraction x = EXTRACTOR.extract("Mayor Ann Briggs said she would run again, and other council members said they would back her.", null);
        assertThat(x.statements()).extracting(st -> st.content().text())
                .containsExactly("she would run again", "they would back her");
        assertThat(x.statements().get(1).speakerMention().text()).isEqualTo("other council members");
    }

    @Test
    void aClosingRelativeClauseOnANameEndsTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the next chair would be Omar Velez, who leads the transit board.");
        assertThat(s.content().text()).isEqualTo("the next chair would be Omar Velez");
    }

    @Test
    void aClosingAppositiveWithARelativeClauseEndsTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said she would campaign in Ogden and Provo, two towns where turnout is low.");
        assertThat(s.content().text()).isEqualTo("she would campaign in Ogden and Provo");
    }

    @Test
    void anAppositiveClosedByACommaStaysInsideTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the levy, the one that voters rejected, would return.");
        assertThat(s.content().text()).isEqualTo("the levy, the one that voters rejected, would return");
    }

    @Test
    void howeverAfterACommaEndsTheReport() {
        ExtractedStatement s = only("Mayor Ann Briggs said the levy would pass easily, however turnout fell to a record low.");
        assertThat(s.content().text()).isEqualTo("the levy would pass easily");
    }

    @Test
    void aReportInAnOpeningSubordinateClauseEndsWithTheClause() {
        Extraction x = EXTRACTOR.extract("While Mayor Ann Briggs said the levy would pass, the turnout told another story.", null);
        ExtractedStatement s = x.statements().stream().filter(st -> st.cue().text().equals("said")).findFirst().orElseThrow();
        assertThat(s.content().text()).isEqualTo("the levy would pass");
    }

    @Test
    void anIntentionInAnOpeningSubordinateClauseEndsWithTheClause() {
        assertThat(withCue("While Mayor Ann Briggs pledged to rebuild the pier by May, the council doubted the budget.", "pledged")
                .orElseThrow().content().text()).isEqualTo("to rebuild the pier by May");
    }

    @Test
    void aReportOpenedByAsEndsWithItsClause() {
        assertThat(withCue("As Mayor Ann Briggs criticized the levy, the council voted to double it.", "criticized").orElseThrow().content().text()).isEqualTo("the levy");
    }

    @Test
    void aParticipleClauseAfterACommaEndsTheReport() {
        assertThat(withCue("Mayor Ann Briggs said the pier would reopen in May, often citing the new budget as proof.", "said")
                .orElseThrow().content().text()).isEqualTo("the pier would reopen in May");
        assertThat(withCue("Mayor Ann Briggs wants to rebuild the pier, focusing on the north shore.", "wants").orElseThrow()
                .content().text()).isEqualTo("to rebuild the pier");
    }

    @Test
    void aGerundSubjectAfterACommaStaysInTheReport() {
        assertThat(only("Mayor Ann Briggs admits that given the budget, rebuilding the pier will not be easy.").content().text())
                .isEqualTo("that given the budget, rebuilding the pier will not be easy");
    }

    @Test
    void anAsideBetweenDashesStaysInTheReportWhenTheClauseGoesOn() {
        assertThat(only("Mayor Ann Briggs said that the ferry service — cut twice since May — would resume in June.")
                .content().text()).isEqualTo("that the ferry service — cut twice since May — would resume in June");
        assertThat(withCue("The accord calls on all nations - rich and poor - to limit emissions.", "calls on").orElseThrow()
                .content().text()).isEqualTo("all nations - rich and poor - to limit emissions");
    }

    @Test
    void aDashAsideClosingTheSentenceStillEndsTheReport() {
        assertThat(only("Mayor Ann Briggs said the ferry would resume in June — a promise she made twice before.")
                .content().text()).isEqualTo("the ferry would resume in June");
    }

    @Test
    void anAsideBetweenCommasStaysInTheReportWhenTheClauseGoesOn() {
        assertThat(only("Mayor Ann Briggs agreed that the levy, though it was unpopular, was not the main issue.").content().text())
                .isEqualTo("that the levy, though it was unpopular, was not the main issue");
        assertThat(withCue("Mayor Ann Briggs accused Omar Velez, who chairs the board, of hiding the budget.", "accused")
                .orElseThrow().content().text()).isEqualTo("Omar Velez, who chairs the board, of hiding the budget");
    }

    @Test
    void aParticipleAfterACommaIsNoAsideButTheSubjectsNextVerb() {
        assertThat(withCue("Mayor Ann Briggs criticized the levy, calling it a tax on ferries, was vague about the pier and left.",
                "criticized").orElseThrow().content().text()).isEqualTo("the levy");
    }

    @Test
    void aNamedObjectOfAStanceVerbEndsBeforeAPrepositionalPhrase() {
        Extraction x = EXTRACTOR.extract("Governor Tom Reyes attacked Hallett in a string of late-night posts.", null);
        ExtractedStatement s = x.statements().stream().filter(st -> st.cue().text().equals("attacked")).findFirst()
                .orElseThrow(() -> new AssertionError(x.statements().toString()));
        assertThat(s.content().text()).isEqualTo("Hallett");
    }

    @Test
    void aCommonNounObjectKeepsItsPrepositionalPhrase() {
        Extraction x = EXTRACTOR.extract("Governor Tom Reyes attacked the cuts in the school budget.", null);
        ExtractedStatement s = x.statements().stream().filter(st -> st.cue().text().equals("attacked")).findFirst()
                .orElseThrow(() -> new AssertionError(x.statements().toString()));
        assertThat(s.content().text()).isEqualTo("the cuts in the school budget");
    }

    @Test
    void assertingAfterACommaOpensItsOwnReport() {
        Extraction x = EXTRACTOR.extract("Senator Paul Marsh praised the ruling, asserting that the court had restored order.", null);
        assertThat(x.statements()).anySatisfy(st -> {
            assertThat(st.cue().text()).isEqualTo("asserting");
            assertThat(st.content().text()).isEqualTo("that the court had restored order");
        });
    }

    @Test
    void aThatLessClauseAfterAShortPrepositionalPhrase() {
        ExtractedStatement s = only("Trump said after the convention he would not accept the endorsement.");
        assertThat(s.content().text()).isEqualTo("he would not accept the endorsement");
        Extraction x = EXTRACTOR.extract("Eric Garner, gasping on a sidewalk, said before he died that he could not breathe.", null);
        assertThat(x.statements()).noneMatch(st -> st.content().text().equals("he died"));
    }

    @Test
    void aClosingIndefiniteGlossEndsTheReport() {
        assertThat(withCue("The mayor said the ferry would run all winter, a swipe at the council's budget.", "said")
                .orElseThrow().content().text()).isEqualTo("the ferry would run all winter");
    }

    @Test
    void anIndefiniteAppositiveOnANameOrWithAVerbStaysInTheReport() {
        assertThat(withCue("The mayor said she beat Ann Lee, a Democrat from Dover.", "said")
                .orElseThrow().content().text()).isEqualTo("she beat Ann Lee, a Democrat from Dover");
        assertThat(withCue("The mayor said that for the first time, a woman is running the port.", "said")
                .orElseThrow().content().text()).isEqualTo("that for the first time, a woman is running the port");
    }

    @Test
    void aCommaInsideAClosingQuoteEndsTheReportBeforeAContrastAsAPlainCommaDoes() {
        ExtractedStatement s = withCue("Mayor Ann Briggs said the levy was \u201ca disaster,\u201d but the council passed it anyway.", "said")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the levy was \u201ca disaster,\u201d");
        ExtractedStatement p = withCue("Ann Briggs called the levy \"a disaster,\" saying the council had ignored the port.", "called")
                .orElseThrow();
        assertThat(p.content().text()).isEqualTo("the levy \"a disaster,\"");
    }

    @Test
    void aQuotedPhraseWithNoCommaBeforeTheContrastStaysInTheReport() {
        ExtractedStatement s = withCue("Mayor Ann Briggs said the levy was \u201ca disaster\u201d but would pass anyway.", "said")
                .orElseThrow();
        assertThat(s.content().text()).startsWith("the levy was \u201ca disaster\u201d but");
    }

    @Test
    void aNameCastAsSomethingKeepsTheDescription() {
        assertThat(only("Ann Briggs dismissed Councillor Tom Reyes as an ineffective leader.").content().text())
                .isEqualTo("Councillor Tom Reyes as an ineffective leader");
        assertThat(only("Ann Briggs referred to him as \u201cthe best harbor master we ever had.\u201d").content().text())
                .isEqualTo("him as \u201cthe best harbor master we ever had.\u201d");
    }

    @Test
    void asAfterANamedObjectOfAnotherVerbStillEndsIt() {
        // the speaker's role, not a description of the object
        assertThat(only("Ann Briggs opposed it as a candidate.").content().text()).isEqualTo("it");
    }

    @Test
    void aQuotedFragmentFollowedByItsOwnAttributionEndsTheReport() {
        String text = "Ann Briggs said the levy failed because \u201cnobody came to vote,\u201d she said. \u201cWe need a new plan.\u201d";
        assertThat(withCue(text, "said").orElseThrow().content().text())
                .isEqualTo("the levy failed because \u201cnobody came to vote,\u201d");
    }

    @Test
    void aClosingGlossOpenedByOneAndARelativeEndsTheReport() {
        assertThat(only("Ann Briggs said the club is debating the levy, one that will dominate the annual meeting.")
                .content().text()).isEqualTo("the club is debating the levy");
    }
}
