package io.quotegraph.extraction.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityNamesTest {

    @Test
    void wordsAreTheSameWhetherSplitOrRemembered() {
        String name = "Mr. José O’Brien of the U.S. State Department";
        List<String> expected = List.of("mr", "jose", "obrien", "of", "the", "us", "state", "department");
        assertThat(EntityNames.words(name)).isEqualTo(expected);
        assertThat(EntityNames.words(name)).as("remembered").isEqualTo(expected);
        assertThat(EntityNames.words(new String(name))).as("an equal string").isEqualTo(expected);

        String longText = "The spokesman said on Tuesday that the U.S. would not send troops, and that talks "
                + "with the ministry would go on next week.";
        assertThat(EntityNames.words(longText)).hasSize(23).startsWith("the", "spokesman").contains("us");
        assertThat(EntityNames.words(" ")).isEmpty();
        assertThat(EntityNames.words(null)).isEmpty();
    }

    @Test
    void wordsCannotBeChangedByACaller() {
        List<String> words = EntityNames.words("Matthew Miller");
        assertThatThrownBy(() -> words.add("jr")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(EntityNames.words("Matthew Miller")).containsExactly("matthew", "miller");
        assertThat(EntityNames.nameKey("Mr. Matthew A. Miller Jr.", null)).isEqualTo("matthew miller");
    }
}
