/**
 * Claims answered from the columns kept in memory (src/query/claim-columns.ts): a filter as a test of a claim
 * id, facet counts over every claim that passes, and the newest claims that pass. Each does what the SQL of
 * filters.ts, facets.ts and claims.ts does, and the tests compare the two on the same database; a claim is
 * tested in a few nanoseconds, so counts are over every match instead of a sample.
 */
import type { Db } from '../store/db.js';
import type { ClaimColumns } from './claim-columns.js';
import { parseFilters, type Filters } from './filters.js';
import { restrict, type RankedMatches } from './rank.js';

export type ClaimTest = (id: number) => boolean;

/**
 * The filters as a test of a claim id; null when one of them is on a column the columns do not hold (unit),
 * and SQLite must answer. Bad filters throw the InputError filterSql would.
 */
export function claimTest(db: Db, cols: ClaimColumns, filters: Filters): ClaimTest | null {
  // A page asks twice (its list, its facets): the last tests are kept while the database is unchanged, and
  // being the same function, the matches they passed are kept too (passingMatches).
  const key = JSON.stringify(FILTER_KEYS.map((k) => filters[k] ?? null));
  let memo = tests.get(cols);
  if (!memo || memo.seen !== cols.seen) tests.set(cols, (memo = { seen: cols.seen, tests: new Map() }));
  if (memo.tests.has(key)) return memo.tests.get(key)!;
  const test = buildTest(db, cols, filters);
  if (memo.tests.size >= 8) memo.tests.delete(memo.tests.keys().next().value!);
  memo.tests.set(key, test);
  return test;
}

export const FILTER_KEYS = ['source', 'since', 'until', 'official', 'document', 'metric', 'qualifier', 'period', 'unit'] as const satisfies readonly (keyof Filters)[];
const tests = new WeakMap<ClaimColumns, { seen: number; tests: Map<string, ClaimTest | null> }>();

/** Whether any filter is set (without one, every claim passes). */
export const filtered = (filters: Filters) => FILTER_KEYS.some((k) => filters[k]);

/** The matches that pass a test, kept with the matches for the next caller with the same test. */
export function passingMatches(ranked: RankedMatches, test: ClaimTest): RankedMatches {
  let byTest = passed.get(ranked);
  if (!byTest) passed.set(ranked, (byTest = new WeakMap()));
  let m = byTest.get(test);
  if (!m) byTest.set(test, (m = restrict(ranked, test)));
  return m;
}
const passed = new WeakMap<RankedMatches, WeakMap<ClaimTest, RankedMatches>>();

