package io.quotegraph.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckTest {

    private static final String ANSWER = """
            {"data":{"articles":{"edges":[{"node":{"id":"a1","title":"errors in \\"errors\\"",
              "statements":{"totalCount":1,"edges":[{"node":{"id":"s1","errors":null}}]}}}]}}}""";
    private static final String ERRORS_AFTER_DATA = """
            {"data":{"articles":null},"errors":[{"message":"statements-service is unavailable"}]}""";
    private static final String ERRORS_FIRST = """
            {"errors":[{"message":"Validation error"}],"data":null}""";
    /** An answer with data and errors (a partial result). */
    private static final String PARTIAL = """
            {"data":{"articles":{"edges":[]}},"errors":[{"message":"statements-service is unavailable"}]}""";

    @Test
    void aCorrectAnswerIsNotAnErrorEvenWhenNestedFieldsOrTextsSayErrors() {
        AnswerCheck check = new AnswerCheck();
        assertThat(check.isAnswer(200, bytes(ANSWER))).isTrue();
        assertThat(check.isAnswer(200, bytes(ANSWER))).isTrue();
    }

    @Test
    void anAnswerWithTopLevelErrorsIsAnErrorWhereverTheMemberIs() {
        AnswerCheck check = new AnswerCheck();
        assertThat(check.isAnswer(200, bytes(ERRORS_AFTER_DATA))).isFalse();
        assertThat(check.isAnswer(200, bytes(ERRORS_FIRST))).isFalse();
        assertThat(check.isAnswer(200, bytes(PARTIAL))).isFalse();
    }

    @Test
    void aFailedStatusOrAnUnreadableBodyIsAnError() {
        AnswerCheck check = new AnswerCheck();
        assertThat(check.isAnswer(503, bytes(ANSWER))).isFalse();
        assertThat(check.isAnswer(200, bytes("<html>busy</html>"))).isFalse();
        assertThat(check.isAnswer(200, bytes("{\"data\":{\"articles\":"))).as("truncated").isFalse();
        assertThat(check.isAnswer(200, bytes("{\"data\":{}}"))).as("no data").isFalse();
        assertThat(check.isAnswer(200, bytes("{\"data\":null}"))).isFalse();
    }

    @Test
    void everyAnswerIsCheckedWholeAndOnlyOneEqualToTheLastThatPassedIsNotParsedAgain() {
        AnswerCheck check = new AnswerCheck();
        assertThat(check.isAnswer(200, bytes(ANSWER))).isTrue();
        for (int i = 0; i < 150; i++) {
            assertThat(check.isAnswer(200, bytes(ANSWER))).isTrue();
        }
        assertThat(check.parsed()).as("equal to the answer that passed").isEqualTo(1);
        // after many good answers, a bad one of any kind is still caught (no sampling)
        assertThat(check.isAnswer(200, bytes("{\"data\":{}}"))).isFalse();
        assertThat(check.isAnswer(200, bytes(PARTIAL))).isFalse();
        String truncated = ANSWER.substring(0, ANSWER.length() - 1);
        assertThat(check.isAnswer(200, bytes(truncated))).as("a prefix of the answer that passed").isFalse();
        assertThat(check.isAnswer(503, bytes(ANSWER))).as("same body, failed status").isFalse();
        assertThat(check.isAnswer(200, bytes(ANSWER))).isTrue();
        assertThat(check.parsed()).isEqualTo(4);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
