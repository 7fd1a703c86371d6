/**
 * A legal document and every article citing it, by date: `vnpress decree 42/2022/NĐ-CP`. The number may be
 * typed loosely ("42/2022/nd-cp", "42/2022/ND-CP", with spaces): it is matched on the document key, with D
 * for Đ accepted, as users without a Vietnamese keyboard type it.
 */
import type { Db } from '../store/db.js';
import { docKey } from '../facts/legal-refs.js';
import { foldKey } from '../text/normalize.js';

export interface DocumentCitations {
  number: string;
  type: string | null;
  issued_on: string | null;
  issuer: string | null;
  subject: string | null;
  citations: { published_at: string | null; source: string | null; title: string | null; url: string; quote: string; mentions: number }[];
}

/** Key used to compare numbers typed with or without Vietnamese letters. */
const looseKey = (number: string) => foldKey(docKey(number)).toUpperCase();

export function findDocuments(db: Db, number: string): DocumentCitations[] {
  const wanted = looseKey(number);
  const docs = (db.prepare('SELECT id, number, type, issued_on, issuer, subject FROM legal_documents').all() as (Omit<DocumentCitations, 'citations'> & { id: number })[])
    .filter((d) => looseKey(d.number) === wanted);
  const cites = db.prepare(`SELECT a.published_at, a.source_id AS source, a.title, a.url, r.quote, r.mentions FROM legal_refs r
    JOIN articles a ON a.id = r.article_id WHERE r.document_id = ? ORDER BY a.published_at, a.id`);
  return docs.map(({ id, ...d }) => ({ ...d, citations: cites.all(id) as DocumentCitations['citations'] }));
}
