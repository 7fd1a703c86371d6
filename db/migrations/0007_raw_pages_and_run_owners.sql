-- Raw pages kept compressed, and crawl runs that own their leases.
--
-- pages: the bytes as received (after HTTP content-encoding is undone) are kept gzip-compressed in `raw`, so
-- that `vnpress reextract` re-reads the whole archive without the network and `vnpress export-warc` writes
-- what the server sent. The decoded `body` of pages fetched before this version stays (now nullable) and is
-- read when a page has no `raw`. `body_hash` is the sha256 of the raw bytes from now on.
--
-- The table is rebuilt because SQLite cannot relax NOT NULL in place. Dropping the old table would fire
-- articles.page_id's ON DELETE SET NULL, so the links are kept aside and put back.
CREATE TEMP TABLE article_page_links AS SELECT id, page_id FROM articles WHERE page_id IS NOT NULL;

CREATE TABLE pages_rebuilt (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  final_url       TEXT NOT NULL,
  source_id       TEXT REFERENCES sources(id),
  status          INTEGER NOT NULL,
  content_type    TEXT,
  headers         TEXT NOT NULL,            -- JSON object, lowercase names
  raw             BLOB,                     -- gzip of the bytes as received (content-encoding undone)
  raw_bytes       INTEGER,                  -- their length before compression
  body            TEXT,                     -- decoded text, pages fetched before raw bytes were kept
  body_hash       TEXT NOT NULL,            -- sha256 of the raw bytes: an unchanged page does no extraction work
  charset         TEXT,                     -- what the bytes were decoded as ('utf-8', 'windows1258', 'tcvn3', …)
  charset_via     TEXT,                     -- where that came from: 'bom', 'header', 'meta', 'sniffed', 'default'
  converted_from  TEXT,                     -- a legacy Vietnamese encoding converted to Unicode, if any
  etag            TEXT,
  last_modified   TEXT,
  fetched_at      TEXT NOT NULL,
  page_kind       TEXT CHECK (page_kind IN ('listing', 'error', 'login'))
);
INSERT INTO pages_rebuilt (id, url, final_url, source_id, status, content_type, headers, body, body_hash, charset, etag, last_modified, fetched_at, page_kind)
  SELECT id, url, final_url, source_id, status, content_type, headers, body, body_hash, charset, etag, last_modified, fetched_at, page_kind FROM pages;
DROP TABLE pages;
ALTER TABLE pages_rebuilt RENAME TO pages;
CREATE INDEX pages_source ON pages (source_id);
UPDATE articles SET page_id = (SELECT l.page_id FROM article_page_links l WHERE l.id = articles.id)
  WHERE id IN (SELECT id FROM article_page_links);
DROP TABLE article_page_links;

-- A lease names the run that holds it. A run records its process and a heartbeat, so that a new run can tell
-- a crawl that is still going (its leases are left alone) from one that was killed (its leases are taken
-- back at once rather than after they expire).
ALTER TABLE frontier ADD COLUMN lease_owner INTEGER;
-- Why the last attempt failed, as a short code ('http', 'timeout', 'too-large', 'robots', …): failures are
-- grouped by it in a crawl's summary and in `vnpress crawl --status`.
ALTER TABLE frontier ADD COLUMN last_reason TEXT;
ALTER TABLE crawl_runs ADD COLUMN pid INTEGER;
ALTER TABLE crawl_runs ADD COLUMN hostname TEXT;
ALTER TABLE crawl_runs ADD COLUMN heartbeat_at TEXT;
ALTER TABLE crawl_runs ADD COLUMN options TEXT;            -- JSON: the command's options, for --status
ALTER TABLE crawl_runs ADD COLUMN summary TEXT;            -- JSON: the closing counts and failures by cause
-- Leasing asks for one host's ready URLs, best first.
CREATE INDEX frontier_host_ready ON frontier (host, state, priority DESC, next_attempt_at);
