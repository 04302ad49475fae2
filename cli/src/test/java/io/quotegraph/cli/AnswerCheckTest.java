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

    @Test
    void aCorrectAnswerIsNotAnErrorEvenWhenNestedFieldsOrTextsSayErrors() {
        assertThat(AnswerCheck.hasTopLevelErrors(bytes(ANSWER))).isFalse();
        assertThat(AnswerCheck.isAnswer(200, bytes(ANSWER), 0)).as("sampled: parsed whole").isTrue();
        assertThat(AnswerCheck.isAnswer(200, bytes(ANSWER), 1)).as("not sampled").isTrue();
    }

    @Test
    void anAnswerWithTopLevelErrorsIsAnErrorWhereverTheMemberIs() {
        assertThat(AnswerCheck.isAnswer(200, bytes(ERRORS_AFTER_DATA), 1)).isFalse();
        assertThat(AnswerCheck.isAnswer(200, bytes(ERRORS_FIRST), 1)).isFalse();
        assertThat(AnswerCheck.isAnswer(200, bytes(ERRORS_AFTER_DATA), 0)).isFalse();
    }

    @Test
    void aFailedStatusOrAnUnreadableBodyIsAnError() {
        assertThat(AnswerCheck.isAnswer(503, bytes(ANSWER), 1)).isFalse();
        assertThat(AnswerCheck.isAnswer(200, bytes("<html>busy</html>"), 1)).isFalse();
        assertThat(AnswerCheck.isAnswer(200, bytes("{\"data\":{\"articles\":"), 1)).as("truncated").isFalse();
    }

    @Test
    void theSampledFullParseRejectsAnAnswerWithoutData() {
        assertThat(AnswerCheck.isAnswer(200, bytes("{\"data\":{}}"), 1)).as("not sampled: not looked at").isTrue();
        assertThat(AnswerCheck.isAnswer(200, bytes("{\"data\":{}}"), AnswerCheck.FULL_PARSE_EVERY)).isFalse();
        assertThat(AnswerCheck.isAnswer(200, bytes("{\"data\":null}"), 0)).isFalse();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
