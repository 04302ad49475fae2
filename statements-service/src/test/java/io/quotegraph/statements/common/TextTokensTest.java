package io.quotegraph.statements.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTokensTest {

    @Test
    void lowerCasesStripsPunctuationAndUnifiesQuotes() {
        assertThat(TextTokens.tokens("“It’s TIME,” he said: it's time!")).containsExactly("its", "time", "he", "said");
        assertThat(TextTokens.tokens("U.S. officials in Zürich")).containsExactly("us", "officials", "in", "zurich");
        assertThat(TextTokens.tokens("$where .* {\"$ne\": 1}")).containsExactly("where", "ne", "1");
        assertThat(TextTokens.tokens(".*")).isEmpty();
        assertThat(TextTokens.tokens(null)).isEmpty();
    }

    @Test
    void wordsKeepOrderAndRepeats() {
        assertThat(TextTokens.words("No, no, NO.")).containsExactly("no", "no", "no");
    }
}
