/**
 * Trends over time: one metric's figures period by period (`vnpress trend metric gdp-growth`), how often the
 * articles name an official, cite a document or use a term, week by week or month by month (`vnpress trend
 * mentions`), and the distinctive terms of each month (`vnpress trend terms`).
 *
 * Metric series. A row is one figure per (period, unit, comparison, article source). The comparison is part
 * of what a figure is ("so với tháng trước" and "so với cùng kỳ năm trước" are two figures for the same
 * month, not one figure twice). When a source gives several values for the same row, the most recent
 * article's value is the row's, the first in that article's text when it gives several; `others` counts the
 * rest. Two articles that give different values for the same period and unit, on comparisons that do not
 * exclude each other (the same, or one unsaid), are a conflict: every value is listed side by side, with its
 * article, in `conflicts`, and the rows involved say `conflict: true`. A bound agrees with a value inside it
 * ("hơn 190 tỷ USD" and "190,08 tỷ USD" do not conflict); "khoảng" and "gần" values are taken as written,
 * without guessing a tolerance.
 *
 * Period order: by the period's first day, and of two periods starting the same day the wider first. So a
 * year comes before its first half, the half before its first quarter, the quarter before its first month
 * (2022, 2022-H1, 2022-Q1, 2022-01, 2022-Q2, …, 2022-H2, 2022-Q3, …), and a range "2021/2025" before 2021.
 * Figures without a period come last; periods that cannot be read as dates come just before them.
 */
import { createRequire } from 'node:module';
import type { Db } from '../store/db.js';
import type { Approx } from '../types.js';
import { METRICS, type MetricEntry } from '../facts/data/metrics.js';
import { metricTextKey, unitClass } from '../facts/metric-key.js';
import { periodBounds } from '../text/dates.js';
import { foldKey } from '../text/normalize.js';
import { filterSql } from './filters.js';
import { toFtsQuery } from './search.js';
import { STOP_PHRASES, STOP_SYLLABLES } from './data/vi-stopwords.js';
import { InputError } from '../errors.js';

// natural's submodules are loaded one by one: the package root loads every storage back end it supports
// and prints dotenv banners on stdout, which would corrupt --json output.
const requireCjs = createRequire(import.meta.url);
interface TfIdfTerm { term: string; tf: number; idf: number; tfidf: number }
interface TfIdfCorpus { addDocument(doc: string[], key?: string): void; listTerms(d: number): TfIdfTerm[] }
const TfIdf = requireCjs('natural/lib/natural/tfidf/tfidf') as new () => TfIdfCorpus;
const jaroWinkler = requireCjs('natural/lib/natural/distance/jaro-winkler_distance') as (a: string, b: string, options?: { ignoreCase?: boolean }) => number;

/** The word a qualified figure is written with, so that a series keeps "hơn 30.000" distinct from "30.000". */
export const QUALIFIER_WORDS: Readonly<Record<Approx, string>> = {
  exact: '',
  over: 'hơn',
  under: 'dưới',
  about: 'khoảng',
  nearly: 'gần',
  at_least: 'ít nhất',
  at_most: 'tối đa',
};

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Periods in the order described above. */
export function comparePeriods(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const pa = periodBounds(a);
  const pb = periodBounds(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : 1;
  if (pa[0] !== pb[0]) return pa[0] < pb[0] ? -1 : 1;
  if (pa[1] !== pb[1]) return pa[1] > pb[1] ? -1 : 1;
  return a < b ? -1 : 1;
}

/**
 * --since and --until as days: a year, a month or a day ("2024", "2024-07", "2024-07-15"); --since is the
 * first day of what it names, --until the last.
 */
export function dayRange(since?: string | null, until?: string | null): { since: string | null; until: string | null } {
  const read = (flag: string, value: string | null | undefined, end: 0 | 1) => {
    if (value === undefined || value === null || value === '') return null;
    const b = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) ? periodBounds(value) : null;
    if (!b || Number.isNaN(Date.parse(b[0]))) throw new InputError(`${flag} must be a year, a month or a day (2024, 2024-07, 2024-07-15), not "${value}"`);
    return b[end];
  };
  const range = { since: read('--since', since, 0), until: read('--until', until, 1) };
  if (range.since && range.until && range.since > range.until) throw new InputError(`--since ${since} is after --until ${until}; swap them`);
  return range;
}

