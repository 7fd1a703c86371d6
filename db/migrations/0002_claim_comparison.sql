-- Claims keep what their figure is compared with ("so với cùng kỳ năm trước").
ALTER TABLE claims ADD COLUMN comparison TEXT;

DROP VIEW claims_with_articles;
CREATE VIEW claims_with_articles AS
  SELECT c.id, c.metric, c.metric_key, c.value, c.unit, c.approx, c.period, c.change, c.comparison, c.source, c.sentence,
         a.published_at, a.source_id, a.title AS article_title, a.url AS article_url, c.span_start, c.span_end
  FROM claims c JOIN articles a ON a.id = c.article_id;
