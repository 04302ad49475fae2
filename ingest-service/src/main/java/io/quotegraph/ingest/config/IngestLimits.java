package io.quotegraph.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The request limits documented in README.md ({@code ingest.limits.*}). */
@ConfigMapping(prefix = "ingest.limits")
public interface IngestLimits {

    /** Largest body of {@code POST /articles}, and largest line of a batch, in bytes. */
    @WithDefault("2097152")
    long maxRequestBytes();

    /** Largest body of {@code POST /articles/batch}, in bytes. */
    @WithDefault("16777216")
    long maxBatchBytes();

    /** Most characters of text per article, both as submitted ({@code text}) and after cleaning. */
    @WithDefault("1048576")
    int maxTextChars();

    /** Most non-blank lines (articles) per batch. */
    @WithDefault("1000")
    int maxBatchLines();

    /** Most ids in one {@code GET /articles?id=…} and largest page size. */
    @WithDefault("100")
    int maxPageSize();
}