// ---------------------------------------------------------------------------------------------------------
// Metric series

export interface MetricOptions {
  source?: string | null;
  since?: string | null;
  until?: string | null;
  /** A unit as written ("%", "USD") or its class in the key ("rate", "usd"). */
  unit?: string | null;
  /** Only these period values ("2024-Q1", …): a chart of one period length reads only its figures. */
  periods?: readonly string[] | null;
}

export interface SeriesValue {
  /** The claim: /claims/<id> in `vnpress serve` shows its sentence in its article. */
  claim_id: number;
  value: number;
  unit: string;
  approx: Approx;
  /** "hơn", "gần", "khoảng" …; empty for an exact figure. */
  qualifier: string;
  comparison: string | null;
  source: string | null;
  published_at: string | null;
  url: string;
  title: string | null;
}

export interface SeriesPoint extends SeriesValue {
  period: string | null;
  metric_key: string;
  /** Other values the same source gave for this period, unit and comparison (older articles, or later in the text). */
  others: number;
  /** Another article gives a different value for this period and unit on a compatible comparison. */
  conflict: boolean;
}

export interface Conflict {
  period: string | null;
  unit: string;
  /** The comparison the values share; null when none of them says. */
  comparison: string | null;
  /** Every value given, one per article and figure, most recent article first. */
  values: SeriesValue[];
}

export interface MetricSeries {
  /** What was asked, and the metric keys it means (one per unit class: "exports|usd", "exports|rate"). */
  query: string;
  keys: string[];
  label: string | null;
  points: SeriesPoint[];
  conflicts: Conflict[];
}

interface ClaimRow {
  id: number;
  metric_key: string;
  period: string | null;
  value: number;
  unit: string;
  approx: Approx;
  comparison: string | null;
  span_start: number;
  article_id: number;
  source: string | null;
  published_at: string | null;
  url: string;
  title: string | null;
}

/** Catalog key, label or phrasing, folded, to the catalog entry. */
const CATALOG = new Map<string, MetricEntry>();
for (const e of METRICS) {
  for (const name of [e.key, e.label, ...e.phrasings]) if (!CATALOG.has(foldKey(name))) CATALOG.set(foldKey(name), e);
}

/** A typed metric as a key's first part, as the claims' keys were made. */
const slug = metricTextKey;

/**
 * The metric keys a typed metric means: a full key ("gdp-growth|rate"); a catalog key, label or phrasing
 * ("gdp-growth", "tăng trưởng GDP", "tang truong gdp"), for every unit class; or the text key of a metric
 * outside the catalog ("dong-gop", "đóng góp"). Empty when nothing fits.
 */
export function resolveMetric(db: Db, input: string): { keys: string[]; entry: MetricEntry | null } {
  const folded = foldKey(input.normalize('NFC')).trim();
  if (folded.includes('|')) {
    const [base = '', cls = ''] = folded.split('|');
    const wanted = `${slug(base) || base}|${cls.trim()}`;
    const exists = db.prepare<[string], number>('SELECT 1 FROM claims WHERE metric_key = ? LIMIT 1').pluck();
    const keys = [...new Set([folded, wanted])].filter((k) => exists.get(k) !== undefined).sort();
    return { keys, entry: keys.length ? CATALOG.get(base) ?? null : null };
  }
  const entry = CATALOG.get(folded) ?? null;
  const base = entry ? entry.key : slug(folded);
  return { keys: keysOf(db, base), entry };
}

/**
 * The metric keys "base|…" in the claims, one index seek per key: each step asks for the first key after the
 * last one found, so a million claims cost as much as a hundred ('|' sorts just before '}').
 */
