-- Covering indexes for the facets beside a search (src/query/facets.ts): a claim's article, metric key,
-- qualifier and period, and an article's source, read by id from these small indexes instead of from the
-- rows (a claim's row holds its sentence and quote, so reading 2,000 of them at random was reading 2,000 pages
-- of a table larger than memory).
CREATE INDEX claims_id_facets ON claims (id, article_id, metric_key, approx, period);
CREATE INDEX articles_id_source ON articles (id, source_id);
