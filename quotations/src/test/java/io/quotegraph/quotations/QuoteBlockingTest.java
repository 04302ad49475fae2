package io.quotegraph.quotations;

import io.quotegraph.quotations.text.QuoteText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Band keys are stored (bucket ids): they must stay what earlier versions computed. */
class QuoteBlockingTest {

    @Test
    void bandKeysAreTheFirstOfThoseStoredWithTwentyFourBands() {
        // the first 12 of the 24 keys that the 24-band blocking gave this wording (computed with it)
        long[] storedWithTwentyFourBands = {0x9784edd71e98a752L, 0xb4dcd4c3a13ce280L, 0xa83d674c57a87458L,
                0x680320c1d0d55d57L, 0xbd0eea81dd5e52ebL, 0x6af8fd7f12fbcdcdL, 0x3df1f513981c6b17L, 0x6eeb2c36efcfdf61L,
                0xd8b8e080f54905e7L, 0x6277bbae910daac5L, 0xa043a01ec4909e1eL, 0x77621c0a670c327eL};
        assertThat(QuoteBlocking.bandKeys(QuoteText.of("We will not accept any attempt to redraw borders by force")))
                .containsExactly(storedWithTwentyFourBands);
        assertThat(QuoteBlocking.BANDS).isEqualTo(storedWithTwentyFourBands.length);
    }
}