function keysOf(db: Db, base: string): string[] {
  if (!base) return [];
  const first = db.prepare<[string, string], string>('SELECT metric_key FROM claims WHERE metric_key >= ? AND metric_key < ? ORDER BY metric_key LIMIT 1').pluck();
  const next = db.prepare<[string, string], string>('SELECT metric_key FROM claims WHERE metric_key > ? AND metric_key < ? ORDER BY metric_key LIMIT 1').pluck();
  const keys: string[] = [];
  for (let k = first.get(`${base}|`, `${base}}`); k !== undefined; k = next.get(k, `${base}}`)) keys.push(k);
  return keys;
}

/** The known metrics closest to a typed one (Jaro–Winkler over keys and catalog labels), best first. */
export function suggestMetrics(db: Db, input: string, limit = 5): string[] {
  const typed = slug(input) || foldKey(input);
  const bases = new Set<string>(METRICS.map((m) => m.key));
  for (const k of db.prepare('SELECT DISTINCT metric_key FROM claims').pluck().all() as string[]) bases.add(k.slice(0, k.indexOf('|')));
  const labels = new Map(METRICS.map((m) => [m.key, slug(m.label)]));
  return [...bases]
    .map((key) => ({ key, score: Math.max(jaroWinkler(typed, key), jaroWinkler(typed, labels.get(key) ?? key)) }))
    .filter((s) => s.score >= 0.7)
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.key);
}

const BASES = new Map<string, string>();

/**
 * The basis a figure is compared with, for telling figures apart: folded, and "cùng kỳ năm 2021" said of a
 * 2022 period read as "cùng kỳ năm trước", which it is.
 */
function basis(comparison: string | null, period: string | null): string | null {
  if (!comparison) return null;
  // A series repeats a few comparisons thousands of times: fold each pair once.
  const memo = `${comparison}\u0000${period ?? ''}`;
  const known = BASES.get(memo);
  if (known !== undefined) return known;
  if (BASES.size > 10_000) BASES.clear();
  let b = foldKey(comparison).replace(/\s+/g, ' ').trim();
  const year = period ? /^(\d{4})/.exec(period)?.[1] : undefined;
  if (year) b = b.replace(new RegExp(`\\bnam ${Number(year) - 1}\\b`), 'nam truoc');
  BASES.set(memo, b);
  return b;
}

/** The values a figure admits: a bound is a half line, anything else the number itself. */
function interval(v: { value: number; approx: Approx }): [number, number] {
  switch (v.approx) {
    case 'over':
    case 'at_least':
      return [v.value, Infinity];
    case 'under':
    case 'at_most':
      return [-Infinity, v.value];
    default:
      return [v.value, v.value];
  }
}
const agree = (a: { value: number; approx: Approx }, b: { value: number; approx: Approx }) => {
  const [a0, a1] = interval(a);
  const [b0, b1] = interval(b);
  // Values are stored in base units as floats ("7,72" → 7.72): equal within rounding is equal.
  const eps = 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  return a0 <= b1 + eps && b0 <= a1 + eps;
};

const byRecency = (a: ClaimRow, b: ClaimRow) =>
  (a.published_at ?? '') !== (b.published_at ?? '') ? ((a.published_at ?? '') < (b.published_at ?? '') ? 1 : -1)
    : a.article_id !== b.article_id ? b.article_id - a.article_id : a.span_start - b.span_start;

function valueOf(c: ClaimRow): SeriesValue {
  return {
    claim_id: c.id, value: c.value, unit: c.unit, approx: c.approx, qualifier: QUALIFIER_WORDS[c.approx] ?? '', comparison: c.comparison,
    source: c.source, published_at: c.published_at, url: c.url, title: c.title,
  };
}

