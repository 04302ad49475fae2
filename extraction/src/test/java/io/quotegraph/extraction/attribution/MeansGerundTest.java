package io.quotegraph.extraction.attribution;

import io.quotegraph.extraction.StatementExtractor;
import io.quotegraph.model.ExtractedStatement;
import org.junit.jupiter.api.Test;

import static io.quotegraph.extraction.ExtractedStatements.withCue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A speech verb's gerund after "by" names how the clause's subject acted ("responded by saying …", "surprised the
 * board by declaring …"): a report of that subject, not a noun.
 */
class MeansGerundTest {

    @Test
    void aSpeechGerundAfterByIsAReportOfTheClausesSubject() {
        ExtractedStatement s = withCue("A harbor official responded by saying the ferry would run on Sundays.", "saying")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the ferry would run on Sundays");
        assertThat(s.speakerMention().text()).isEqualTo("A harbor official");
    }

    @Test
    void theGerundMayFollowTheVerbsObject() {
        ExtractedStatement s = withCue("Hale surprised the board by declaring she could not support the levy.", "declaring")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("she could not support the levy");
        assertThat(s.speakerMention().text()).isEqualTo("Hale");
    }

    @Test
    void aPrepositionalCueGerundAfterBy() {
        ExtractedStatement s = withCue("The harbor master opened by talking about the ferry budget.", "talking about")
                .orElseThrow();
        assertThat(s.content().text()).isEqualTo("the ferry budget");
        // the main verb before "by" ("opened") is not part of the speaker
        assertThat(s.speakerMention().text()).isEqualTo("The harbor master");
    }

    @Test
    void notAfterASentenceOpeningByNorAfterOtherPrepositions() {
        // "By declaring early, …" opens the sentence with an adverbial whose subject comes later; "of …ing" stays a noun
        assertThat(withCue("By declaring early, Hale won the race.", "declaring")).isEmpty();
        assertThat(withCue("The board heard the warning of boasting candidates.", "boasting")).isEmpty();
        assertThat(new StatementExtractor().extract("The ferry was paid for by borrowing money.", null).statements()).isEmpty();
    }
}
