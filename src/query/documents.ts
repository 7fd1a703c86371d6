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
  /** Each citing article, with where in its text the document is cited (for the article view to mark). */
  citations: { article_id: number; published_at: string | null; source: string | null; title: string | null; url: string; quote: string; mentions: number; span_start: number; span_end: number }[];
}

/** Key used to compare numbers typed with or without Vietnamese letters. */
const looseKey = (number: string) => foldKey(docKey(number)).toUpperCase();

/** Ids of the documents a typed number can mean: the same key, or the same with D for Đ. */
export function findDocumentIds(db: Db, number: string): number[] {
  const exact = (db.prepare('SELECT id FROM legal_documents WHERE doc_key = ?').all(docKey(number)) as { id: number }[]).map((r) => r.id);
  if (exact.length) return exact;
  const wanted = looseKey(number);
  return (db.prepare('SELECT id, number FROM legal_documents').all() as { id: number; number: string }[])
    .filter((d) => looseKey(d.number) === wanted).map((d) => d.id);
}

export function findDocuments(db: Db, number: string): DocumentCitations[] {
  const ids = findDocumentIds(db, number);
  const one = db.prepare('SELECT id, number, type, issued_on, issuer, subject FROM legal_documents WHERE id = ?');
  const docs = ids.map((id) => one.get(id) as Omit<DocumentCitations, 'citations'> & { id: number });
  const cites = db.prepare(`SELECT a.id AS article_id, a.published_at, a.source_id AS source, a.title, a.url, r.quote, r.mentions, r.span_start, r.span_end FROM legal_refs r
    JOIN articles a ON a.id = r.article_id WHERE r.document_id = ? ORDER BY a.published_at, a.id`);
  return docs.map(({ id, ...d }) => ({ ...d, citations: cites.all(id) as DocumentCitations['citations'] }));
}