function buildTest(db: Db, cols: ClaimColumns, filters: Filters): ClaimTest | null {
  const f = parseFilters(db, filters, { claims: true });
  if (f.unit) return null;
  const { article, metric, approx, period, source, published } = cols;
  // Article filters: one pass over the articles, then a lookup per claim.
  let articles: Uint8Array | null = null;
  if (f.source || f.since || f.until || f.persons || f.documents) {
    articles = new Uint8Array(source.length);
    const wanted = f.source === null ? 0 : cols.sources.find(f.source);
    for (let a = 0; a < source.length; a++) {
      const p = published[a];
      if (f.source !== null && source[a] !== wanted) continue;
      if (f.since !== null && !(p != null && p >= f.since)) continue;
      if (f.until !== null && !(p != null && p.slice(0, 10) <= f.until)) continue;
      articles[a] = 1;
    }
    if (f.persons) keepOnly(articles, db.prepare('SELECT DISTINCT article_id FROM official_mentions WHERE person_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(f.persons)) as number[]);
    if (f.documents) keepOnly(articles, db.prepare('SELECT DISTINCT article_id FROM legal_refs WHERE document_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(f.documents)) as number[]);
  }
  // Claim filters: which codes pass, decided once per code.
  const metrics = f.metric === null ? null : codesWhere(cols.metrics.values, (k) => k === f.metric || k.startsWith(`${f.metric}|`));
  const periods = f.period === null ? null : codesWhere(cols.periods.values, (p) => p === f.period || p.startsWith(`${f.period}-`));
  const qualifier = f.approx === null ? null : cols.approxes.find(f.approx);
  return (id) => {
    const a = article[id];
    if (!a) return false;
    if (articles !== null && articles[a] !== 1) return false;
    if (metrics !== null && metrics[metric[id]!] !== 1) return false;
    if (qualifier !== null && approx[id] !== qualifier) return false;
    if (periods !== null && periods[period[id]!] !== 1) return false;
    return true;
  };
}

/** Clears every article not in `ids`. */
function keepOnly(articles: Uint8Array, ids: readonly number[]): void {
  const named = new Uint8Array(articles.length);
  for (const id of ids) if (id < named.length) named[id] = 1;
  for (let a = 0; a < articles.length; a++) if (named[a] === 0) articles[a] = 0;
}

function codesWhere(values: readonly (string | null)[], pass: (v: string) => boolean): Uint8Array {
  const ok = new Uint8Array(values.length);
  values.forEach((v, code) => { if (v !== null && pass(v)) ok[code] = 1; });
  return ok;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface FacetCounts {
  counted: number;
  source: FacetValue[];
  metric: FacetValue[];
  qualifier: FacetValue[];
  year: FacetValue[];
}

/**
 * Counts of the claims `add`ed, by source, metric (the catalog key, without its unit class), qualifier and the
 * period's year: as facets.ts groups them in SQL.
 */
export class FacetCounter {
  counted = 0;
  // Counted by the columns' own codes, which the hot loop reads directly; grouped (metric keys by catalog key,
  // periods by year) only when the counts are read.
  private readonly bySource: Int32Array;
  private readonly byMetric: Int32Array;
  private readonly byApprox: Int32Array;
  private readonly byPeriod: Int32Array;

  constructor(private readonly cols: ClaimColumns) {
    this.bySource = new Int32Array(cols.sources.values.length);
    this.byMetric = new Int32Array(cols.metrics.values.length);
    this.byApprox = new Int32Array(cols.approxes.values.length);
    this.byPeriod = new Int32Array(cols.periods.values.length);
  }

  add(id: number): void {
    const a = this.cols.article[id]!;
    // A match newer than the columns (written between their refresh and the search): counted next time.
    if (a) this.tally(id, a);
  }

  /** Adds the first `n` ids of a list of matches. */
  addAll(ids: Float64Array, n: number): void {
    const article = this.cols.article;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const a = article[id]!;
      if (a) this.tally(id, a);
    }
  }

  private tally(id: number, article: number): void {
    const c = this.cols;
    this.counted++;
    this.bySource[c.source[article]!]!++;
    this.byMetric[c.metric[id]!]!++;
    this.byApprox[c.approx[id]!]!++;
    this.byPeriod[c.period[id]!]!++;
  }

  /** The `top` values of each facet, most first, then by value; none for a null or empty value. */
  counts(top: number): FacetCounts {
    const d = derived(this.cols);
    const grouped = (counts: Int32Array, of: Int32Array, size: number) => {
      const out = new Int32Array(size);
      for (let code = 0; code < counts.length; code++) out[of[code]!]! += counts[code]!;
      return out;
    };
    const list = (counts: Int32Array, names: readonly (string | null)[]): FacetValue[] => {
      const out: FacetValue[] = [];
      for (let code = 1; code < counts.length; code++) if (counts[code]! > 0 && names[code]) out.push({ value: names[code]!, count: counts[code]! });
      return out.sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1)).slice(0, top);
    };
    return {
      counted: this.counted,
      source: list(this.bySource, this.cols.sources.values),
      metric: list(grouped(this.byMetric, d.metricOf, d.metricNames.length), d.metricNames),
      qualifier: list(this.byApprox, this.cols.approxes.values),
      year: list(grouped(this.byPeriod, d.yearOf, d.yearNames.length), d.yearNames),
    };
  }
}

/**
 * The newest `limit` claims passing `test`, as `ORDER BY a.published_at DESC, c.id` orders them (an article
 * without a date last): every claim is tested once, counted by its article's place in date order, and only
 * those at or above the place where `limit` is reached are sorted.
 */
export function newestClaims(cols: ClaimColumns, test: ClaimTest, limit: number): number[] {
  const { dateRank, ranks } = dateOrder(cols);
  const article = cols.article;
  const passing = new Int32Array(article.length);
  let n = 0;
  const perRank = new Int32Array(ranks + 1);
  for (let id = 1; id < article.length; id++) {
    if (article[id] === 0 || !test(id)) continue;
    passing[n++] = id;
    perRank[dateRank[article[id]!]!]!++;
  }
  let cut = ranks;
  for (let sum = 0; cut > 0 && sum + perRank[cut]! < limit; cut--) sum += perRank[cut]!;
  const rankOf = (id: number) => dateRank[article[id]!]!;
  const newest: number[] = [];
  for (let i = 0; i < n; i++) if (rankOf(passing[i]!) >= cut) newest.push(passing[i]!);
  // Ids were collected in ascending order, and the sort is stable: within a date they stay so.
  return newest.sort((x, y) => rankOf(y) - rankOf(x)).slice(0, limit);
}

/** What the facets need beyond the columns (their values grouped), computed again when the columns change. */
interface Derived {
  version: number;
  /** Per metric key code: the code of its catalog key (before "|") in metricNames; 0 when it has none. */
  metricOf: Int32Array;
  metricNames: (string | null)[];
  /** Per period code: the code of its year (first four characters) in yearNames. */
  yearOf: Int32Array;
  yearNames: (string | null)[];
}

const derivedOf = new WeakMap<ClaimColumns, Derived>();

/** Per article id: its place in published_at order, 1 for the oldest date, 0 for none; ranks: the highest. */
interface DateOrder { version: number; dateRank: Int32Array; ranks: number }
const dateOrders = new WeakMap<ClaimColumns, DateOrder>();

function dateOrder(cols: ClaimColumns): DateOrder {
  const have = dateOrders.get(cols);
  if (have && have.version === cols.version) return have;
  const pub = cols.published;
  const dated: number[] = [];
  for (let a = 0; a < pub.length; a++) if (pub[a] != null) dated.push(a);
  // The order of SQLite's binary collation, which for these ASCII strings is JS's order of code units. Comparing
  // 200,000 strings took 0.6 s; ISO times ("2024-05-06T07:08:09+07:00", what the extractor stores) are compared
  // as numbers of their first 19 characters, the rest of the string breaking ties.
  const keys = new Float64Array(pub.length);
  let iso = true;
  for (const a of dated) if (Number.isNaN((keys[a] = isoKey(pub[a]!)))) { iso = false; break; }
  const text = (x: number, y: number) => (pub[x]! < pub[y]! ? -1 : pub[x]! > pub[y]! ? 1 : 0);
  dated.sort(iso ? (x, y) => keys[x]! - keys[y]! || text(x, y) : text);
  const dateRank = new Int32Array(pub.length);
  let ranks = 0;
  for (let i = 0; i < dated.length; i++) {
    if (i === 0 || pub[dated[i]!] !== pub[dated[i - 1]!]) ranks++;
    dateRank[dated[i]!] = ranks;
  }
  const d = { version: cols.version, dateRank, ranks };
  dateOrders.set(cols, d);
  return d;
}

/** "YYYY-MM-DDTHH:MM:SS…" as the number YYYYMMDDHHMMSS, which orders as the text does; NaN for anything else. */
function isoKey(s: string): number {
  if (s.length < 19) return NaN;
  let n = 0;
  for (let i = 0; i < 19; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7) { if (c !== 45) return NaN; continue; }
    if (i === 10) { if (c !== 84) return NaN; continue; }
    if (i === 13 || i === 16) { if (c !== 58) return NaN; continue; }
    if (c < 48 || c > 57) return NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

function derived(cols: ClaimColumns): Derived {
  const have = derivedOf.get(cols);
  if (have && have.version === cols.version) return have;
  const group = (values: readonly (string | null)[], key: (v: string) => string) => {
    const names: (string | null)[] = [null];
    const codes = new Map<string, number>();
    const of = new Int32Array(values.length);
    values.forEach((v, code) => {
      const k = v === null ? '' : key(v);
      if (!k) return;
      let c = codes.get(k);
      if (c === undefined) { c = names.length; names.push(k); codes.set(k, c); }
      of[code] = c;
    });
    return { of, names };
  };
  // As SQL's substr(metric_key, 1, instr(metric_key, '|') - 1): empty (not counted) without a "|".
  const metric = group(cols.metrics.values, (k) => k.slice(0, Math.max(0, k.indexOf('|'))));
  const year = group(cols.periods.values, (p) => p.slice(0, 4));
  const d: Derived = { version: cols.version, metricOf: metric.of, metricNames: metric.names, yearOf: year.of, yearNames: year.names };
  derivedOf.set(cols, d);
  return d;
}
