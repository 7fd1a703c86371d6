-- The ranking index: the terms of articles_fts and claims_fts with their counts per row, as FTS5 itself
-- holds them, so that a search of plain words is ranked by bm25 (the same formula and statistics as FTS5's
-- bm25()) in a few milliseconds instead of FTS5 scoring every match (src/store/rank-index.ts,
-- src/query/rank.ts). Rows are grouped in segments of 2048 consecutive rowids; a segment is rewritten whole.
CREATE TABLE rank_segments (
  tbl TEXT NOT NULL,        -- 'articles' or 'claims'
  seg INTEGER NOT NULL,     -- rowid >> 11
  gen INTEGER NOT NULL,     -- incremented at each rewrite, for readers' caches
  docs INTEGER NOT NULL,    -- rows of the FTS table in this segment
  tokens INTEGER NOT NULL,  -- their tokens, all columns
  PRIMARY KEY (tbl, seg)
) WITHOUT ROWID;

-- Apart from rank_segments, whose small rows every search reads.
CREATE TABLE rank_segment_data (
  tbl TEXT NOT NULL,
  seg INTEGER NOT NULL,
  lens BLOB NOT NULL,       -- Int32 per slot (rowid & 2047): the row's tokens, -1 when there is no row
  terms TEXT NOT NULL,      -- the segment's terms, one per line (to rewrite its postings)
  PRIMARY KEY (tbl, seg)
) WITHOUT ROWID;

CREATE TABLE rank_postings (
  tbl TEXT NOT NULL,
  term TEXT NOT NULL,
  seg INTEGER NOT NULL,
  slots BLOB NOT NULL,      -- Uint16 per row holding the term: rowid & 2047, ascending
  freqs BLOB NOT NULL,      -- Uint16 per row and column: the term's count in that column
  PRIMARY KEY (tbl, term, seg)
) WITHOUT ROWID;

-- Rows written since their segment was: searches rank them from their text until a writer rewrites the
-- segment. Filled by triggers, so that every writer (the crawler, reextract, imports) is covered.
CREATE TABLE rank_dirty (
  tbl TEXT NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY (tbl, doc)
) WITHOUT ROWID;

-- built = 0: the index was never built for this table (a database from an earlier version); searches use
-- FTS5's own ranking until a writer builds it.
CREATE TABLE rank_state (
  tbl TEXT PRIMARY KEY,
  built INTEGER NOT NULL
);
INSERT INTO rank_state (tbl, built) VALUES ('articles', NOT EXISTS (SELECT 1 FROM articles)), ('claims', NOT EXISTS (SELECT 1 FROM claims));

CREATE TRIGGER articles_rank_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('articles', new.id);
END;
CREATE TRIGGER articles_rank_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('articles', new.id);
END;
CREATE TRIGGER articles_rank_delete AFTER DELETE ON articles BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('articles', old.id);
END;
CREATE TRIGGER claims_rank_insert AFTER INSERT ON claims BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('claims', new.id);
END;
CREATE TRIGGER claims_rank_update AFTER UPDATE OF metric, sentence ON claims BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('claims', new.id);
END;
CREATE TRIGGER claims_rank_delete AFTER DELETE ON claims BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('claims', old.id);
END;