/** One metric's figures, period by period and source by source, with the conflicts between articles. */
export function metricSeries(db: Db, key: string, options: MetricOptions = {}): MetricSeries {
  if (!key.trim()) throw new InputError('name a metric: a catalog key such as gdp-growth or cpi, or the metric as written ("tăng trưởng GDP")');
  const { keys, entry } = resolveMetric(db, key);
  if (!keys.length && !CATALOG.has(foldKey(key).trim())) {
    const near = suggestMetrics(db, key);
    throw new InputError(`no metric "${key}" in the catalog or the database; ${near.length ? `closest known: ${near.join(', ')}` : 'try a catalog key such as gdp-growth, cpi or exports'}`);
  }
  const range = dayRange(options.since, options.until);
  const unit = options.unit ? options.unit.normalize('NFC').trim() : null;
  const rows = (db.prepare(`SELECT c.id, c.metric_key, c.period, c.value, c.unit, c.approx, c.comparison, c.span_start, a.id AS article_id,
      a.source_id AS source, a.published_at, a.url, a.title
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.metric_key IN (SELECT value FROM json_each(@keys)) AND (@source IS NULL OR a.source_id = @source)
      AND (@periods IS NULL OR c.period IN (SELECT value FROM json_each(@periods)))`)
    .all({ keys: JSON.stringify(keys), source: options.source ?? null, periods: options.periods ? JSON.stringify(options.periods) : null }) as ClaimRow[])
    .filter((c) => !unit || c.unit === unit || unitClass(c.unit) === foldKey(unit))
    .filter((c) => {
      if (!range.since && !range.until) return true;
      // The series' axis is the period the figure is about, so the range filters periods (by their first day).
      const b = c.period ? periodBounds(c.period) : null;
      return !!b && (!range.since || b[0] >= range.since) && (!range.until || b[0] <= range.until);
    });

  // Conflicts: per period and unit, the figures on compatible comparisons (a figure that names none joins
  // every group, since it may be either).
  const conflicts: Conflict[] = [];
  const inConflict = new Set<number>();
  for (const group of groupBy(rows, (c) => `${c.period ?? ''}\u0000${c.unit}`).values()) {
    const named = groupBy(group.filter((c) => basis(c.comparison, c.period) !== null), (c) => basis(c.comparison, c.period)!);
    const unsaid = group.filter((c) => basis(c.comparison, c.period) === null);
    const sets = named.size ? [...named.values()].map((g) => [...g, ...unsaid]) : [unsaid];
    for (const set of sets) {
      const clash = set.some((a, i) => set.slice(i + 1).some((b) => a.article_id !== b.article_id && !agree(a, b)));
      if (!clash) continue;
      const sorted = [...set].sort(byRecency);
      for (const c of sorted) inConflict.add(c.id);
      const said = sorted.find((c) => c.comparison)?.comparison ?? null;
      conflicts.push({ period: sorted[0]!.period, unit: sorted[0]!.unit, comparison: said, values: sorted.map(valueOf) });
    }
  }
  conflicts.sort((a, b) => comparePeriods(a.period, b.period) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));

  const points: SeriesPoint[] = [];
  for (const group of groupBy(rows, (c) => [c.period ?? '', c.unit, basis(c.comparison, c.period) ?? '', c.source ?? ''].join('\u0000')).values()) {
    const [chosen, ...rest] = [...group].sort(byRecency);
    points.push({
      period: chosen!.period, metric_key: chosen!.metric_key, ...valueOf(chosen!), others: rest.length,
      conflict: group.some((c) => inConflict.has(c.id)),
    });
  }
  points.sort((a, b) => comparePeriods(a.period, b.period) || cmp(a.unit, b.unit) || cmp(a.comparison ?? '', b.comparison ?? '') || cmp(a.source ?? '', b.source ?? ''));
  return { query: key, keys, label: entry?.label ?? null, points, conflicts };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items by key, in their order, each group in its items' order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------
// Periods of the calendar

export type Every = 'week' | 'month';
export const EVERY: readonly Every[] = ['week', 'month'];

