/**
 * What a report shows, read from the database: the metrics most reported and their series, the most-cited
 * legal documents, the officials most mentioned, meetings by month and kind, and what the crawl covered per
 * source. Every section is filtered the same way (source, and the articles' publication dates), except the
 * metric series, whose axis is the period a figure is about: there the dates bound the periods, as in
 * `vnpress trend metric`.
 */
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { METRICS } from '../facts/data/metrics.js';
import { periodBounds } from '../text/dates.js';
import { filterSql } from './filters.js';
import { buckets, dayRange, groupBy, metricSeries, resolveMetric, type SeriesPoint } from './trends.js';

export interface ReportOptions {
  /** A year, month or day ("2024", "2024-07", "2024-07-15"). */
  since?: string | null;
  until?: string | null;
  source?: string | null;
  /** Metric keys to chart; by default the most reported catalog metrics. */
  metrics?: readonly string[];
  /** How many metrics, documents and officials (default 6, 15, 15). */
  topMetrics?: number;
  top?: number;
}

/** One metric's chart: the figures of one period length, unit and comparison, a line per source. */
export interface MetricChart {
  key: string;
  label: string;
  unit: string;
  /** "year", "half", "quarter", "month", "9 months", … : the period length drawn. */
  periods: string;
  comparison: string | null;
  lines: { source: string; points: SeriesPoint[] }[];
  /** Figures (claims) about periods of other lengths, left off this chart. */
  omittedLengths: number;
  /** Figures of this length in other units or on other comparisons (one per period and source), left off. */
  omittedKinds: number;
  /** Periods where articles disagree. */
  conflicts: number;
}

export interface SourceCoverage {
  source: string;
  name: string;
  articles: number;
  first: string | null;
  last: string | null;
  /** The crawl frontier's URLs by state (the whole crawl, not only the date range). */
  done: number;
  failed: number;
  skipped: number;
  queued: number;
}

export interface ReportData {
  generatedAt: string;
  since: string | null;
  until: string | null;
  source: string | null;
  totals: { articles: number; sources: number; claims: number; documents: number; officials: number; meetings: number };
  metrics: MetricChart[];
  documents: { number: string; type: string | null; issued_on: string | null; issuer: string | null; subject: string | null; articles: number }[];
  officials: { name: string; title: string | null; articles: number }[];
  meetings: { months: string[]; kinds: string[]; counts: number[][] };
  coverage: { sources: SourceCoverage[]; months: string[]; articles: number[][] };
}

const CATALOG_KEYS = new Set(METRICS.map((m) => m.key));
const MONTH_MS = 30.44 * 86_400_000;

/** The length of a period value, as a reader names it: figures of one length can share a line. */
export function periodLength(period: string): string | null {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-H[12]$/.test(period)) return 'half';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return 'day';
  const b = periodBounds(period);
  if (!b) return null;
  const months = Math.round((Date.parse(b[1]) + 86_400_000 - Date.parse(b[0])) / MONTH_MS);
  return `${months} months`;
}

/** The middle of a period, in ms: where its figure sits on a time axis. */
export function periodMiddle(period: string): number | null {
  const b = periodBounds(period);
  return b ? (Date.parse(b[0]) + Date.parse(b[1]) + 86_400_000) / 2 : null;
}

