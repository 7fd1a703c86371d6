/** `vnpress search`: accent-insensitive full-text search. */
import { openDb } from '../store/db.js';
import { search } from '../query/search.js';
import { formatOf, writeRows } from './output.js';
import { InputError } from '../errors.js';
import type { Filters } from '../query/filters.js';

export function runSearch(query: string, opts: Filters & { db: string; in: string; raw?: boolean; exact?: boolean; limit: number; json?: boolean; nl?: boolean; csv?: boolean }): void {
  if (!['articles', 'claims', 'officials', 'documents'].includes(opts.in)) throw new InputError(`--in must be articles, claims, officials or documents, not "${opts.in}"`);
  const db = openDb(opts.db, { readonly: true });
  try {
    const hits = search(db, query, { ...opts, in: opts.in as 'articles' | 'claims' | 'officials' | 'documents' });
    const format = formatOf(opts);
    const rows = hits.map((h) => opts.in === 'officials' ? { name: h.title, articles: h.articles, titles: h.snippet }
      : opts.in === 'documents' ? { document: h.title, issued_on: h.published_at, articles: h.articles, subject: h.snippet }
      : opts.in === 'claims'
      ? { published_at: h.published_at?.slice(0, 10) ?? null, value: h.value, unit: h.unit, approx: h.approx, period: h.period, metric: h.metric, snippet: h.snippet, title: h.title, url: h.url }
      : { published_at: h.published_at?.slice(0, 10) ?? null, source: h.source, title: h.title, snippet: h.snippet, url: h.url });
    writeRows(rows, format);
    if (format === 'table') process.stderr.write(`${hits.length} result${hits.length === 1 ? '' : 's'}\n`);
  } finally {
    db.close();
  }
}
