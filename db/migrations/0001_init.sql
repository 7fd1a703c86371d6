-- vnpress schema, version 1: sources, the crawl frontier, fetched pages (raw body kept), articles, one table
-- per fact kind (every fact with its span in articles.text), and accent-folded full-text indexes.

CREATE TABLE sources (
  id          TEXT PRIMARY KEY,            -- 'baochinhphu'
  name        TEXT NOT NULL,
  hosts       TEXT NOT NULL,               -- JSON array of host names
  lang        TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- Every URL the crawler knows, with its state. A URL is leased while in flight; a lease that expires
-- (the process died) makes the URL ready again, so a killed crawl loses nothing.
CREATE TABLE frontier (
  url              TEXT PRIMARY KEY,       -- canonical form
  source_id        TEXT REFERENCES sources(id),
  host             TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('start', 'sitemap', 'feed', 'listing', 'article')),
  state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'leased', 'done', 'failed', 'skipped')),
  priority         INTEGER NOT NULL DEFAULT 0,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,          -- ISO time; the URL is not fetched before it
  lease_until      TEXT,
  last_status      INTEGER,
  last_error       TEXT,
  hint_date        TEXT,                   -- a date the listing, sitemap or feed gave for the URL
  discovered_from  TEXT,
  discovered_at    TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX frontier_ready ON frontier (state, next_attempt_at, priority);
CREATE INDEX frontier_source ON frontier (source_id, state);

CREATE TABLE pages (
  id             INTEGER PRIMARY KEY,
  url            TEXT NOT NULL UNIQUE,
  final_url      TEXT NOT NULL,
  source_id      TEXT REFERENCES sources(id),
  status         INTEGER NOT NULL,
  content_type   TEXT,
  headers        TEXT NOT NULL,            -- JSON object
  body           TEXT NOT NULL,            -- decoded, NFC
  body_hash      TEXT NOT NULL,            -- sha256 of body: an unchanged page does no extraction work
  charset        TEXT,
  etag           TEXT,
  last_modified  TEXT,
  fetched_at     TEXT NOT NULL
);

CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  page_id        INTEGER REFERENCES pages(id) ON DELETE SET NULL,
  url            TEXT NOT NULL UNIQUE,
  canonical_url  TEXT,
  source_id      TEXT REFERENCES sources(id),
  title          TEXT,
  published_at   TEXT,                     -- ISO 8601 with +07:00
  updated_at     TEXT,
  author         TEXT,
  credit         TEXT,
  lead           TEXT,
  text           TEXT NOT NULL,            -- paragraphs joined by blank lines; every span points here
  lang           TEXT,
  category       TEXT,
  tags           TEXT NOT NULL DEFAULT '[]',
  images         TEXT NOT NULL DEFAULT '[]',
  method         TEXT NOT NULL,            -- 'profile' | 'generic' | 'text'
  warnings       TEXT NOT NULL DEFAULT '[]',
  text_hash      TEXT NOT NULL,
  extracted_at   TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_source ON articles (source_id, published_at);

-- One row per distinct document; legal_refs links it to every article citing it.
CREATE TABLE legal_documents (
  id         INTEGER PRIMARY KEY,
  doc_key    TEXT NOT NULL UNIQUE,         -- number, uppercased, no spaces
  number     TEXT NOT NULL,                -- official form: 42/2022/NĐ-CP
  type       TEXT,
  issued_on  TEXT,
  issuer     TEXT,
  subject    TEXT
);

CREATE TABLE legal_refs (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  document_id  INTEGER NOT NULL REFERENCES legal_documents(id),
  mentions     INTEGER NOT NULL,
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  UNIQUE (article_id, document_id)
);
CREATE INDEX legal_refs_document ON legal_refs (document_id);

CREATE TABLE persons (
  id          INTEGER PRIMARY KEY,
  person_key  TEXT NOT NULL UNIQUE,        -- lowercase, tone placement unified
  name        TEXT NOT NULL
);

CREATE TABLE official_mentions (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES persons(id),
  mentions     INTEGER NOT NULL,
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  UNIQUE (article_id, person_id)
);
CREATE INDEX official_mentions_person ON official_mentions (person_id);

-- Titles as each article reports them; positions (below) are derived from these and the articles' dates.
CREATE TABLE official_titles (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES persons(id),
  title       TEXT NOT NULL,
  PRIMARY KEY (article_id, person_id, title)
);

CREATE TABLE meetings (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  ordinal      INTEGER,
  body         TEXT,
  date         TEXT,
  chair        TEXT,
  mode         TEXT CHECK (mode IN ('in-person', 'online', 'hybrid')),
  location     TEXT,
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  quote        TEXT NOT NULL
);
CREATE INDEX meetings_article ON meetings (article_id);

CREATE TABLE claims (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  metric       TEXT NOT NULL,
  metric_key   TEXT NOT NULL,
  value        REAL NOT NULL,
  unit         TEXT NOT NULL,
  approx       TEXT NOT NULL,
  period       TEXT,
  change       TEXT CHECK (change IN ('up', 'down')),
  source       TEXT,
  sentence     TEXT NOT NULL,
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  quote        TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_metric ON claims (metric_key, period);

-- Full-text indexes hold an accent-folded copy (no tones, đ→d) so "nghi dinh" finds "Nghị định";
-- rowid is the row's id in articles / claims.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claims_fts USING fts5 (metric, sentence, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE crawl_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  sources      TEXT NOT NULL,              -- JSON array of source ids
  fetched      INTEGER NOT NULL DEFAULT 0,
  articles     INTEGER NOT NULL DEFAULT 0,
  failed       INTEGER NOT NULL DEFAULT 0,
  status       TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'interrupted', 'failed'))
);

-- Readable views for Datasette, sqlite-utils and spreadsheets.
CREATE VIEW positions AS
  SELECT p.id AS person_id, p.name, t.title,
         MIN(substr(a.published_at, 1, 10)) AS first_seen,
         MAX(substr(a.published_at, 1, 10)) AS last_seen,
         COUNT(DISTINCT t.article_id) AS articles
  FROM official_titles t JOIN persons p ON p.id = t.person_id JOIN articles a ON a.id = t.article_id
  GROUP BY p.id, t.title;

CREATE VIEW document_citations AS
  SELECT d.number, d.type, d.issued_on, d.issuer, d.subject, a.published_at, a.title AS article_title, a.url AS article_url,
         r.quote
  FROM legal_refs r JOIN legal_documents d ON d.id = r.document_id JOIN articles a ON a.id = r.article_id;

CREATE VIEW claims_with_articles AS
  SELECT c.id, c.metric, c.metric_key, c.value, c.unit, c.approx, c.period, c.change, c.source, c.sentence,
         a.published_at, a.source_id, a.title AS article_title, a.url AS article_url, c.span_start, c.span_end
  FROM claims c JOIN articles a ON a.id = c.article_id;