export function metricChart(db: Db, key: string, options: ReportOptions): MetricChart | null {
  const range = dayRange(options.since, options.until);
  // The period length with the most figures, counted from the index on (metric_key, period) alone; then only
  // those figures are read. Conflicts are per period, so reading one length's periods finds all of theirs.
  const { keys } = resolveMetric(db, key);
  const perPeriod = db.prepare(`SELECT c.period, COUNT(*) AS n FROM claims c ${options.source ? 'JOIN articles a ON a.id = c.article_id' : ''}
    WHERE c.metric_key IN (SELECT value FROM json_each(@keys)) AND c.period IS NOT NULL ${options.source ? 'AND a.source_id = @source' : ''}
    GROUP BY c.period`).all({ keys: JSON.stringify(keys), ...(options.source ? { source: options.source } : {}) }) as { period: string; n: number }[];
  const byLength = new Map<string, { periods: string[]; n: number }>();
  let inRange = 0;
  for (const { period, n } of perPeriod) {
    const length = periodLength(period);
    const start = periodBounds(period)?.[0];
    if (!length || !start || (range.since && start < range.since) || (range.until && start > range.until)) continue;
    inRange += n;
    const g = byLength.get(length) ?? { periods: [], n: 0 };
    g.periods.push(period);
    g.n += n;
    byLength.set(length, g);
  }
  const [chosen] = [...byLength.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  if (!chosen) return null;
  const series = metricSeries(db, key, { source: options.source, since: options.since, until: options.until, periods: chosen[1].periods });
  // Within that length, the largest group of comparable figures: one unit, one comparison.
  const groups = groupBy(series.points, (p) => `${p.unit}\u0000${p.comparison ?? ''}`);
  const [best] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  if (!best) return null;
  const bySource = groupBy(best[1], (p) => p.source ?? '(none)');
  return {
    key,
    // resolveMetric finds the catalog entry of a full key too ("gdp-growth|rate"); a text key has none.
    label: series.label ?? best[1][0]!.metric_key,
    unit: best[1][0]!.unit,
    periods: chosen[0],
    comparison: best[1][0]!.comparison,
    lines: [...bySource.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).map(([source, points]) => ({ source, points })),
    omittedLengths: inRange - chosen[1].n,
    omittedKinds: series.points.length - best[1].length,
    conflicts: new Set(best[1].filter((p) => p.conflict).map((p) => p.period)).size,
  };
}

export function reportData(db: Db, options: ReportOptions = {}, now = new Date()): ReportData {
  const range = dayRange(options.since, options.until);
  if (options.source && !db.prepare('SELECT 1 FROM sources WHERE id = ?').get(options.source)) {
    const known = (db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as string[]).join(', ');
    throw new InputError(`no source "${options.source}" in the database; known: ${known || '(none yet: run vnpress crawl)'}`);
  }
  const f = filterSql(db, { source: options.source, since: range.since, until: range.until });
  const top = options.top ?? 15;
  const count = (sql: string) => (db.prepare(sql).get(f.params) as { n: number }).n;
  // Without a filter the facts are counted from their own tables' indexes: every fact belongs to an article
  // (a foreign key), so the join to articles would only cost a lookup per row (seconds at a million claims).
  // legal_refs and official_mentions hold one row per article and document or person, so COUNT(*) per
  // document or person is the number of articles.
  const withArticles = (alias: string) => (f.sql ? `JOIN articles a ON a.id = ${alias}.article_id` : '');
  const totals = {
    articles: count(`SELECT COUNT(*) AS n FROM articles a WHERE 1 = 1 ${f.sql}`),
    sources: count(`SELECT COUNT(DISTINCT a.source_id) AS n FROM articles a WHERE 1 = 1 ${f.sql}`),
    claims: count(`SELECT COUNT(*) AS n FROM claims c ${withArticles('c')} WHERE 1 = 1 ${f.sql}`),
    documents: count(`SELECT COUNT(DISTINCT r.document_id) AS n FROM legal_refs r ${withArticles('r')} WHERE 1 = 1 ${f.sql}`),
    officials: count(`SELECT COUNT(DISTINCT m.person_id) AS n FROM official_mentions m ${withArticles('m')} WHERE 1 = 1 ${f.sql}`),
    meetings: count(`SELECT COUNT(*) AS n FROM meetings m ${withArticles('m')} WHERE 1 = 1 ${f.sql}`),
  };

  // Metrics: those asked for, or the catalog metrics with the most claims in the articles reported on.
  let keys = options.metrics?.length ? [...options.metrics] : [];
  if (!keys.length) {
    const counted = db.prepare(`SELECT c.metric_key AS key, COUNT(*) AS n FROM claims c ${withArticles('c')}
      WHERE 1 = 1 ${f.sql} GROUP BY c.metric_key ORDER BY n DESC, key`).all(f.params) as { key: string; n: number }[];
    keys = counted.filter((r) => CATALOG_KEYS.has(r.key.slice(0, r.key.indexOf('|')))).slice(0, options.topMetrics ?? 6).map((r) => r.key);
  }
  const metrics = keys.map((k) => metricChart(db, k, options)).filter((m): m is MetricChart => m !== null);

  const documents = db.prepare(`SELECT d.number, d.type, d.issued_on, d.issuer, d.subject, t.articles
    FROM (SELECT r.document_id, COUNT(*) AS articles FROM legal_refs r ${withArticles('r')} WHERE 1 = 1 ${f.sql} GROUP BY r.document_id) t
    JOIN legal_documents d ON d.id = t.document_id ORDER BY t.articles DESC, d.number LIMIT @top`).all({ ...f.params, top }) as ReportData['documents'];

  const latestTitle = db.prepare<[number], { title: string }>(`SELECT t.title FROM official_titles t JOIN articles a ON a.id = t.article_id
    WHERE t.person_id = ? ORDER BY a.published_at DESC, length(t.title) DESC LIMIT 1`);
  const officials = (db.prepare(`SELECT p.id, p.name, t.articles
    FROM (SELECT m.person_id, COUNT(*) AS articles FROM official_mentions m ${withArticles('m')} WHERE 1 = 1 ${f.sql} GROUP BY m.person_id) t
    JOIN persons p ON p.id = t.person_id ORDER BY t.articles DESC, p.name LIMIT @top`).all({ ...f.params, top }) as { id: number; name: string; articles: number }[])
    .map((o) => ({ name: o.name, title: latestTitle.get(o.id)?.title ?? null, articles: o.articles }));

  // Meetings by month of the meeting (the article's date when the text gives none), by kind: the four most
  // common kinds and "other".
  const meetingRows = db.prepare(`SELECT substr(COALESCE(m.date, a.published_at), 1, 7) AS month, m.kind, COUNT(*) AS n
    FROM meetings m JOIN articles a ON a.id = m.article_id WHERE COALESCE(m.date, a.published_at) IS NOT NULL ${f.sql}
    GROUP BY month, m.kind`).all(f.params) as { month: string; kind: string; n: number }[];
  const kindTotals = new Map<string, number>();
  for (const r of meetingRows) kindTotals.set(r.kind, (kindTotals.get(r.kind) ?? 0) + r.n);
  const ranked = [...kindTotals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const kinds = ranked.length > 5 ? [...ranked.slice(0, 4), 'other'] : ranked;
  const perMonth = db.prepare(`SELECT COALESCE(a.source_id, '(none)') AS source, substr(a.published_at, 1, 7) AS month, COUNT(*) AS n
    FROM articles a WHERE a.published_at IS NOT NULL ${f.sql} GROUP BY a.source_id, month`).all(f.params) as { source: string; month: string; n: number }[];
  // One month axis for meetings and coverage: from the first month with an article or a meeting to the last.
  const months = monthsOf([...perMonth.map((r) => r.month), ...meetingRows.map((r) => r.month)]);
  const meetingMonths = months;
  const meetingCounts = meetingMonths.map(() => kinds.map(() => 0));
  const monthIndex = new Map(meetingMonths.map((m, i) => [m, i]));
  for (const r of meetingRows) {
    const i = monthIndex.get(r.month);
    if (i === undefined) continue;
    const k = kinds.indexOf(r.kind);
    meetingCounts[i]![k >= 0 ? k : kinds.length - 1]! += r.n;
  }

  // Coverage: per source, the articles in range and the frontier's states; articles per source and month.
  const names = new Map((db.prepare('SELECT id, name FROM sources').all() as { id: string; name: string }[]).map((s) => [s.id, s.name]));
  const bySource = db.prepare(`SELECT COALESCE(a.source_id, '(none)') AS source, COUNT(*) AS articles, MIN(substr(a.published_at, 1, 10)) AS first,
      MAX(substr(a.published_at, 1, 10)) AS last FROM articles a WHERE 1 = 1 ${f.sql} GROUP BY a.source_id`).all(f.params) as { source: string; articles: number; first: string | null; last: string | null }[];
  const frontier = new Map((db.prepare(`SELECT source_id AS source, SUM(state = 'done') AS done, SUM(state = 'failed') AS failed,
      SUM(state = 'skipped') AS skipped, SUM(state IN ('queued', 'leased')) AS queued FROM frontier
      WHERE (@f_source IS NULL OR source_id = @f_source) GROUP BY source_id`).all({ f_source: options.source ?? null }) as
      { source: string | null; done: number; failed: number; skipped: number; queued: number }[]).map((r) => [r.source ?? '(none)', r]));
  const ids = [...new Set([...bySource.map((s) => s.source), ...frontier.keys()])];
  const sources: SourceCoverage[] = ids.map((id) => {
    const a = bySource.find((s) => s.source === id);
    const fr = frontier.get(id);
    return {
      source: id, name: names.get(id) ?? id, articles: a?.articles ?? 0, first: a?.first ?? null, last: a?.last ?? null,
      done: fr?.done ?? 0, failed: fr?.failed ?? 0, skipped: fr?.skipped ?? 0, queued: fr?.queued ?? 0,
    };
  }).sort((x, y) => y.articles - x.articles || y.done - x.done || (x.source < y.source ? -1 : 1));
  const coverageMonths = months;
  const cIndex = new Map(coverageMonths.map((m, i) => [m, i]));
  const sIndex = new Map(sources.map((s, i) => [s.source, i]));
  const articles = sources.map(() => coverageMonths.map(() => 0));
  for (const r of perMonth) {
    const i = sIndex.get(r.source), j = cIndex.get(r.month);
    if (i !== undefined && j !== undefined) articles[i]![j] = r.n;
  }

  return {
    generatedAt: now.toISOString(), since: range.since, until: range.until, source: options.source ?? null,
    totals, metrics, documents, officials,
    meetings: { months: meetingMonths, kinds, counts: meetingCounts },
    coverage: { sources, months: coverageMonths, articles },
  };
}

/** Every month from the first seen to the last, empty ones included. */
function monthsOf(seen: readonly string[]): string[] {
  const valid = seen.filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!valid.length) return [];
  return buckets(`${valid[0]}-01`, `${valid[valid.length - 1]}-01`, 'month').map((b) => b.period);
}
