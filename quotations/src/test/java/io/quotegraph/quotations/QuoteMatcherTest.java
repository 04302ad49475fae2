package io.quotegraph.quotations;

import io.quotegraph.quotations.text.QuoteText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteMatcherTest {

    private static final String FULL = "We are deeply concerned about the humanitarian situation, and we call on all "
            + "sides to respect the ceasefire and allow aid convoys through the corridor.";

    @Test
    void curlyAndStraightQuotesCaseAndPunctuationAreTheSameWording() {
        QuoteMatcher.Comparison c = compare("“We’re not going to stand by,” — he said; it’s “unacceptable.”",
                "\"we're NOT going to stand by\" - he said, it's \"unacceptable\"");
        assertThat(c.relation()).isEqualTo(Relation.SAME);
        assertThat(c.score()).isEqualTo(1.0);
    }

    @Test
    void aFragmentOfTheQuoteIsTheSameQuotation() {
        QuoteMatcher.Comparison c = compare(FULL, "we call on all sides to respect the ceasefire");
        assertThat(c.relation()).isEqualTo(Relation.SAME);
        assertThat(compare("we call on all sides to respect the ceasefire", FULL).relation()).isEqualTo(Relation.SAME);
    }

    @Test
    void anEllipsisOmissionIsTheSameQuotation() {
        assertThat(compare(FULL, "We are deeply concerned about the humanitarian situation … allow aid convoys through "
                + "the corridor.").relation()).isEqualTo(Relation.SAME);
        assertThat(compare(FULL, "We are deeply concerned [...] we call on all sides to respect the ceasefire. . .")
                .relation()).isEqualTo(Relation.SAME);
    }

    @Test
    void hyphensAndApostrophesInsideWordsDoNotMatter() {
        assertThat(compare("the cease-fire must hold across the region", "the ceasefire must hold across the region")
                .relation()).isEqualTo(Relation.SAME);
    }

    @Test
    void aTwoWordPhraseOfALongQuoteIsNotEnoughToBeTheSameQuotation() {
        assertThat(compare(FULL, "deeply concerned").relation()).isNotEqualTo(Relation.SAME);
        assertThat(compare("deeply concerned", "Deeply concerned.").relation()).isEqualTo(Relation.SAME);
    }

    @Test
    void aParaphraseOfTheSameTalkingPointIsSimilarNotTheSame() {
        QuoteMatcher.Comparison c = compare(
                "I will say that in terms of what we think is important, it's, number one, that the ceasefire that "
                        + "exists now be maintained, that there is no further military action; number two, that the "
                        + "humanitarian needs of the people of Nagorno-Karabakh are addressed; and number three, that "
                        + "Azerbaijan and Armenia reach a lasting peace agreement",
                "Number one, we want to see the cease-fire maintained. Number two, we want to see humanitarian needs "
                        + "addressed. That means keeping the Lachin corridor open, it means ensuring that humanitarian "
                        + "supplies can come in, and that it means an international monitoring mission to ensure that "
                        + "humanitarian needs are addressed");
        assertThat(c.relation()).isEqualTo(Relation.SIMILAR);
        assertThat(c.score()).isBetween(QuoteMatcher.SIMILAR_DICE, 1.0);
    }

    @Test
    void differentStatementsAreUnrelated() {
        assertThat(compare(FULL, "The economy grew faster than expected in the third quarter, the minister said.")
                .relation()).isEqualTo(Relation.UNRELATED);
        assertThat(compare(FULL, "").relation()).isEqualTo(Relation.UNRELATED);
    }

    private static QuoteMatcher.Comparison compare(String a, String b) {
        return QuoteMatcher.compare(QuoteText.of(a), QuoteText.of(b));
    }
}
