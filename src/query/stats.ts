/** What a database holds: counts by kind, the most-cited documents, the officials most mentioned. */
import type { Db } from '../store/db.js';

export interface DbStats {
  pages: number;
  articles: number;
  facts: { legalRefs: number; documents: number; officials: number; persons: number; meetings: number; claims: number };
  bySource: { source: string; articles: number; first: string | null; last: string | null }[];
  topDocuments: { number: string; type: string | null; issued_on: string | null; articles: number }[];
  topOfficials: { name: string; titles: string; articles: number }[];
  frontier: { state: string; n: number }[];
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function readStats(db: Db, limit = 5): DbStats {
  return {
    pages: count(db, 'SELECT COUNT(*) AS n FROM pages'),
    articles: count(db, 'SELECT COUNT(*) AS n FROM articles'),
    facts: {
      legalRefs: count(db, 'SELECT COUNT(*) AS n FROM legal_refs'),
      documents: count(db, 'SELECT COUNT(*) AS n FROM legal_documents'),
      officials: count(db, 'SELECT COUNT(*) AS n FROM official_mentions'),
      persons: count(db, 'SELECT COUNT(*) AS n FROM persons'),
      meetings: count(db, 'SELECT COUNT(*) AS n FROM meetings'),
      claims: count(db, 'SELECT COUNT(*) AS n FROM claims'),
    },
    bySource: db.prepare(`SELECT COALESCE(source_id, '(none)') AS source, COUNT(*) AS articles, MIN(substr(published_at, 1, 10)) AS first,
      MAX(substr(published_at, 1, 10)) AS last FROM articles GROUP BY source_id ORDER BY articles DESC`).all() as DbStats['bySource'],
    topDocuments: db.prepare(`SELECT d.number, d.type, d.issued_on, COUNT(DISTINCT r.article_id) AS articles FROM legal_documents d
      JOIN legal_refs r ON r.document_id = d.id GROUP BY d.id ORDER BY articles DESC, d.number LIMIT ?`).all(limit) as DbStats['topDocuments'],
    // The ranking first, the titles of those ranked after: a titles subquery beside the GROUP BY ran for every
    // person before the LIMIT (16 s at 200,000 articles). official_mentions holds one row per article and
    // person, so COUNT(*) is the number of articles.
    topOfficials: db.prepare(`SELECT t.name, (SELECT group_concat(title, '; ') FROM (SELECT title FROM positions WHERE person_id = t.id
        ORDER BY articles DESC, last_seen DESC LIMIT 2)) AS titles, t.articles
      FROM (SELECT p.id, p.name, COUNT(*) AS articles FROM official_mentions m JOIN persons p ON p.id = m.person_id
        GROUP BY m.person_id ORDER BY articles DESC, p.name LIMIT ?) t ORDER BY t.articles DESC, t.name`).all(limit) as DbStats['topOfficials'],
    frontier: db.prepare('SELECT state, COUNT(*) AS n FROM frontier GROUP BY state ORDER BY state').all() as DbStats['frontier'],
  };
}