/** The ISO week (Monday to Sunday; week 1 holds the year's first Thursday) or the month of a day. */
export function bucketOf(day: string, every: Every): { period: string; from: string; to: string } {
  if (every === 'month') {
    const b = periodBounds(day.slice(0, 7))!;
    return { period: day.slice(0, 7), from: b[0], to: b[1] };
  }
  const t = Date.parse(`${day}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return { period: `${year}-W${String(week).padStart(2, '0')}`, from: isoDay(monday), to: isoDay(monday + 6 * DAY_MS) };
}

/** Every week or month from the one holding `first` to the one holding `last`, none left out. */
export function buckets(first: string, last: string, every: Every): { period: string; from: string; to: string }[] {
  const out: { period: string; from: string; to: string }[] = [];
  for (let b = bucketOf(first, every); b.from <= last; b = bucketOf(isoDay(Date.parse(`${b.to}T00:00:00Z`) + DAY_MS), every)) out.push(b);
  return out;
}

/** --every as given on the command line: week or month (month when not given). */
export function parseEvery(every: string | null | undefined): Every {
  const e = (every ?? 'month') as Every;
  if (!EVERY.includes(e)) throw new InputError(`--every must be week or month, not "${every}"`);
  return e;
}

// ---------------------------------------------------------------------------------------------------------
// Mentions over time

export interface MentionOptions {
  /** A person's name, with or without diacritics. */
  official?: string | null;
  /** A document number, "13/2023/NĐ-CP" or "13/2023/ND-CP". */
  document?: string | null;
  /** A word or phrase, found accent-insensitively in titles and texts. */
  term?: string | null;
  every?: Every;
  since?: string | null;
  until?: string | null;
  source?: string | null;
}

export interface MentionPoint {
  period: string;
  from: string;
  to: string;
  articles: number;
  /** Distinct stories: an article republished by several sites (a near-duplicate) counts once. */
  stories: number;
}

export interface MentionSeries {
  /** What was counted, as found: "Tô Lâm", "13/2023/NĐ-CP", "chuyển đổi số". */
  subject: string;
  officials: string[];
  documents: string[];
  term: string | null;
  every: Every;
  points: MentionPoint[];
  /** Matching articles without a publication date, which no period can hold. */
  undated: number;
}

/**
 * How many articles name an official, cite a document or use a term, per ISO week or month. Given several,
 * an article counts when it matches all of them. Every period of the range is listed, those with no article
 * too; the range is --since to --until, or the first to the last matching article.
 */
export function mentionSeries(db: Db, options: MentionOptions): MentionSeries {
  const every = parseEvery(options.every);
  if (!options.official && !options.document && !options.term) {
    throw new InputError('say what to count: --official "Tô Lâm", --document 13/2023/NĐ-CP or --term "chuyển đổi số"');
  }
  const range = dayRange(options.since, options.until);
  // The official and the document are resolved (or refused) as every listing does.
  const filter = filterSql(db, { source: options.source, official: options.official?.normalize('NFC'), document: options.document });
  // The term is one phrase: "chuyển đổi số" counts articles with those words in a row, not anywhere.
  const fts = options.term ? toFtsQuery(`"${options.term.replace(/"/g, ' ')}"`) : null;
  if (options.term && !fts) throw new InputError(`--term "${options.term}" has no word to search for`);

  const rows = db.prepare(`SELECT substr(a.published_at, 1, 10) AS day, COALESCE(a.duplicate_of, a.id) AS story FROM articles a
    WHERE (@fts IS NULL OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @fts)) ${filter.sql}`)
    .all({ ...filter.params, fts }) as { day: string | null; story: number }[];
  const dated = rows.filter((r): r is { day: string; story: number } => r.day !== null)
    .filter((r) => (!range.since || r.day >= range.since) && (!range.until || r.day <= range.until));
  const days = dated.map((r) => r.day).sort();
  const first = range.since ?? days[0];
  const last = range.until ?? days[days.length - 1];
  const points: MentionPoint[] = first && last ? buckets(first, last, every).map((b) => ({ ...b, articles: 0, stories: 0 })) : [];
  const index = new Map(points.map((p, i) => [p.period, i]));
  const stories = new Map<string, Set<number>>();
  for (const r of dated) {
    const p = points[index.get(bucketOf(r.day, every).period)!]!;
    p.articles++;
    const s = stories.get(p.period) ?? new Set<number>();
    s.add(r.story);
    stories.set(p.period, s);
    p.stories = s.size;
  }
  const names = filter.officials;
  const numbers = filter.documents;
  const term = options.term ? options.term.normalize('NFC').trim() : null;
  return {
    subject: [...names, ...numbers, ...(term ? [term] : [])].join(' + '),
    officials: names, documents: numbers, term, every, points, undated: rows.length - rows.filter((r) => r.day !== null).length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Distinctive terms

export interface TermOptions {
  every?: Every;
  since?: string | null;
  until?: string | null;
  source?: string | null;
  /** Terms per period. */
  limit?: number;
}

export interface PeriodTerm {
  period: string;
  rank: number;
  term: string;
  /** Times the phrase occurs in the period's articles. */
  count: number;
  /** count × inverse document frequency across periods, rounded to 3 decimals. */
  score: number;
  /** The period's articles: a term from a single article is weaker evidence than one from ten. */
  articles: number;
}

const STOP_SYLLABLE_SET = new Set(STOP_SYLLABLES.map((s) => s.normalize('NFC')));
const STOP_PHRASE_SET = new Set(STOP_PHRASES.map((s) => s.normalize('NFC')));
/** Punctuation ends a run of words: no phrase is counted across a comma, a full stop, a hyphen or a line. */
const RUN_BREAK = /[^\p{L}\p{M}\p{N} \t]+/u;
const SYLLABLE = /^[\p{L}\p{M}]+$/u;

/**
 * The two-syllable phrases of a text, lowercase NFC with diacritics kept ("chuyển đổi", not "chuyen doi":
 * folding would merge words such as "bảo vệ" and "báo về"). Pairs across punctuation, pairs holding a number
 * or a stop syllable, and stop phrases are left out.
 */
export function phrases(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFC').toLowerCase().split(RUN_BREAK)) {
    const words = run.split(/[ \t]+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if (!SYLLABLE.test(a) || !SYLLABLE.test(b) || STOP_SYLLABLE_SET.has(a) || STOP_SYLLABLE_SET.has(b)) continue;
      const phrase = `${a} ${b}`;
      if (!STOP_PHRASE_SET.has(phrase)) out.push(phrase);
    }
  }
  return out;
}

