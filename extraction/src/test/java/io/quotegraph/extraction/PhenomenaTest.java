package io.quotegraph.extraction;

import io.quotegraph.model.ArticleSpeaker;
import io.quotegraph.model.EntityType;
import io.quotegraph.model.ExtractedStatement;
import io.quotegraph.model.Extraction;
import io.quotegraph.model.Role;
import io.quotegraph.model.StatementKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per phenomenon, on sentences written for the purpose. */
class PhenomenaTest {

    private static final StatementExtractor EXTRACTOR = new StatementExtractor();
    /** A Monday. */
    private static final Instant MONDAY = Instant.parse("2024-03-11T10:00:00Z");

    private static Extraction extract(String text) {
        return extract(text, MONDAY);
    }

    private static Extraction extract(String text, Instant published) {
        Extraction x = EXTRACTOR.extract(text, published);
        SpanAssertions.assertSpansMatch(text, x);
        return x;
    }

    private static ExtractedStatement containing(Extraction x, String fragment) {
        return x.statements().stream().filter(s -> s.content().text().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement containing '" + fragment + "'\n" + Dump.of(x)));
    }

    private static ArticleSpeaker speaker(Extraction x, ExtractedStatement s) {
        return x.speakers().stream().filter(sp -> sp.key().equals(s.speakerKey())).findFirst()
                .orElseThrow(() -> new AssertionError("unresolved speaker for " + s + "\n" + Dump.of(x)));
    }

    @Test
    void aWireCopyQuoteClosingWithANestedQuoteKeepsItsAttribution() {
        Extraction x = extract("''We are told all the time, 'The pier is a special case,''' Mayor Ann Hale said. "
                + "''It is not.''");
        ExtractedStatement s = containing(x, "We are told");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.speakerMention().text()).isEqualTo("Mayor Ann Hale");
        assertThat(s.content().text()).startsWith("''We are told").contains("special case,'''").endsWith("It is not.''");
    }

    @Test
    void cueAfterWithPronounTakesThePreviousSpeaker() {
        Extraction x = extract("Finance Minister Laura Chen said the budget would be balanced by next year.\n"
                + "\"We will not raise taxes on working families,\" she added.");
        ExtractedStatement quote = containing(x, "raise taxes");
        assertThat(quote.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(quote.content().text()).startsWith("\"").endsWith("\"");
        assertThat(quote.cue().text()).isEqualTo("added");
        assertThat(quote.speakerMention().text()).isEqualTo("she");
        ArticleSpeaker chen = speaker(x, quote);
        assertThat(chen.name()).isEqualTo("Laura Chen");
        assertThat(chen.roles()).containsExactly(new Role("Finance Minister", null));
        assertThat(containing(x, "budget would be balanced").kind()).isEqualTo(StatementKind.INDIRECT);
    }

    @Test
    void invertedCueWithAppositive() {
        Extraction x = extract("“The bridge will reopen in March,” said Paul Okafor, the commissioner.");
        ExtractedStatement s = containing(x, "bridge will reopen");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.cue().text()).isEqualTo("said");
        ArticleSpeaker okafor = speaker(x, s);
        assertThat(okafor.name()).isEqualTo("Paul Okafor");
        assertThat(okafor.roles()).extracting(Role::title).containsExactly("commissioner");
    }

