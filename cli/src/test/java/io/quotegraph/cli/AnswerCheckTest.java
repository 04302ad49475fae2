package io.quotegraph.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        assertThat(isAnswer(check, 200, ANSWER)).isTrue();
        assertThat(isAnswer(check, 200, ANSWER)).isTrue();
    }

    @Test
    void anAnswerWithTopLevelErrorsIsAnErrorWhereverTheMemberIs() {
        AnswerCheck check = new AnswerCheck();
        assertThat(isAnswer(check, 200, ERRORS_AFTER_DATA)).isFalse();
        assertThat(isAnswer(check, 200, ERRORS_FIRST)).isFalse();
        assertThat(isAnswer(check, 200, PARTIAL)).isFalse();
    }

    @Test
    void aFailedStatusOrAnUnreadableBodyIsAnError() {
        AnswerCheck check = new AnswerCheck();
        assertThat(isAnswer(check, 503, ANSWER)).isFalse();
        assertThat(isAnswer(check, 200, "<html>busy</html>")).isFalse();
        assertThat(isAnswer(check, 200, "{\"data\":{\"articles\":")).as("truncated").isFalse();
        assertThat(isAnswer(check, 200, "{\"data\":{}}")).as("no data").isFalse();
        assertThat(isAnswer(check, 200, "{\"data\":null}")).isFalse();
    }

    @Test
    void everyAnswerIsCheckedWholeAndOnlyOneEqualToTheLastThatPassedIsNotParsedAgain() {
        AnswerCheck check = new AnswerCheck();
        assertThat(isAnswer(check, 200, ANSWER)).isTrue();
        for (int i = 0; i < 150; i++) {
            assertThat(isAnswer(check, 200, ANSWER)).isTrue();
        }
        assertThat(check.parsed()).as("equal to the answer that passed").isEqualTo(1);
        // after many good answers, a bad one of any kind is still caught (no sampling)
        assertThat(isAnswer(check, 200, "{\"data\":{}}")).isFalse();
        assertThat(isAnswer(check, 200, PARTIAL)).isFalse();
        String truncated = ANSWER.substring(0, ANSWER.length() - 1);
        assertThat(isAnswer(check, 200, truncated)).as("a prefix of the answer that passed").isFalse();
        assertThat(isAnswer(check, 503, ANSWER)).as("same body, failed status").isFalse();
        assertThat(isAnswer(check, 200, ANSWER)).isTrue();
        assertThat(check.parsed()).isEqualTo(4);
    }

    @Test
    void anAnswerIsReadFromTheCallersReusedArrayUpToItsLengthAndKeptAsACopy() {
        AnswerCheck check = new AnswerCheck();
        byte[] reused = new byte[4096];
        Arrays.fill(reused, (byte) '}');
        int length = copy(ANSWER, reused);
        assertThat(check.isAnswer(200, reused, length)).as("what lies past the length is not read").isTrue();
        assertThat(check.isAnswer(200, reused, length - 1)).as("a prefix in the same array").isFalse();
        // the array is overwritten by the next answer: a different, bad one of the same length must be parsed, not
        // taken for the last passed one
        String noData = ANSWER.replace("{\"data\":", "{\"atad\":");
        int badLength = copy(noData, reused);
        assertThat(badLength).isEqualTo(length);
        assertThat(check.isAnswer(200, reused, badLength)).isFalse();
        assertThat(check.isAnswer(200, reused, copy(ANSWER, reused))).isTrue();
        assertThat(check.parsed()).isEqualTo(3);
    }

    @Test
    void trailingContentAfterTheAnswerIsAnError() {
        assertThat(isAnswer(new AnswerCheck(), 200, ANSWER + "{}")).isFalse();
        assertThat(isAnswer(new AnswerCheck(), 200, "{\"data\":{\"a\":1},\"extensions\":{\"x\":[1,{}]}}")).isTrue();
    }

    private static boolean isAnswer(AnswerCheck check, int status, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return check.isAnswer(status, body, body.length);
    }

    private static int copy(String json, byte[] into) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, into, 0, bytes.length);
        return bytes.length;
    }
}
