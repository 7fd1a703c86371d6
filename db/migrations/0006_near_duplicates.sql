-- Near-duplicates: the same press release published by several sites. Each article keeps the SimHash of its
-- text (16 hex digits) and, when an earlier article's text is within 3 bits of it, the id of that story's
-- first article. The four 16-bit bands of each fingerprint are indexed to find candidates.
ALTER TABLE articles ADD COLUMN simhash TEXT;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL;
CREATE TABLE article_bands (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  band        INTEGER NOT NULL,
  value       INTEGER NOT NULL,
  PRIMARY KEY (article_id, band)
);
CREATE INDEX article_bands_value ON article_bands (band, value);
