package io.quotegraph.extraction;

import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A quote interrupted by its attribution continues after it, even when the attribution reports something itself. */
class QuoteContinuationTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();

    @Test
    void aReportInsideTheAttributionDoesNotEndTheQuote() {
        String text = "\"He tried to scare me,\" said Ann Hale, who wrote about the visit in her memoir. "
                + "\"Luckily none of it was true, and I kept going.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        ExtractedStatement quote = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        assertThat(quote.content().text()).startsWith("\"He tried").endsWith("I kept going.\"");
    }

    @Test
    void aQuoteResumingAfterAnInterposedQuestionsAttributionIsOneStatement() {
        String text = "\"Why should the town wait?\" the councillor asked, \"when the money is already in the account.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).hasSize(1);
        assertThat(x.statements().get(0).content().text()).startsWith("\"Why should").endsWith("in the account.\"");
    }

    @Test
    void aQuoteOfSeveralSentencesResumesAfterItsAttribution() {
        String text = "\"It is a mess. Frankly it is a mess,\" Ann Hale said, \"and the council will have to pay for it.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).singleElement()
                .satisfies(s -> assertThat(s.content().text()).startsWith("\"It is a mess.").endsWith("pay for it.\""));
    }

    @Test
    void aParagraphThatIsOnlyAQuotationContinuesTheReportBeforeIt() {
        String text = "Ann Hale said the pier would reopen in the spring.\n\n"
                + "\"We have the money, we have the crews, and we have the will to finish it.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        ExtractedStatement quote = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        ExtractedStatement report = x.statements().stream().filter(s -> s.kind() == StatementKind.INDIRECT).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        assertThat(quote.speakerKey()).isNotNull().isEqualTo(report.speakerKey());
    }

    @Test
    void aQuotationParagraphAfterAnUnrelatedParagraphStaysUnattributed() {
        String text = "Ann Hale said the pier would reopen in the spring.\n\nThe council met on Tuesday.\n\n"
                + "\"We have the money, we have the crews, and we have the will to finish it.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).noneMatch(s -> s.kind() == StatementKind.DIRECT);
    }

    @Test
    void aShortQuotationAloneInItsParagraphIsASubheadNotAContinuation() {
        String text = "\"We will rebuild the pier before the summer,\" Ann Hale said.\n\n'A fresh start.'\n\n"
                + "The council meets on Tuesday.";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).singleElement()
                .satisfies(s -> assertThat(s.content().text()).contains("rebuild the pier"));
    }

    @Test
    void aQuoteAfterAMixedStatementInTheSameParagraphContinuesIt() {
        String text = "Ann Hale called the museum \u201ca lesson in memory\u201d in her speech on Friday. "
                + "\u201cWe have no sense of the present if we do not know the past.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
            assertThat(s.content().text()).startsWith("the museum").endsWith("know the past.\u201d");
        });
    }
    @Test
    void aQuoteAfterAnAddingParticipleGoesOnWithThatReport() {
        String text = "\"The levy was never going to pass,\" Ann Hale said, adding that she had warned the council in May. "
                + "\"Nobody wanted to hear it, and now the pier is closed for the summer.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        ExtractedStatement quote = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        ExtractedStatement report = x.statements().stream().filter(s -> s.kind() == StatementKind.MIXED).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        assertThat(quote.content().text()).isEqualTo("\"The levy was never going to pass,\"");
        assertThat(report.content().text()).startsWith("that she had warned").endsWith("for the summer.\"");
        assertThat(report.speakerKey()).isNotNull().isEqualTo(quote.speakerKey());
    }

    @Test
    void aQuoteAfterAnAnonymityGlossStillContinuesTheFirstQuote() {
        String text = "\"The levy was never going to pass,\" said a council member, speaking on condition of anonymity. "
                + "\"Nobody wanted to hear it, and now the pier is closed for the summer.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        ExtractedStatement quote = x.statements().stream().filter(s -> s.kind() == StatementKind.DIRECT).findFirst()
                .orElseThrow(() -> new AssertionError(Dump.of(x)));
        assertThat(quote.content().text()).startsWith("\"The levy").endsWith("for the summer.\"");
    }
    @Test
    void aQuoteOpeningTheParagraphAfterItsAttributionGoesOnWithTheSameStatement() {
        String text = "\u201cThe pier will not reopen this year,\u201d Ann Hale said.\n\n"
                + "\u201cAnd that is why the levy matters so much to the town.\u201d\n\nThe council meets on Tuesday.";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).singleElement()
                .satisfies(s -> assertThat(s.content().text()).startsWith("\u201cThe pier").endsWith("to the town.\u201d"));
    }

    @Test
    void aQuoteAfterAParagraphThatGoesOnPastTheAttributionStaysItsOwnStatement() {
        String text = "\u201cThe pier will not reopen this year,\u201d Ann Hale said. The council had cut its budget in May "
                + "after a long and bitter debate over the levy.\n\n\u201cAnd that is why the levy matters so much.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).anySatisfy(s -> assertThat(s.content().text()).startsWith("\u201cAnd that is why"));
    }

    @Test
    void aLaterParagraphOfAQuoteWithAnAttributionInsideItIsANewStatement() {
        String text = "Mayor Ann Hale said: \"The pier is safe. It will reopen in the spring.\n\n"
                + "\"Closing it again would be a mistake,\" Hale said. \"We have the money and the crews.\"";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).filteredOn(s -> s.kind() == StatementKind.DIRECT)
                .extracting(s -> s.content().text())
                .containsExactly("\"The pier is safe. It will reopen in the spring.",
                        "\"Closing it again would be a mistake,\" Hale said. \"We have the money and the crews.\"");
    }

    @Test
    void anAttributionClosingTheLastParagraphOfAQuoteTakesTheWholeQuote() {
        String text = "Mayor Ann Hale spoke on Friday. \"The pier is safe. It will reopen in the spring.\n\n"
                + "\"Closing it again would be a mistake!\" she said.";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).filteredOn(s -> s.kind() == StatementKind.DIRECT)
                .extracting(s -> s.content().text())
                .containsExactly("\"The pier is safe. It will reopen in the spring.\n\n\"Closing it again would be a mistake!\"");
    }

    @Test
    void aQuoteOpeningTheSentenceAfterAPersonsReportGoesOnWithThatReport() {
        String text = "Ann Hale praised the council's budget for the harbour. "
                + "\u201cWe finally have the money to rebuild the pier.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StatementKind.MIXED);
            assertThat(s.content().text()).startsWith("the council's budget").endsWith("rebuild the pier.\u201d");
        });
    }

    @Test
    void aQuoteAfterAReportFollowedByAnotherClauseOrWithoutAPersonIsNotJoinedToIt() {
        for (String report : new String[] {
                "Ann Hale praised the council's budget for the harbour, which the mayor signed on Monday. ",
                "The harbour board's statement praised the council's budget for the harbour. "}) {
            Extraction x = EXTRACTOR.extract(report + "\u201cWe finally have the money to rebuild the pier.\u201d", null);
            assertThat(x.statements()).as(Dump.of(x))
                    .anySatisfy(s -> assertThat(s.content().text()).startsWith("the council's budget"))
                    .noneSatisfy(s -> assertThat(s.content().text()).startsWith("the council's budget").endsWith("pier.\u201d"));
        }
    }

    @Test
    void aQuoteAfterAConnectiveOpeningTheNextSentenceGoesOnWithTheQuoteBefore() {
        String text = "\u201cThe levy is not the end of it,\u201d Ann Hale said outside the hall. But \u201cthe pier needs a plan"
                + " the town can pay for. It needs one now.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x)).singleElement()
                .satisfies(s -> assertThat(s.content().text()).startsWith("\u201cThe levy").endsWith("one now.\u201d"));
    }

    @Test
    void aQuoteAfterAnyOtherOpeningWordIsNoContinuation() {
        String text = "\u201cThe levy is not the end of it,\u201d Ann Hale said outside the hall. Councillors \u201cwill need"
                + " a plan the town can pay for.\u201d";
        Extraction x = EXTRACTOR.extract(text, null);
        assertThat(x.statements()).as(Dump.of(x))
                .noneSatisfy(s -> assertThat(s.content().text()).startsWith("\u201cThe levy").endsWith("pay for.\u201d"));
    }
}
