-- Each title as reported is split into its post and organization ("Bộ trưởng" of "Bộ Công an"), and the
-- positions view (since the first migration) gains both. Rows stored before this migration are split by the
-- program when the database is next opened for writing.
ALTER TABLE official_titles ADD COLUMN post TEXT;
ALTER TABLE official_titles ADD COLUMN organization TEXT;
CREATE INDEX official_titles_person ON official_titles (person_id);

DROP VIEW positions;
CREATE VIEW positions AS
  SELECT p.id AS person_id, p.name, p.person_key, t.title, t.post, t.organization,
         MIN(substr(a.published_at, 1, 10)) AS first_seen, MAX(substr(a.published_at, 1, 10)) AS last_seen,
         COUNT(DISTINCT t.article_id) AS articles
  FROM official_titles t
  JOIN persons p ON p.id = t.person_id
  JOIN articles a ON a.id = t.article_id
  GROUP BY p.id, t.title;
