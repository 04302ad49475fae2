-- Articles as ingest-service stores them, with the state of their extraction and delivery to statements-service.
CREATE TABLE article (
    id                uuid         PRIMARY KEY,
    url               text,
    source            text,
    title             text,
    text              text         NOT NULL,
    published_at      timestamptz  NOT NULL,
    language          text,
    -- SHA-256 (hex) of the normalised cleaned text: the same content is stored once
    content_hash      char(64)     NOT NULL,
    -- PENDING -> EXTRACTED -> DELIVERED, or FAILED (retried)
    status            varchar(16)  NOT NULL,
    status_reason     text,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    -- the extraction result (io.quotegraph.model.Extraction as JSON), kept so that re-delivery never re-extracts
    extraction        jsonb,
    extractor_version text,
    extracted_at      timestamptz,
    -- delivery: failed attempts since the last success, when the worker may next take the article, and why it last failed
    attempts          integer      NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz,
    last_error        text,
    delivered_at      timestamptz,
    CONSTRAINT article_status_check CHECK (status IN ('PENDING', 'EXTRACTED', 'DELIVERED', 'FAILED'))
);

-- Deduplication: the same URL or the same content is one article (the race is settled by these indexes).
CREATE UNIQUE INDEX article_url_key ON article (url);
CREATE UNIQUE INDEX article_content_hash_key ON article (content_hash);

-- Listing: newest first, optionally by source.
CREATE INDEX article_published_idx ON article (published_at DESC, id);
CREATE INDEX article_source_published_idx ON article (source, published_at DESC, id);

-- The delivery worker's queue: articles not yet delivered, by due time.
CREATE INDEX article_due_idx ON article (next_attempt_at) WHERE status <> 'DELIVERED';
