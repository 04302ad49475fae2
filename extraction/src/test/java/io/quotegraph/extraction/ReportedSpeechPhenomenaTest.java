package io.quotegraph.extraction;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Reported speech, beliefs and findings, and the sentence boundaries their contents depend on. */
class ReportedSpeechPhenomenaTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();
    private static final Instant PUBLISHED = Instant.parse("2024-05-02T08:00:00Z");

    private static Extraction extract(String text) {
        return EXTRACTOR.extract(text, PUBLISHED);
    }

    private static ExtractedStatement containing(Extraction x, String fragment) {
        return x.statements().stream().filter(s -> s.content().text().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement contains \"" + fragment + "\": " + x.statements()));
    }

    @Test
    void beliefVerbWithThatLessClauseIsAnAttribution() {
        Extraction x = extract("Most economists believe they cut the rate too late.");
        ExtractedStatement s = containing(x, "they cut the rate too late");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.cue().text()).isEqualTo("believe");
        assertThat(s.speakerMention().text()).isEqualTo("Most economists");
    }

    @Test
    void findingOfAStudyIsAnAttribution() {
        Extraction x = extract("The Lakeside Institute study found that rents rose faster than wages in every district.");
        ExtractedStatement s = containing(x, "rents rose faster");
        assertThat(s.cue().text()).isEqualTo("found");
        assertThat(s.content().text()).startsWith("that rents rose");
    }

    @Test
    void beliefVerbWithoutAClauseIsNotAnAttribution() {
        assertThat(extract("The mayor agreed to a second debate in June.").statements()).isEmpty();
        assertThat(extract("Volunteers found a dog in the flooded basement.").statements()).isEmpty();
    }

    @Test
    void contentBeforeTheAttributionWithAParticipleAfterIt() {
        Extraction x = extract("The budget will be balanced by next spring, the treasurer said, adding that reserves stay untouched.");
        ExtractedStatement s = containing(x, "balanced by next spring");
        assertThat(s.content().text()).isEqualTo("The budget will be balanced by next spring");
        assertThat(s.speakerMention().text()).isEqualTo("the treasurer");
    }

    @Test
    void contentBeforeTheAttributionWithADashAsideAfterIt() {
        Extraction x = extract("The ferry will run again in May, Governor Lena Ortiz said Friday — a reversal of her earlier stance.");
        ExtractedStatement s = containing(x, "ferry will run again");
        assertThat(s.content().text()).isEqualTo("The ferry will run again in May");
        assertThat(s.speakerMention().text()).contains("Lena Ortiz");
    }

    @Test
    void invertedAttributionToQuantifiedGroup() {
        Extraction x = extract("The strike may last into the summer, said several union organizers.");
        ExtractedStatement s = containing(x, "strike may last");
        assertThat(s.speakerMention().text()).isEqualTo("several union organizers");
    }

    @Test
    void accordingToASourceDescribedInPlainWords() {
        Extraction x = extract("The company paid the consultants $2 million last year, according to internal records made public in a lawsuit.");
        ExtractedStatement s = containing(x, "paid the consultants");
        assertThat(s.cue().text()).isEqualTo("according to");
        assertThat(s.speakerMention().text()).startsWith("internal records");
    }

    @Test
    void noBreakSpaceSeparatesSentences() {
        Extraction x = extract("The council approved the plan.\u00a0Critics said the vote was rushed.");
        ExtractedStatement s = containing(x, "the vote was rushed");
        assertThat(s.content().text()).isEqualTo("the vote was rushed");
    }

    @Test
    void sentenceEndsInsideParentheses() {
        Extraction x = extract("(She says the delay cost the town its grant.) The council disputes that account.");
        ExtractedStatement s = containing(x, "the delay cost");
        assertThat(s.content().text()).isEqualTo("the delay cost the town its grant");
    }

    @Test
    void dottedAbbreviationEndsASentence() {
        Extraction x = extract("The minister arrived in the U.S. He said the talks would focus on trade.");
        ExtractedStatement s = containing(x, "talks would focus");
        assertThat(s.content().text()).isEqualTo("the talks would focus on trade");
        assertThat(s.speakerMention().text()).isEqualTo("He");
    }

    @Test
    void participleAfterAnAttributionReportsForTheSameSpeaker() {
        Extraction x = extract("The budget is balanced, the treasurer said, adding that the reserves stay untouched.");
        ExtractedStatement s = containing(x, "reserves stay untouched");
        assertThat(s.content().text()).isEqualTo("that the reserves stay untouched");
        assertThat(s.speakerMention().text()).isEqualTo("the treasurer");
    }

    @Test
    void bareAndQuantifiedPluralSubjects() {
        Extraction x = extract("The turnout was low, and strategists said the weather kept voters home.");
        assertThat(containing(x, "weather kept voters home").speakerMention().text()).isEqualTo("strategists");
    }

    @Test
    void stanceVerbWithNounPhraseObject() {
        Extraction x = extract("Senator Ruth Alder criticized the new pipeline permit.");
        ExtractedStatement s = containing(x, "the new pipeline permit");
        assertThat(s.cue().text()).isEqualTo("criticized");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
    }

    @Test
    void supportingAProposalIsAStanceTowardsIt() {
        Extraction x = extract("Mayor Ines Carr supports raising the harbour levy to $15 by 2020. Her deputy supported the old plan.");
        ExtractedStatement levy = containing(x, "raising the harbour levy");
        assertThat(levy.cue().text()).isEqualTo("supports");
        assertThat(levy.content().text()).isEqualTo("raising the harbour levy to $15 by 2020");
        assertThat(containing(x, "the old plan").cue().text()).isEqualTo("supported");
    }

    @Test
    void supportByAStateOrOfAVoterNamedByItIsNoStance() {
        assertThat(extract("U.S. supports international monitoring in the harbour.").statements()).isEmpty();
        assertThat(extract("A retired teacher who supports the levy waited outside.").statements()).isEmpty();
    }

    @Test
    void nounsThatLookLikeCuesAreNotCues() {
        assertThat(extract("Nobody knew the origin of the mayor's attack. A string of attacks on the budget followed.").statements()).isEmpty();
    }

    @Test
    void timeAdverbialBetweenSubjectAndCue() {
        Extraction x = extract("The Harbor Authority this week said tonnage at the docks had doubled.");
        ExtractedStatement s = containing(x, "tonnage at the docks");
        assertThat(s.speakerMention().text()).isEqualTo("The Harbor Authority");
    }

    @Test
    void reportEndsWhereTheSubjectGoesOnToAnotherCue() {
        Extraction x = extract("Mayor Ines Carr said she would not sell the land, but conceded that the offer was generous.");
        ExtractedStatement s = containing(x, "would not sell the land");
        assertThat(s.content().text()).isEqualTo("she would not sell the land");
    }

    @Test
    void namesJoinedByAndSpeakTogether() {
        Extraction x = extract("\"The letter raised more questions than it answered,\" Okafor and Lindqvist wrote.");
        assertThat(containing(x, "more questions").speakerMention().text()).isEqualTo("Okafor and Lindqvist");
    }

    @Test
    void cueCoordinatedWithAnEarlierPredicateTakesTheSentenceSubject() {
        Extraction x = extract("A spokesman for the port declined any comment on the audit but said that the cranes were safe.");
        ExtractedStatement s = containing(x, "the cranes were safe");
        assertThat(s.speakerMention().text()).isEqualTo("A spokesman for the port");
        assertThat(s.cue().text()).isEqualTo("said");
    }

    @Test
    void reportOnBothSidesOfAnInterposedAttribution() {
        Extraction x = extract("For a fair picture, Judge Mara Voss said, readers need the dissent as well.");
        ExtractedStatement s = containing(x, "need the dissent");
        assertThat(s.content().text()).isEqualTo("For a fair picture, Judge Mara Voss said, readers need the dissent as well");
        assertThat(s.speakerMention().text()).isEqualTo("Judge Mara Voss");
    }

    @Test
    void sentenceEndWhoseSpaceWasLostInScraping() {
        Extraction x = extract("\"The port is closed,\" Okafor said.Lindqvist said the port would reopen soon.");
        assertThat(containing(x, "port would reopen").speakerMention().text()).isEqualTo("Lindqvist");
        assertThat(extract("Tables from electionstats.org and the U.S. census were cited.").statements()).isEmpty();
    }

    @Test
    void relativePronounSpeaksForTheNameBeforeIt() {
        Extraction x = extract("The hearing ended with Senator Ruth Alder, who said the plant would close by June.");
        ExtractedStatement s = containing(x, "the plant would close by June");
        assertThat(s.speakerMention().text()).isEqualTo("who");
        assertThat(x.speakers()).filteredOn(sp -> sp.key().equals(s.speakerKey()))
                .singleElement().satisfies(sp -> assertThat(sp.name()).isEqualTo("Ruth Alder"));
    }

    @Test
    void relativePronounAfterAGroupSpeaksForTheGroup() {
        Extraction x = extract("Tenants who said the heating failed in January were offered a refund.");
        ExtractedStatement s = containing(x, "the heating failed in January");
        assertThat(s.speakerMention().text()).isEqualTo("who");
        assertThat(s.speakerKey()).isNotNull();
    }

    @Test
    void questionWordIsNotARelativeSpeaker() {
        assertThat(extract("Who said the plant would close?").statements()).isEmpty();
    }

    @Test
    void shareOfAPollSpeaks() {
        assertThat(containing(extract("Forty-two percent of likely voters said the economy was their top concern."),
                "the economy was").speakerMention().text()).isEqualTo("Forty-two percent of likely voters");
        assertThat(containing(extract("The council lost ground. Just 31 percent said they trusted it."),
                "they trusted it").speakerMention().text()).isEqualTo("Just 31 percent");
        assertThat(containing(extract("Two-thirds of county officials said the budget was too tight."),
                "the budget was too tight").speakerMention().text()).isEqualTo("Two-thirds of county officials");
        assertThat(containing(extract("Last month, six in 10 said the bridge should be rebuilt."),
                "the bridge should be rebuilt").speakerMention().text()).isEqualTo("six in 10");
    }

    @Test
    void invertedSpeakerWithAnAppositiveRunningToTheSentenceEnd() {
        Extraction x = extract("The levy will not pass this year, said Dana Whitfield, a pollster at Marist who has tracked the measure for a decade.");
        ExtractedStatement s = containing(x, "levy will not pass");
        assertThat(s.content().text()).isEqualTo("The levy will not pass this year");
        assertThat(s.speakerMention().text()).startsWith("Dana Whitfield");
    }

    @Test
    void declineToCommentIsAnAttribution() {
        ExtractedStatement s = containing(extract("A spokeswoman for the utility declined to comment on the outage."), "to comment");
        assertThat(s.cue().text()).isEqualTo("declined");
        assertThat(s.speakerMention().text()).isEqualTo("A spokeswoman for the utility");
        assertThat(extract("The board declined to renew the contract.").statements()).isEmpty();
    }

    @Test
    void aRefusedSpeechActWithAnObjectIsTheCueAndItsObjectTheContent() {
        // as annotators nest it: "refused to discuss" is the cue, "the matter" what was not discussed
        ExtractedStatement s = containing(extract("Asked about the audit, the treasurer refused to discuss the matter."), "matter");
        assertThat(s.cue().text()).isEqualTo("refused to discuss");
        assertThat(s.content().text()).isEqualTo("the matter");
        assertThat(s.speakerMention().text()).isEqualTo("the treasurer");
    }

    @Test
    void anAdverbMaySplitTheRefusedSpeechAct() {
        ExtractedStatement s = containing(extract("The agency declined to publicly detail the scope of its review."), "scope");
        assertThat(s.cue().text()).isEqualTo("declined to publicly detail");
        assertThat(s.content().text()).isEqualTo("the scope of its review");
        assertThat(s.speakerMention().text()).isEqualTo("The agency");
        assertThat(extract("The board declined to quietly renew the contract.").statements()).isEmpty();
    }

    @Test
    void accordingToADocumentDescribedAtLength() {
        ExtractedStatement s = containing(extract("Ridership fell by a third in the first six months, according to figures released Friday by the transit authority."),
                "Ridership fell");
        assertThat(s.content().text()).isEqualTo("Ridership fell by a third in the first six months");
        assertThat(s.speakerMention().text()).isEqualTo("figures");
        assertThat(containing(extract("The ferry carried 9,000 cars, according to a Harbor Gazette review of port authority ledgers."),
                "ferry carried").speakerMention().text()).isEqualTo("a Harbor Gazette review");
    }

    @Test
    void accordingToInterruptingTheReportTakesTheWholeSentence() {
        ExtractedStatement s = containing(extract("Ticket sales, according to the organisers, have doubled since March."),
                "have doubled");
        assertThat(s.content().text()).isEqualTo("Ticket sales, according to the organisers, have doubled since March");
        assertThat(s.cue().text()).isEqualTo("according to");
        assertThat(s.speakerMention().text()).contains("organisers");
    }

    @Test
    void aHometownAfterTheNameIsPartOfTheDescription() {
        ExtractedStatement s = containing(extract("Johnnie Ray, of Dover, Del., said he had driven all night to vote."), "driven all night");
        assertThat(s.speakerMention().text()).startsWith("Johnnie Ray");
        ExtractedStatement t = containing(extract("Ana Ruiz, of Leeds, who watched the count on television, said the result surprised her."),
                "surprised her");
        assertThat(t.speakerMention().text()).startsWith("Ana Ruiz");
    }

    @Test
    void aCommissiveVerbBeforeAnInfinitiveReportsTheCommitment() {
        ExtractedStatement s = containing(extract("Mayor Dana Cole pledged to rebuild the ferry pier before the winter."), "rebuild");
        assertThat(s.content().text()).isEqualTo("to rebuild the ferry pier before the winter");
        assertThat(s.cue().text()).isEqualTo("pledged");
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Dana Cole");
        assertThat(containing(extract("The senator vowed to block the bill in committee."), "block the bill").cue().text())
                .isEqualTo("vowed");
    }

    @Test
    void aCommissiveWordUsedAsANounIsNoCue() {
        assertThat(extract("Her pledge to rebuild the pier won the vote.").statements())
                .noneMatch(st -> st.cue() != null && st.cue().text().equals("pledge"));
    }

    @Test
    void accordingToSourcesWrittenWithDots() {
        assertThat(containing(extract("The twins grew up in Lyon, according to lyon-actu.fr."), "grew up in Lyon")
                .speakerMention().text()).isEqualTo("lyon-actu.fr");
        ExtractedStatement s = containing(extract("According to N.T.S.B. records, the plane had flown 120 hours since May."), "the plane had flown");
        assertThat(s.speakerMention().text()).isEqualTo("N.T.S.B. records");
    }

    @Test
    void accordingToBetweenASubordinateClauseAndTheReport() {
        ExtractedStatement s = containing(extract("While most files stayed sealed, according to a court clerk, three were opened in May."), "three were opened");
        assertThat(s.content().text()).isEqualTo("three were opened in May");
        assertThat(s.speakerMention().text()).isEqualTo("a court clerk");
    }

    @Test
    void titleCaseHeadlineWithACueVerb() {
        ExtractedStatement s = containing(extract("Mayor Ortiz Says Ferry Service Will Resume In May.\n\nThe city council met on Tuesday."),
                "Ferry Service Will Resume");
        assertThat(s.cue().text()).isEqualTo("Says");
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ortiz");
        assertThat(containing(extract("Ferry Service Could Resume By Spring, Harbor Chief Says.\n\nThe port reopened."),
                "Ferry Service Could Resume").speakerMention().text()).isEqualTo("Harbor Chief");
    }

    @Test
    void coordinatedCueAfterASubjectWithAnAppositive() {
        ExtractedStatement s = containing(extract("Lena Ortiz, a former harbor commissioner, joined the board and said she favored the new pier."),
                "she favored the new pier");
        assertThat(s.speakerMention().text()).startsWith("Lena Ortiz");
    }

    @Test
    void moreSharesOfAPoll() {
        assertThat(containing(extract("Support held, with 54 percent saying the tax was fair."), "the tax was fair")
                .speakerMention().text()).isEqualTo("54 percent");
        assertThat(containing(extract("Nearly nine out of 10 say they will need new skills."), "they will need new skills")
                .speakerMention().text()).isEqualTo("Nearly nine out of 10");
        assertThat(containing(extract("By wide margins, those surveyed say the schools should come first."), "the schools should come first")
                .speakerMention().text()).isEqualTo("those surveyed");
    }
}
