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
        assertThat(maxCandidates).isLessThanOrEqualTo(QuoteBlocking.BANDS * QuoteBlocking.BUCKET_CAPACITY);
    }
}
