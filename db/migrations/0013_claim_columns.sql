-- Readers that keep the claims' filter and facet columns in memory (src/query/claim-columns.ts, `vnpress
-- serve`) learn which rows changed from the ranking index's own bookkeeping: rows in rank_dirty, and the rows
-- of segments rewritten since (their gen). Three things make that exact.

-- 1. A segment's gen comes from a counter per table that never goes back, so a segment emptied, dropped and
--    written again (or a whole index rebuilt) never shows a generation a reader has already seen.
ALTER TABLE rank_state ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
UPDATE rank_state SET gen = (SELECT COALESCE(MAX(s.gen), 0) FROM rank_segments s WHERE s.tbl = rank_state.tbl);

-- 2. A change to a column the readers keep marks the row, as a change to its text does.
CREATE TRIGGER claims_columns_update AFTER UPDATE OF article_id, metric_key, approx, period ON claims BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('claims', new.id);
END;
CREATE TRIGGER articles_columns_update AFTER UPDATE OF source_id, published_at ON articles BEGIN
  INSERT OR IGNORE INTO rank_dirty (tbl, doc) VALUES ('articles', new.id);
END;

-- 3. An article's kept columns are read by id from one covering index, as a claim's are from claims_id_facets
--    (migration 0011): a range of articles read from the table would read their text.
DROP INDEX articles_id_source;
CREATE INDEX articles_id_facets ON articles (id, source_id, published_at);