/**
 * Each period's most distinctive phrases: TF–IDF where a document is all the period's articles together, so
 * a phrase scores high in a month when it is frequent in that month and rare in the others.
 */
export function topTerms(db: Db, options: TermOptions = {}): PeriodTerm[] {
  const every = parseEvery(options.every);
  const limit = options.limit ?? 10;
  const range = dayRange(options.since, options.until);
  const rows = db.prepare(`SELECT substr(a.published_at, 1, 10) AS day, a.title, a.text FROM articles a
    WHERE a.published_at IS NOT NULL AND (@source IS NULL OR a.source_id = @source)
      AND (@since IS NULL OR substr(a.published_at, 1, 10) >= @since) AND (@until IS NULL OR substr(a.published_at, 1, 10) <= @until)
    ORDER BY a.published_at, a.id`).iterate({ source: options.source ?? null, since: range.since, until: range.until }) as Iterable<{ day: string; title: string | null; text: string }>;
  const periods = new Map<string, { terms: string[]; articles: number }>();
  for (const r of rows) {
    const period = bucketOf(r.day, every).period;
    const p = periods.get(period) ?? { terms: [], articles: 0 };
    for (const t of phrases(`${r.title ?? ''}\n${r.text}`)) p.terms.push(t);
    p.articles++;
    periods.set(period, p);
  }
  const order = [...periods.keys()].sort();
  const corpus = new TfIdf();
  for (const period of order) corpus.addDocument(periods.get(period)!.terms, period);
  return order.flatMap((period, d) => corpus.listTerms(d)
    // natural sorts by score only; ties are broken here so that the output is the same on every run.
    .sort((a, b) => b.tfidf - a.tfidf || b.tf - a.tf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit)
    .map((t, i) => ({ period, rank: i + 1, term: t.term, count: t.tf, score: Math.round(t.tfidf * 1000) / 1000, articles: periods.get(period)!.articles })));
}
