/**
 * `vnpress claims`: numeric claims as a journalist looks for them — by metric, qualifier, period, source,
 * official or document, newest first — each with its sentence and article. With words to find, the claims
 * are searched (accent-insensitive) and ranked instead.
 */
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { filterSql, type Filters } from './filters.js';
import { search } from './search.js';
import { claimColumns } from './claim-columns.js';
import { claimTest, newestClaims } from './claim-scan.js';

export interface ClaimsOptions extends Filters {
  /** Words to find in the claim's metric and sentence. */
  query?: string | null;
  limit?: number;
}

export interface ClaimRow {
  id: number;
  article_id: number;
  published_at: string | null;
  source: string | null;
  metric: string;
  metric_key: string;
  value: number;
  unit: string;
  approx: string;
  period: string | null;
  sentence: string;
  /** The figure as written, and where it is in the article's text. */
  quote: string;
  span_start: number;
  span_end: number;
  comparison: string | null;
  /** The official or body the sentence quotes. */
  attributed_to: string | null;
  title: string | null;
  url: string;
}

export function listClaims(db: Db, options: ClaimsOptions = {}): ClaimRow[] {
  const limit = options.limit ?? 50;
  if (!(limit > 0)) throw new InputError('--limit must be a positive number');
  const select = `SELECT c.id, c.article_id, substr(a.published_at, 1, 10) AS published_at, a.source_id AS source, c.metric, c.metric_key, c.value, c.unit,
      c.approx, c.period, c.sentence, c.quote, c.span_start, c.span_end, c.comparison, c.source AS attributed_to, a.title, a.url
    FROM claims c JOIN articles a ON a.id = c.article_id`;
  const byId = db.prepare(`${select} WHERE c.id = ?`);
  const rows = (ids: readonly number[]) => ids.map((id) => byId.get(id) as ClaimRow | undefined).filter((r): r is ClaimRow => r !== undefined);
  if (!options.query?.trim()) {
    // The columns kept in memory (vnpress serve) find the newest in a pass over them; SQLite sorts every
    // claim that passes (0.2-0.4 s at a million claims with a broad filter or none).
    const cols = claimColumns(db);
    const test = cols ? claimTest(db, cols, options) : null;
    if (cols && test) return rows(newestClaims(cols, test, limit));
    const filter = filterSql(db, options, { claims: true });
    return db.prepare(`${select} WHERE 1 = 1 ${filter.sql} ORDER BY a.published_at DESC, c.id LIMIT @limit`).all({ ...filter.params, limit }) as ClaimRow[];
  }
  // With words: the ranked search, which applies every filter, then the rows of the claims it found, in its order.
  return rows(search(db, options.query, { ...options, in: 'claims', limit }).map((h) => h.id));
}