    @Test
    void cueBeforeWithColon() {
        Extraction x = extract("Asked about the strike, union leader Dana Fox said: “Nobody wants this, but we have no choice.”");
        ExtractedStatement s = containing(x, "Nobody wants this");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.cue().text()).isEqualTo("said");
        assertThat(speaker(x, s).name()).isEqualTo("Dana Fox");
    }

    @Test
    void quoteInterruptedByItsAttributionIsOneStatement() {
        Extraction x = extract("\"We tried everything,\" coach Maria Alvarez said. \"The players simply ran out of energy.\"");
        ExtractedStatement s = containing(x, "tried everything");
        assertThat(s.content().text()).startsWith("\"We tried").endsWith("energy.\"");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(speaker(x, s).name()).isEqualTo("Maria Alvarez");
        assertThat(x.statements()).hasSize(1);
    }

    @Test
    void quoteResumingAfterInvertedAttributionInOneSentenceIsOneStatement() {
        Extraction x = extract("Nobody expected the vote. “It is a hard call,” said the senator, “because both sides have a case.”");
        ExtractedStatement s = containing(x, "hard call");
        assertThat(s.content().text()).endsWith("have a case.”");
        assertThat(s.speakerMention().text()).isEqualTo("the senator");
        assertThat(x.statements()).hasSize(1);
    }

    @Test
    void quoteAfterLongInterruptionStaysItsOwnStatementWithTheSameSpeaker() {
        Extraction x = extract("“Fine,” said Rosa Klein, who chaired the committee for a decade before she retired to the coast"
                + " and wrote two books about it. “Go ahead with the vote.”");
        ExtractedStatement first = containing(x, "Fine");
        ExtractedStatement second = containing(x, "Go ahead");
        assertThat(first).isNotSameAs(second);
        assertThat(second.speakerKey()).isEqualTo(first.speakerKey());
        assertThat(speaker(x, first).name()).isEqualTo("Rosa Klein");
    }

    @Test
    void showTitleInMarksAfterTheCueIsNotAStatement() {
        Extraction x = extract("\"The plan is a fraud,\" Perez said Sunday on the network's \"Morning Hour.\"");
        assertThat(x.statements()).hasSize(1);
        assertThat(x.statements().get(0).content().text()).isEqualTo("\"The plan is a fraud,\"");
    }

    @Test
    void multiParagraphQuoteIsOneStatement() {
        Extraction x = extract("\"We will rebuild the school before winter.\n"
                + "\"We will also rebuild the clinic, whatever it costs,\" Mayor Ana Ruiz said.");
        ExtractedStatement s = containing(x, "rebuild the school");
        assertThat(s.content().text()).contains("rebuild the clinic");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(speaker(x, s).name()).isEqualTo("Ana Ruiz");
        assertThat(x.statements()).hasSize(1);
    }

    @Test
    void unclosedQuoteEndsWithItsParagraph() {
        Extraction x = extract("\"This is not over, the senator said to the crowd.\nVoters will decide in June, officials said.");
        assertThat(containing(x, "Voters will decide").content().text()).doesNotContain("\"");
    }

    @Test
    void indirectSpeechToldReportersWithDatedOccasion() {
        Extraction x = extract("Senator John Reyes told reporters on Thursday that the bill lacked support.");
        ExtractedStatement s = containing(x, "the bill lacked support");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("that the bill lacked support");
        assertThat(s.cue().text()).isEqualTo("told");
        assertThat(speaker(x, s).name()).isEqualTo("John Reyes");
        assertThat(s.occasion().type()).isEqualTo("PRESS_BRIEFING");
        assertThat(s.occasion().date()).isEqualTo(LocalDate.of(2024, 3, 7));
    }

    @Test
    void contentBeforeCueAndSpeaker() {
        Extraction x = extract("The talks will resume next week, a government spokeswoman said Monday.");
        ExtractedStatement s = containing(x, "talks will resume");
        assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(s.content().text()).isEqualTo("The talks will resume next week");
        assertThat(s.speakerMention().text()).isEqualTo("a government spokeswoman");
        assertThat(s.occasion().date()).isEqualTo(LocalDate.of(2024, 3, 11)); // same day: published on a Monday
    }

    @Test
    void accordingTo() {
        Extraction x = extract("According to the health ministry, 40 people were injured in the blast.\n"
                + "The road was closed for hours, according to police.");
        ExtractedStatement first = containing(x, "40 people were injured");
        assertThat(first.cue().text()).isEqualTo("According to");
        assertThat(speaker(x, first).type()).isEqualTo(EntityType.ORGANIZATION);
        ExtractedStatement second = containing(x, "road was closed");
        assertThat(second.content().text()).isEqualTo("The road was closed for hours");
    }

    @Test
    void cueNounWithPossessiveSpeaker() {
        Extraction x = extract("Opposition leader Rosa Diaz dismissed the mayor's claims that crime had fallen, calling them misleading.");
        ExtractedStatement s = x.statements().stream().filter(st -> st.cue().text().equals("claims")).findFirst().orElseThrow();
        assertThat(s.content().text()).isEqualTo("crime had fallen");
        assertThat(s.speakerMention().text()).isEqualTo("the mayor");
    }

    @Test
    void quotedFragmentMakesMixedButScareQuotedWordStaysIndirect() {
        Extraction x = extract("Okafor said the plan was \"a disaster waiting to happen.\"\n"
                + "The ministry said it had carried out \"stabilization\" measures in the area.");
        assertThat(containing(x, "disaster waiting").kind()).isEqualTo(StatementKind.MIXED);
        ExtractedStatement scare = containing(x, "stabilization");
        assertThat(scare.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(speaker(x, scare).type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void scareQuotesAndTitlesAloneAreNotStatements() {
        Extraction x = extract("The 'reckless' plan and the \"rushed\" vote are history.\n"
                + "The film \"A Quiet Harbour\" opens on Friday.");
        assertThat(x.statements()).isEmpty();
    }

    @Test
    void characterisationWithScareQuotesIsTheCriticsStatementNotAQuote() {
        Extraction x = extract("Critics called the plan 'reckless' and the vote \"rushed\".");
        assertThat(x.statements()).singleElement().satisfies(s -> {
            assertThat(s.cue().text()).isEqualTo("called");
            assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
            assertThat(s.content().text()).startsWith("the plan");
        });
    }

    @Test
    void apostrophesAreNotQuotes() {
        Extraction x = extract("Officials said the nation's ports weren't affected and the workers' strike was over by the '90s standard.");
        assertThat(x.statements()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StatementKind.INDIRECT);
            assertThat(s.content().text()).startsWith("the nation's ports weren't affected").contains("'90s");
        });
    }

    @Test
    void linkListsAndBylinesAreSkipped() {
        Extraction x = extract("By Jane Smith\n"
                + "The mayor said the budget was fair.\n"
                + "Read more:\n"
                + "- Minister says the budget will be balanced\n"
                + "- Opposition warns of deep cuts\n"
                + "Union claims victory in pay dispute");
        assertThat(x.statements()).extracting(s -> s.content().text()).containsExactly("the budget was fair");
    }

    @Test
    void definiteRoleNounResolvesToThePersonWithThatRole() {
        Extraction x = extract("Defence Minister Tomas Berg said the troops were ready.\n"
                + "Analysts said the deployment was risky.\n"
                + "The minister added that new equipment would arrive soon.");
        ExtractedStatement s = containing(x, "new equipment");
        assertThat(s.speakerMention().text()).isEqualTo("The minister");
        assertThat(speaker(x, s).name()).isEqualTo("Tomas Berg");
        assertThat(speaker(x, s).aliases()).containsExactly("Tomas Berg");
    }

    @Test
    void indefiniteRoleAtArticleStartResolvesToTheNextNamedSpeaker() {
        Extraction x = extract("A ministry spokesman said Friday the border would stay closed.\n"
                + "Jonas Weber told journalists that talks with the neighbours would continue.\n"
                + "\"We are patient,\" Weber said.");
        ExtractedStatement first = containing(x, "border would stay closed");
        ArticleSpeaker weber = speaker(x, first);
        assertThat(weber.name()).isEqualTo("Jonas Weber");
        assertThat(weber.aliases()).containsExactlyInAnyOrder("Jonas Weber", "Weber");
        assertThat(weber.roles()).extracting(Role::title).containsExactly("spokesman");
        assertThat(speaker(x, containing(x, "patient")).key()).isEqualTo(weber.key());
        assertThat(x.speakers()).hasSize(1);
    }

    @Test
    void parentheticalNameWithRole() {
        Extraction x = extract("The secretary (Helen Park) said the agency would review the case.");
        ArticleSpeaker park = speaker(x, containing(x, "review the case"));
        assertThat(park.name()).isEqualTo("Helen Park");
        assertThat(park.roles()).extracting(Role::title).containsExactly("secretary");
    }

    @Test
    void countriesAndGovernmentsSpeak() {
        Extraction x = extract("Norway said it would send more aid.\nThe government of Chile said the offer was welcome.");
        ArticleSpeaker norway = speaker(x, containing(x, "send more aid"));
        assertThat(norway.name()).isEqualTo("Norway");
        assertThat(norway.type()).isEqualTo(EntityType.COUNTRY);
        ArticleSpeaker chile = speaker(x, containing(x, "offer was welcome"));
        assertThat(chile.name()).isEqualTo("Government of Chile");
        assertThat(chile.type()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void itResolvesToTheOrganisationAndHeToThePerson() {
        Extraction x = extract("The Ministry of Health said the outbreak was contained.\n"
                + "Chief medical officer Ravi Patel said hospitals had enough beds.\n"
                + "\"We are monitoring every case,\" it said.\n"
                + "\"Nobody should panic,\" he said.");
        assertThat(speaker(x, containing(x, "monitoring every case")).name()).isEqualTo("Ministry of Health");
        assertThat(speaker(x, containing(x, "Nobody should panic")).name()).isEqualTo("Ravi Patel");
    }

    @Test
    void datesNormaliseAgainstPublication() {
        Extraction yesterday = extract("The company said yesterday that profits fell.", Instant.parse("2024-01-01T08:00:00Z"));
        assertThat(containing(yesterday, "profits fell").occasion().date()).isEqualTo(LocalDate.of(2023, 12, 31));

        Extraction monthDay = extract("\"Prices will rise,\" Gomez told a news conference on Oct. 5.", Instant.parse("2024-01-10T08:00:00Z"));
        ExtractedStatement s = containing(monthDay, "Prices will rise");
        assertThat(s.occasion().type()).isEqualTo("PRESS_CONFERENCE");
        assertThat(s.occasion().date()).isEqualTo(LocalDate.of(2023, 10, 5));
        assertThat(s.occasion().evidence().text()).isEqualTo("told a news conference on Oct. 5");

        Extraction weekday = extract("\"We are ready,\" Gomez said in an interview on Saturday.", MONDAY);
        assertThat(containing(weekday, "ready").occasion().type()).isEqualTo("INTERVIEW");
        assertThat(containing(weekday, "ready").occasion().date()).isEqualTo(LocalDate.of(2024, 3, 9));

        Extraction late = extract("The deal is off, Gomez said late Thursday.\nHe had told a rally earlier on Sunday that it was close.", MONDAY);
        assertThat(containing(late, "deal is off").occasion().date()).isEqualTo(LocalDate.of(2024, 3, 7));
        ExtractedStatement rally = containing(late, "it was close");
        assertThat(rally.occasion().type()).isEqualTo("RALLY");
        assertThat(rally.occasion().date()).isEqualTo(LocalDate.of(2024, 3, 10));

        Extraction undated = extract("\"We are ready,\" Gomez said.", null);
        assertThat(containing(undated, "ready").occasion()).isNull();
    }

    @Test
    void occasionIsSharedBySpeakerButNotWithOthers() {
        Extraction x = extract("\"The deal is done,\" Foreign Minister Eva Lind told a press briefing on Friday.\n"
                + "Lind said the rival bloc's statement that talks had failed was wrong.\n"
                + "\"We expect ratification soon,\" she added.");
        List<ExtractedStatement> lind = x.statements().stream()
                .filter(s -> "Eva Lind".equals(SeedArticlesTest.speakerName(x, s))).toList();
        assertThat(lind).hasSize(3).allSatisfy(s -> {
            assertThat(s.occasion().type()).isEqualTo("PRESS_BRIEFING");
            assertThat(s.occasion().date()).isEqualTo(LocalDate.of(2024, 3, 8));
        });
        ExtractedStatement rival = x.statements().stream().filter(s -> s.cue().text().equals("statement")).findFirst().orElseThrow();
        assertThat(rival.content().text()).startsWith("talks had failed");
        assertThat(rival.speakerMention().text()).isEqualTo("the rival bloc");
        assertThat(rival.occasion()).isNull();
    }

    @Test
    void leadEndingTheParagraphWithAColon() {
        Extraction x = extract("The health agency said in a statement:\n“Vaccination remains the best protection for everyone.”");
        ExtractedStatement s = containing(x, "Vaccination remains");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.cue().text()).isEqualTo("said");
        assertThat(s.occasion().type()).isEqualTo("STATEMENT");
    }

    @Test
    void invertedCueWithDescribedAnonymousSpeaker() {
        Extraction x = extract("“Nobody expected the vote to be this close,” said one senior party aide.");
        ExtractedStatement s = containing(x, "Nobody expected");
        assertThat(s.speakerMention().text()).isEqualTo("one senior party aide");
    }

    @Test
    void doubledApostrophesServeAsQuotationMarks() {
        Extraction x = extract("''We are not done yet,'' Mr. Okafor said.");
        ExtractedStatement s = containing(x, "not done yet");
        assertThat(s.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(s.content().text()).isEqualTo("''We are not done yet,''");
        assertThat(speaker(x, s).name()).isEqualTo("Okafor");
    }

    @Test
    void sentenceAfterAFullStopQuoteKeepsItsOwnAttribution() {
        Extraction x = extract("\"We won.\" Smith said the count had been fair.");
        ExtractedStatement indirect = containing(x, "count had been fair");
        assertThat(indirect.kind()).isEqualTo(StatementKind.INDIRECT);
        assertThat(indirect.content().text()).isEqualTo("the count had been fair");
    }

    @Test
    void pronounWithoutEarlierSpeakerTakesThePersonNamedBefore() {
        Extraction x = extract("Senator Ruth Alder toured the flooded plant on Sunday.\n\"It works again,\" she said.");
        ArticleSpeaker alder = speaker(x, containing(x, "works again"));
        assertThat(alder.name()).isEqualTo("Ruth Alder");
        assertThat(alder.roles()).extracting(Role::title).containsExactly("Senator");
    }

    @Test
    void participleCueTakesTheSentenceSubject() {
        Extraction x = extract("Governor Lena Moss rejected the proposal on Tuesday, saying it would hurt small farms.\n"
                + "Moss ended the meeting early, telling reporters: “We are finished here.”");
        ExtractedStatement indirect = containing(x, "hurt small farms");
        assertThat(indirect.cue().text()).isEqualTo("saying");
        assertThat(speaker(x, indirect).name()).isEqualTo("Lena Moss");
        ExtractedStatement direct = containing(x, "finished here");
        assertThat(direct.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(direct.speakerKey()).isEqualTo(indirect.speakerKey());
    }

    @Test
    void speakerWithRelativeClauseBetweenCommas() {
        Extraction x = extract("“We will not back down,” Mayor Ada Brill, who has proposed a new levy twice, said at the hearing.");
        ExtractedStatement s = containing(x, "not back down");
        assertThat(speaker(x, s).name()).isEqualTo("Ada Brill");
    }

    @Test
    void speakerWithMiddleInitialAndParentheticalParty() {
        Extraction x = extract("\"The vote is a sham,\" Senate leader Harry T. Colby (D-Ore.) said in a statement.");
        ExtractedStatement s = containing(x, "vote is a sham");
        assertThat(s.speakerMention().text()).contains("Harry T. Colby");
    }

    @Test
    void participleCueSharesTheSubjectOfTheSentencesAttribution() {
        Extraction x = extract("“I like the plan,” Graham said on the radio, adding, “It has no chance this year.”");
        ExtractedStatement second = containing(x, "no chance this year");
        assertThat(second.cue().text()).isEqualTo("adding");
        assertThat(speaker(x, second).name()).isEqualTo("Graham");
    }

    @Test
    void headlineAndTranscriptLabelsAttributeTheRestOfTheParagraph() {
        Extraction x = extract("Okafor: Port Deal Runs Counter to Regional Peace\n"
                + "The minister spoke in Lagos.\n"
                + "HOST: Do you expect the deal to pass this year?");
        ExtractedStatement headline = containing(x, "Port Deal Runs Counter");
        assertThat(headline.cue().text()).isEqualTo(":");
        assertThat(speaker(x, headline).name()).isEqualTo("Okafor");
        assertThat(containing(x, "expect the deal to pass").speakerMention().text()).isEqualTo("HOST");
    }

    @Test
    void clauseEndingInAColonIntroducesItsSubjectsQuote() {
        Extraction x = extract("Back at the depot, Okafor returned to her favourite line: “There will be no new taxes.”\n"
                + "Later she pushed the point: “We will cut them.”");
        ExtractedStatement first = containing(x, "no new taxes");
        assertThat(first.kind()).isEqualTo(StatementKind.DIRECT);
        assertThat(speaker(x, first).name()).isEqualTo("Okafor");
        assertThat(containing(x, "We will cut them").speakerMention().text()).isEqualTo("she");
    }

    @Test
    void lessCommonVerbsOfSayingAfterAQuote() {
        Extraction x = extract("\"Could she chair the committee next year?\" a Labour councillor wondered.");
        assertThat(containing(x, "chair the committee").cue().text()).isEqualTo("wondered");
    }

    @Test
    void quoteResumingAfterItsCueIsOneStatementNotTwo() {
        Extraction x = extract("\"The ferry timetable has gaps,\" he said, \"but the island depends on it.\"");
        assertThat(x.statements()).singleElement().satisfies(s -> {
            assertThat(s.content().text()).startsWith("\"The ferry").endsWith("depends on it.\"");
            assertThat(s.cue().text()).isEqualTo("said");
        });
    }
}
