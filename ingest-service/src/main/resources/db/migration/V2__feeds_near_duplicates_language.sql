-- Issue 10: near-duplicate detection, language detection, feed registry.

-- Two terminal states: DUPLICATE (a republication of duplicate_of, never delivered) and SKIPPED (language not supported
-- by the extractor, never extracted).
ALTER TABLE article DROP CONSTRAINT article_status_check;
ALTER TABLE article ADD CONSTRAINT article_status_check
    CHECK (status IN ('PENDING', 'EXTRACTED', 'DELIVERED', 'FAILED', 'DUPLICATE', 'SKIPPED'));

-- The worker's queue holds only articles that still need work.
DROP INDEX article_due_idx;
CREATE INDEX article_due_idx ON article (next_attempt_at) WHERE status IN ('PENDING', 'EXTRACTED', 'FAILED');

-- Detected language's confidence (null when the language was given); the original a near-duplicate republishes;
-- the MinHash signature of the cleaned text's word shingles (null when the text is too short to compare).
ALTER TABLE article ADD COLUMN language_confidence double precision;
ALTER TABLE article ADD COLUMN duplicate_of uuid REFERENCES article (id);
ALTER TABLE article ADD COLUMN minhash integer[];
CREATE INDEX article_duplicate_of_idx ON article (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- LSH bands of the originals' signatures: a new article's candidates are the articles sharing at least one band hash,
-- found through this index, so the cost of a lookup does not grow with the number of stored articles.
CREATE TABLE article_band (
    band       smallint NOT NULL,
    band_hash  bigint   NOT NULL,
    article_id uuid     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band, band_hash, article_id)
);

-- Other outlets' publications of an article's story: near-duplicates (stored as articles, duplicate_id set) and exact
-- copies of the text under another URL (not stored again, duplicate_id null).
CREATE TABLE article_copy (
    original_id  uuid        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    url          text,
    source       text,
    published_at timestamptz NOT NULL,
    duplicate_id uuid        REFERENCES article (id) ON DELETE CASCADE,
    similarity   double precision NOT NULL,
    created_at   timestamptz NOT NULL
);
-- one entry per outlet URL (or per stored duplicate without URL)
CREATE UNIQUE INDEX article_copy_key ON article_copy (original_id, COALESCE(url, duplicate_id::text));

-- Feeds polled on a schedule, with their state.
CREATE TABLE feed (
    id                   uuid        PRIMARY KEY,
    url                  text        NOT NULL,
    source               text,
    poll_interval_s      integer     NOT NULL CHECK (poll_interval_s > 0),
    created_at           timestamptz NOT NULL,
    next_poll_at         timestamptz NOT NULL,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    -- the newest item seen (its guid or link, and its date): items not newer than it are not ingested again
    last_item_key        text,
    last_item_at         timestamptz,
    items_ingested       bigint      NOT NULL DEFAULT 0,
    consecutive_errors   integer     NOT NULL DEFAULT 0,
    last_error           text
);
CREATE UNIQUE INDEX feed_url_key ON feed (url);
CREATE INDEX feed_due_idx ON feed (next_poll_at);
