package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.firstDirectQuote;
import static org.assertj.core.api.Assertions.assertThat;

/** The speaker between a quote and its cue when the phrase rules cannot read all of it. */
class DirectQuoteSpeakerTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aLongTitledNameBeforeTheCue() {
        ExtractedStatement s = firstDirectQuote("\"We made mistakes,\" Gila Valley County Recorder Ann Hale said.");
        assertThat(s.cue().text()).isEqualTo("said");
        assertThat(s.speakerMention().text()).endsWith("Ann Hale");
    }

    @Test
    void aCueWhoseObjectIsAQuotedSentenceTakesThatQuoteNotTheOneBefore() {
        String text = "Waving signs calling Hale \u201cthe worst mayor,\u201d the protesters chanted \u201cFix the pier now.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(x.statements().toString())
                .anySatisfy(s -> {
                    assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
                    assertThat(s.cue().text()).isEqualTo("chanted");
                    assertThat(s.content().text()).isEqualTo("\u201cFix the pier now.\u201d");
                })
                .noneSatisfy(s -> assertThat(s.content().text()).isEqualTo("\u201cthe worst mayor,\u201d"));
    }

    @Test
    void aLowercaseDescriptorWithAnInitialBeforeTheName() {
        ExtractedStatement s = firstDirectQuote("\"These are dark days for the party,\" former John Q. Adams aide Ann Hale wrote.");
        assertThat(s.speakerMention().text()).endsWith("Ann Hale");
    }

    @Test
    void aClauseIntroducingAQuoteAfterAnOpeningDateWithCommas() {
        String text = "On July 6, 2015, Ann Hale made the following comment:\n\n\u201cThe pier will not reopen this year.\u201d";
        ExtractedStatement s = firstDirectQuote(text);
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aPassiveClauseInTheLeadIsSkippedForTheCueBeforeIt() {
        ExtractedStatement s = firstDirectQuote("Ann Hale told the council when asked about the levy: \"The money is gone.\"");
        assertThat(s.cue().text()).isEqualTo("told");
        assertThat(s.speakerMention().text()).isEqualTo("Ann Hale");
    }

    @Test
    void aNameDescribedWithAPluralPossessive() {
        ExtractedStatement s = firstDirectQuote("“The numbers are good,” Dan Price, the Rivers’ campaign manager, said.");
        assertThat(s.speakerMention().text()).startsWith("Dan Price");
    }

    @Test
    void aLowercaseClauseBeforeTheCueIsNoSpeaker() {
        Extraction x = EXTRACTOR.extract("\"It is over,\" which is what Ann Hale said.", null);
        assertThat(x.statements()).noneMatch(s -> s.kind() == StatementKind.DIRECT && s.speakerMention() != null);
    }

    @Test
    void aCueOpeningTheNextQuoteDoesNotAttributeTheQuestionBefore() {
        Extraction x = EXTRACTOR.extract("The host pressed on: “Was it wise?” He answered, “I have no regrets at all.”", null);
        ExtractedStatement answer = x.statements().stream().filter(s -> s.content().text().contains("no regrets"))
                .findFirst().orElseThrow(() -> new AssertionError(x.statements().toString()));
        assertThat(answer.cue().text()).isEqualTo("answered");
        assertThat(x.statements()).noneMatch(s -> s.content().text().contains("wise") && s.cue() != null
                && s.cue().text().equals("answered"));
    }

    @Test
    void aCueCoordinatedWithAnEarlierVerbTakesTheClauseSubject() {
        ExtractedStatement s = firstDirectQuote("Mayor Ann Hale rolled her eyes and joked, “We will need a bigger boat.”");
        assertThat(s.cue().text()).isEqualTo("joked");
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ann Hale");
    }

    @Test
    void aQuotePresentedWithHereIsTakesThePresentedName() {
        ExtractedStatement s = firstDirectQuote("Here is Mayor Ann Hale at the 2019 rally: “We will not close a single library.”");
        assertThat(s.speakerMention().text()).endsWith("Ann Hale");
        Extraction x = EXTRACTOR.extract("Here is the plan in short: “Build first, pay later.”", null);
        assertThat(x.statements()).isEmpty();
    }

    @Test
    void aDescriptionThePhraseRulesCannotReadIsTheSpeakerOfAnOpeningQuote() {
        ExtractedStatement s = firstDirectQuote("\"From day one, I made the budget my priority,\" the bespectacled, 71-year-old diplomat said in an interview.");
        assertThat(s.cue().text()).isEqualTo("said");
        assertThat(s.speakerMention().text()).isEqualTo("the bespectacled, 71-year-old diplomat");
        ExtractedStatement staffer = firstDirectQuote("\"Will he be the next governor?\" a Democratic staffer in the room wondered.");
        assertThat(staffer.speakerMention().text()).isEqualTo("a Democratic staffer in the room");
    }

    @Test
    void aDescribedSpeakerNeedsTheQuoteToOpenItsSentence() {
        Extraction x = EXTRACTOR.extract("With the help of “Flip the Script”, the actor held a fake audition and asked the cast to leave.", null);
        assertThat(x.statements()).noneMatch(s -> s.kind() == StatementKind.DIRECT);
    }

    @Test
    void aShortTitleAfterAPossessiveOrPrepositionIsNoQuote() {
        Extraction x = EXTRACTOR.extract("Wednesday on Fox News Channel’s “Hannity,” Newt Gingrich said the ticket would win.", null);
        assertThat(x.statements()).noneMatch(s -> s.kind() == StatementKind.DIRECT);
        assertThat(x.statements()).anyMatch(s -> s.content().text().equals("the ticket would win")
                && s.speakerMention().text().equals("Newt Gingrich"));
        Extraction later = EXTRACTOR.extract("Later on \"This Week,\" Senator Ann Hale questioned the mayor's account.", null);
        assertThat(later.statements()).noneMatch(s -> s.content().text().contains("This Week"));
    }

    @Test
    void aLongLeadAfterTheCueBeforeACapitalisedQuote() {
        ExtractedStatement s = firstDirectQuote("Clinton initially said in the spring, when the private server story broke, “I did not email any classified material.”");
        assertThat(s.cue().text()).isEqualTo("said");
        assertThat(s.content().text()).startsWith("“I did not");
        Extraction x = EXTRACTOR.extract("He also argued the pipeline, which is widely supported by his party, “would not go ten feet” without it.", null);
        assertThat(x.statements()).noneMatch(st -> st.kind() == StatementKind.DIRECT);
    }

    @Test
    void aHeadlineLabelWhoseLineGoesOnPastTheQuoteIsOneMixedStatement() {
        Extraction x = EXTRACTOR.extract("Ann Hale: ‘Anti-Union Ads’ Have ‘No Place In This Campaign.’\n\nThe mayor spoke on Friday.", null);
        assertThat(x.statements()).anyMatch(s -> s.kind() == StatementKind.MIXED
                && s.content().text().equals("‘Anti-Union Ads’ Have ‘No Place In This Campaign.’")
                && s.speakerMention().text().equals("Ann Hale"));
        ExtractedStatement whole = firstDirectQuote("Ann Hale: “We will not close a single library.”");
        assertThat(whole.content().text()).isEqualTo("“We will not close a single library.”");
    }

    @Test
    void anInvertedNameOpenedByACapitalisedParticle() {
        assertThat(firstDirectQuote("\"We won fewer seats than ever,\" said Al From.").speakerMention().text()).isEqualTo("Al From");
        assertThat(firstDirectQuote("\"The port is lost,\" said Le Pen.").speakerMention().text()).isEqualTo("Le Pen");
    }
}
