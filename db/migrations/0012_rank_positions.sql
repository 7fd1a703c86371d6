-- Token positions in the ranking index, so that phrases ("6 tháng đầu năm 2023", the commonest quoted search)
-- are ranked from it as plain words are, instead of by FTS5 scoring every match (src/query/rank.ts).
CREATE TABLE rank_positions (
  tbl TEXT NOT NULL,
  term TEXT NOT NULL,
  seg INTEGER NOT NULL,
  -- For each row of the term's posting (slot order) and each column, the term's positions in that column
  -- (0 = the column's first token), ascending; as many as the posting's count there. Uint16 little-endian,
  -- or Uint32 when a position exceeds 65535: the width is the blob's length over the number of positions.
  poss BLOB NOT NULL,
  PRIMARY KEY (tbl, term, seg)
) WITHOUT ROWID;

-- An index built before positions were kept is built again, once, by the next command that opens the
-- database (RankIndex.catchUp, which says so when it is large).
UPDATE rank_state SET built = 0 WHERE built = 1 AND EXISTS (SELECT 1 FROM rank_postings p WHERE p.tbl = rank_state.tbl);
