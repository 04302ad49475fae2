package io.quotegraph.quotations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotationIndexTest {

    private static final String QUOTE = "We will not accept any attempt to redraw borders by force, and we will keep "
            + "supporting our partners for as long as it takes.";

    @Test
    void reportsOfOneQuoteFormOneQuotationWhateverTheirOrder() {
        QuotationIndex index = new QuotationIndex();
        int fragment = index.add("miller", "“redraw borders by force, and we will keep supporting our partners”").statement();
        int full = index.add("miller", QUOTE).statement();
        int trimmed = index.add("miller", "We will not accept any attempt to redraw borders by force … for as long as it takes")
                .statement();
        assertThat(index.relation(fragment, full)).isEqualTo(Relation.SAME);
        assertThat(index.relation(full, trimmed)).isEqualTo(Relation.SAME);
        assertThat(index.relation(fragment, trimmed)).isEqualTo(Relation.SAME);
    }

    @Test
    void theSameWordsByAnotherSpeakerAreNotMerged() {
        QuotationIndex index = new QuotationIndex();
        QuotationIndex.Added miller = index.add("miller", QUOTE);
        QuotationIndex.Added blinken = index.add("blinken", QUOTE);
        assertThat(blinken.quotation()).isNotEqualTo(miller.quotation());
        assertThat(blinken.candidates()).isZero();
        assertThat(index.relation(miller.statement(), blinken.statement())).isEqualTo(Relation.UNRELATED);
    }

    @Test
    void aRepeatedTalkingPointIsLinkedAsSimilarWithItsScore() {
        QuotationIndex index = new QuotationIndex();
        int monday = index.add("miller", "We want the ceasefire maintained, humanitarian access for aid convoys, and "
                + "talks between Armenia and Azerbaijan toward a lasting peace agreement.").statement();
        index.add("miller", "The economy grew faster than expected in the third quarter.");
        QuotationIndex.Added wednesday = index.add("miller", "The ceasefire must be maintained and aid convoys need "
                + "humanitarian access; Armenia and Azerbaijan should keep talking.");
        assertThat(index.relation(monday, wednesday.statement())).isEqualTo(Relation.SIMILAR);
        assertThat(wednesday.similar()).singleElement().satisfies(link -> {
            assertThat(link.statementId()).isEqualTo(Integer.toString(monday));
            assertThat(link.score()).isGreaterThanOrEqualTo(QuoteMatcher.SIMILAR_DICE);
        });
    }

    @Test
    void candidatesStayBoundedHoweverManyStatementsShareAWord() {
        QuotationIndex index = new QuotationIndex();
        int maxCandidates = 0;
        for (int i = 0; i < 2_000; i++) {
            maxCandidates = Math.max(maxCandidates,
                    index.add("miller", "ceasefire statement number " + i + " about topic " + (i * 7919 % 1000)).candidates());
        }
        assertThat(index.size()).isEqualTo(2_000);
        assertThat(maxCandidates).isLessThanOrEqualTo(QuoteBlocking.MAX_CANDIDATES);
    }

    @Test
    void aSpeakersFirstStatementsAreAllCandidatesAndLaterOnesAreBlockedByBands() {
        QuotationIndex index = new QuotationIndex();
        // a two-word fragment of a long quote shares no band key with it most of the time: through the speaker list
        // it is compared all the same
        for (int i = 0; i < QuoteBlocking.SPEAKER_LIST_CAPACITY; i++) {
            assertThat(index.add("miller", "unrelated wording number " + i + " on topic " + i * 31).candidates()).isEqualTo(i);
        }
        QuotationIndex.Added banded = index.add("miller", QUOTE);
        assertThat(banded.candidates()).isEqualTo(QuoteBlocking.SPEAKER_LIST_CAPACITY);
        QuotationIndex.Added fragment = index.add("miller", "redraw borders by force, and we will keep supporting our partners");
        assertThat(fragment.candidates()).isEqualTo(QuoteBlocking.SPEAKER_LIST_CAPACITY + 1);
        assertThat(index.relation(banded.statement(), fragment.statement())).isEqualTo(Relation.SAME);
        // another speaker starts with an empty list
        assertThat(index.add("blinken", QUOTE).candidates()).isZero();
    }

    @Test
    void withoutSpeakerListsEveryStatementIsBlockedByBands() {
        QuotationIndex index = new QuotationIndex(0, QuoteBlocking.BUCKET_CAPACITY);
        index.add("miller", "The economy grew faster than expected in the third quarter.");
        assertThat(index.add("miller", QUOTE).candidates()).isZero();
    }
}
