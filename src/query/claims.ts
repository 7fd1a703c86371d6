/**
 * `vnpress claims`: numeric claims as a journalist looks for them — by metric, qualifier, period, source,
 * official or document, newest first — each with its sentence and article. With words to find, the claims
 * are searched (accent-insensitive) and ranked instead.
 */
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { filterSql, type Filters } from './filters.js';
import { search } from './search.js';

export interface ClaimsOptions extends Filters {
  /** Words to find in the claim's metric and sentence. */
  query?: string | null;
  /** Period, or its start: "2024" matches 2024, 2024-Q1, 2024-H1, 2024-06 … */
  period?: string | null;
  unit?: string | null;
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

/** The shared filters plus the claims' own: a period (or its start: "2024" takes 2024-Q1 …) and a unit. */
export function claimFilterSql(db: Db, options: ClaimsOptions): { sql: string; params: Record<string, string | null> } {
  const filter = filterSql(db, options, { claims: true });
  let sql = filter.sql;
  const params: Record<string, string | null> = { ...filter.params };
  if (options.period) {
    if (!/^\d{4}(?:-[\w/-]+)?$/.test(options.period)) throw new InputError(`--period "${options.period}" is not a period; write 2024, 2024-Q2, 2024-H1 or 2024-06`);
    sql += " AND (c.period = @period OR c.period LIKE @period || '-%')";
    params.period = options.period;
  }
  if (options.unit) { sql += ' AND c.unit = @unit'; params.unit = options.unit; }
  return { sql, params };
}

export function listClaims(db: Db, options: ClaimsOptions = {}): ClaimRow[] {
  const limit = options.limit ?? 50;
  if (!(limit > 0)) throw new InputError('--limit must be a positive number');
  const filter = claimFilterSql(db, options);
  const params: Record<string, string | number | null> = { ...filter.params, limit };
  const where = filter.sql;
  const select = `SELECT c.id, c.article_id, substr(a.published_at, 1, 10) AS published_at, a.source_id AS source, c.metric, c.metric_key, c.value, c.unit,
      c.approx, c.period, c.sentence, c.quote, c.span_start, c.span_end, c.comparison, c.source AS attributed_to, a.title, a.url
    FROM claims c JOIN articles a ON a.id = c.article_id`;
  if (!options.query?.trim()) {
    return db.prepare(`${select} WHERE 1 = 1 ${where} ORDER BY a.published_at DESC, c.id LIMIT @limit`).all(params) as ClaimRow[];
  }
  // With words: the ranked search, then the rows for the claims it found, in its order.
  const hits = search(db, options.query, { ...options, in: 'claims', limit: Math.max(limit * 5, 100) });
  if (!hits.length) return [];
  const byId = db.prepare(`${select} WHERE c.id = @id ${where}`);
  const rows: ClaimRow[] = [];
  for (const h of hits) {
    const r = byId.get({ ...params, id: h.id }) as ClaimRow | undefined;
    if (r) rows.push(r);
    if (rows.length >= limit) break;
  }
  return rows;
}
