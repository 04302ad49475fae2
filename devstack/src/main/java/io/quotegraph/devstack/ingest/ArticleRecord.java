package io.quotegraph.devstack.ingest;

/**
 * One article read from an input file, ready to be sent as one line of {@code POST /articles/batch}.
 *
 * @param file     the file it comes from
 * @param index    its 0-based position in that file (records, not bytes): what the state file counts
 * @param json     the article as the ingest API's JSON, or null when the record could not be read
 * @param problem  why the record could not be read (then it is counted as rejected without being sent)
 */
public record ArticleRecord(String file, long index, String json, String problem) {
}
