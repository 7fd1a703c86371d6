/** `vnpress claims`: numeric claims by metric, qualifier, period and the rest, as a table, JSON or CSV. */
import { openDb } from '../store/db.js';
import { listClaims, type ClaimsOptions } from '../query/claims.js';
import { formatOf, writeRows } from './output.js';

export function runClaims(query: string[], opts: ClaimsOptions & { db: string; limit?: number | string; json?: boolean; nl?: boolean; csv?: boolean }): void {
  const db = openDb(opts.db, { readonly: true });
  try {
    const rows = listClaims(db, { ...opts, query: query.join(' '), limit: opts.limit === undefined ? 50 : Number(opts.limit) });
    const format = formatOf(opts);
    writeRows(rows as unknown as Record<string, unknown>[], format, ['published_at', 'source', 'value', 'unit', 'approx', 'period', 'metric', 'metric_key', 'sentence', 'title', 'url']);
    if (format === 'table') process.stderr.write(`${rows.length} claim${rows.length === 1 ? '' : 's'}\n`);
  } finally {
    db.close();
  }
}
