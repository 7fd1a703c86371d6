/**
 * `vnpress trend metric gdp-growth`: one metric's figures period by period, source by source, with the
 * conflicts between articles side by side. `vnpress trend mentions --official "Tô Lâm" --every week`: how
 * many articles name an official, cite a document or use a term, per week or month, with no period left
 * out. `vnpress trend terms --every month`: each month's most distinctive phrases (TF–IDF).
 *
 * Tables for terminals; --json gives the whole answer (the metric's conflicts in full), --nl and --csv one
 * row per point, where a metric's conflicting values are written out in the `conflicting` column.
 */
import { openDb } from '../store/db.js';
import {
  dayRange, mentionSeries, metricSeries, parseEvery, topTerms,
  type MetricSeries, type SeriesPoint, type SeriesValue,
} from '../query/trends.js';
import { formatOf, writeRows } from './output.js';
import { InputError } from '../errors.js';

interface Listing {
  db: string;
  json?: boolean;
  nl?: boolean;
  csv?: boolean;
}

interface Range {
  source?: string;
  since?: string;
  until?: string;
}

export type TrendMetricOptions = Listing & Range & { unit?: string };
export type TrendMentionsOptions = Listing & Range & { official?: string; document?: string; term?: string; every?: string };
export type TrendTermsOptions = Listing & Range & { every?: string; limit?: string | number };

const POINT_COLUMNS = ['period', 'value', 'qualifier', 'unit', 'comparison', 'source', 'published_at', 'url', 'others', 'conflict', 'conflicting', 'metric_key'];

/** A value as a reader says it: "hơn 190000000000 USD (moit 2024-07-15)". */
function said(v: SeriesValue): string {
  return `${v.qualifier ? `${v.qualifier} ` : ''}${v.value} ${v.unit} (${v.source ?? '?'} ${v.published_at?.slice(0, 10) ?? 'undated'})`;
}

/** The values that disagree with a point's, from the conflicts it is part of. */
function conflicting(series: MetricSeries, p: SeriesPoint): string {
  if (!p.conflict) return '';
  const others = series.conflicts
    .filter((c) => c.period === p.period && c.unit === p.unit && c.values.some((v) => v.url === p.url && v.value === p.value))
    .flatMap((c) => c.values.filter((v) => v.url !== p.url))
    .map(said);
  return [...new Set(others)].join('; ');
}

export function runTrendMetric(key: string, opts: TrendMetricOptions): void {
  dayRange(opts.since, opts.until);
  const db = openDb(opts.db, { readonly: true });
  try {
    const series = metricSeries(db, key, { source: opts.source ?? null, since: opts.since ?? null, until: opts.until ?? null, unit: opts.unit ?? null });
    const format = formatOf(opts);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
      return;
    }
    const rows = series.points.map((p) => ({ ...p, published_at: p.published_at?.slice(0, 10) ?? null, conflicting: conflicting(series, p) }));
    if (format !== 'table') {
      writeRows(rows, format, POINT_COLUMNS);
      return;
    }
    const name = series.label ? `${series.label} (${series.keys.join(', ') || key})` : series.keys.join(', ') || key;
    process.stdout.write(`${name}: ${series.points.length} figure${series.points.length === 1 ? '' : 's'}, ${series.conflicts.length} period${series.conflicts.length === 1 ? '' : 's'} with conflicting values\n`);
    if (!rows.length) {
      process.stdout.write(`no figure for this metric in ${opts.db}${opts.source || opts.since || opts.until || opts.unit ? ' with these filters' : ''}\n`);
      return;
    }
    writeRows(rows.map((r) => ({
      period: r.period ?? '(none)', value: `${r.qualifier ? `${r.qualifier} ` : ''}${r.value}`, unit: r.unit, comparison: r.comparison,
      source: r.source, published: r.published_at, others: r.others || '', conflict: r.conflict ? 'yes' : '',
    })), 'table');
    for (const c of series.conflicts) {
      process.stdout.write(`\nconflict for ${c.period ?? '(no period)'} in ${c.unit}${c.comparison ? `, ${c.comparison}` : ''}:\n`);
      writeRows(c.values.map((v) => ({
        value: `${v.qualifier ? `${v.qualifier} ` : ''}${v.value}`, source: v.source, published: v.published_at?.slice(0, 10) ?? null, url: v.url,
      })), 'table');
    }
  } finally {
    db.close();
  }
}

export function runTrendMentions(opts: TrendMentionsOptions): void {
  if (!opts.official && !opts.document && !opts.term) {
    throw new InputError('say what to count: --official "Tô Lâm", --document 13/2023/NĐ-CP or --term "chuyển đổi số" (several together count articles matching all)');
  }
  const every = parseEvery(opts.every);
  dayRange(opts.since, opts.until);
  const db = openDb(opts.db, { readonly: true });
  try {
    const series = mentionSeries(db, {
      official: opts.official ?? null, document: opts.document ?? null, term: opts.term ?? null, every,
      since: opts.since ?? null, until: opts.until ?? null, source: opts.source ?? null,
    });
    const format = formatOf(opts);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
      return;
    }
    if (format === 'table') {
      const total = series.points.reduce((n, p) => n + p.articles, 0);
      process.stdout.write(`${series.subject}: ${total} article${total === 1 ? '' : 's'} over ${series.points.length} ${every}${series.points.length === 1 ? '' : 's'}${series.undated ? ` (and ${series.undated} undated)` : ''}\n`);
    }
    writeRows(series.points as unknown as Record<string, unknown>[], format, ['period', 'from', 'to', 'articles', 'stories']);
  } finally {
    db.close();
  }
}

export function runTrendTerms(opts: TrendTermsOptions): void {
  const limit = opts.limit === undefined ? 10 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new InputError(`--limit must be a whole number above 0, not "${opts.limit}"`);
  const every = parseEvery(opts.every);
  dayRange(opts.since, opts.until);
  const db = openDb(opts.db, { readonly: true });
  try {
    const rows = topTerms(db, { every, limit, since: opts.since ?? null, until: opts.until ?? null, source: opts.source ?? null });
    writeRows(rows as unknown as Record<string, unknown>[], formatOf(opts), ['period', 'rank', 'term', 'count', 'score', 'articles']);
  } finally {
    db.close();
  }
}
