/**
 * Facet counts beside a list of claims, as Datasette shows them: for each of source, metric, qualifier and
 * the period's year, how many of the matching claims have each value, most first.
 *
 * A connection that keeps the claims' columns in memory (`vnpress serve`, src/query/claim-columns.ts) counts
 * every matching claim: a few nanoseconds a claim. Otherwise SQLite counts, and counting every match of a
 * broad search in a million claims would cost more than the search, so the counts are taken over at most
 * `rankedCap` best-ranked claims for words alone, else `cap` matching claims, the first in index order;
 * `capped` says so, and the page says which.
 */
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { toFtsQuery } from './search.js';
import { inRankOrder, plainTerms, rankedMatches, type RankedMatches } from './rank.js';
import type { ClaimsOptions } from './claims.js';
import { filterSql } from './filters.js';
import { claimColumns } from './claim-columns.js';
import { claimTest, FacetCounter, filtered, passingMatches, type FacetValue } from './claim-scan.js';

export type { FacetValue };

export interface ClaimFacets {
  /** How many claims the counts are over. */
  counted: number;
  /** The cap was reached: there are more matching claims than were counted. */
  capped: boolean;
  /** Which were counted when capped: the best-ranked, or the first in index order. */
  among: 'best' | 'first';
  source: FacetValue[];
  metric: FacetValue[];
  qualifier: FacetValue[];
  year: FacetValue[];
}

const FACETS = {
  source: 'a.source_id',
  metric: "substr(c.metric_key, 1, instr(c.metric_key, '|') - 1)",
  qualifier: 'c.approx',
  year: 'substr(c.period, 1, 4)',
} as const;

export function claimFacets(db: Db, options: ClaimsOptions, { cap = 10_000, rankedCap = 2_000, top = 10 } = {}): ClaimFacets {
  const fromColumns = facetsFromColumns(db, options, top);
  if (fromColumns) return fromColumns;
  const filter = filterSql(db, options, { claims: true });
  const params: Record<string, string | number | null> = { ...filter.params, cap: cap + 1 };
  let match = '';
  if (options.query?.trim()) {
    const fts = toFtsQuery(options.query);
    if (!fts) throw new InputError('type a word to search for');
    // Words, prefixes and phrases: the best-ranked matches from the ranking index, looked up by id (the
    // FTS5 match list below costs 30 ms and more to read for a broad query at a million claims, and each
    // claim looked up is a random read: 10,000 took 70-130 ms on a database larger than memory). Without a
    // filter, the rankedCap best; with one, those of the best RANKED_EXAMINED that pass it (they are the best
    // that pass: any other ranks lower), read RANKED_CHUNK at a time until rankedCap pass.
    const words = plainTerms(fts);
    const ranked = words ? rankedMatches(db, 'claims', words) : null;
    if (ranked) {
      // INDEXED BY: SQLite prefers the rowid, but the covering indexes of migration 0011 are a fraction of the rows' pages.
      const lookup = db.prepare(`SELECT c.id AS id, ${COLUMNS} FROM claims c INDEXED BY claims_id_facets JOIN articles a INDEXED BY articles_id_facets ON a.id = c.article_id
        WHERE c.id IN (SELECT value FROM json_each(@ids)) ${filter.sql}`);
      const examine = filter.sql ? RANKED_EXAMINED : rankedCap + 1;
      const rows: FacetRow[] = [];
      let chunk: number[] = [];
      let seen = 0;
      const flush = () => {
        if (!chunk.length) return;
        // Looked up in rowid order (fewer pages), kept in rank order.
        const rank = new Map(chunk.map((id, i) => [id, i]));
        const found = lookup.all({ ...filter.params, ids: JSON.stringify([...chunk].sort((x, y) => x - y)) }) as (FacetRow & { id: number })[];
        rows.push(...found.sort((x, y) => rank.get(x.id)! - rank.get(y.id)!));
        chunk = [];
      };
      for (const m of inRankOrder(ranked, examine)) {
        if (seen++ >= examine || rows.length > rankedCap) break;
        chunk.push(m.id);
        if (chunk.length >= RANKED_CHUNK) flush();
      }
      flush();
      // More matches than were examined, or more passing than rankedCap: the counts are over part of them.
      const capped = rows.length > rankedCap || ranked.count > examine;
      const f = countFacets(rows.slice(0, rankedCap + 1), rankedCap, top, 'best');
      return { ...f, capped: f.capped || capped };
    }
    // The `+` keeps SQLite from driving the join from the match list: with a source filter it otherwise tested
    // every match against every article of the source (255 s for one query at a million claims, 0.39 s now).
    match = 'AND +c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH @q)';
    params.q = fts;
  }
  // The matching claims, at most cap + 1 of them (one more tells whether the cap was reached), with the
  // columns the facets group by; then each facet is a GROUP BY over that small set.
  const rows = db.prepare(`SELECT ${COLUMNS}
    FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1 ${filter.sql} ${match} LIMIT @cap`).all(params) as FacetRow[];
  return countFacets(rows, cap, top, 'first');
}

/**
 * Every claim that matches, counted from the columns kept in memory; null when this connection does not keep
 * them, or when the words or a filter are ones only SQLite can answer (a phrase ending in a prefix, a unit).
 */
function facetsFromColumns(db: Db, options: ClaimsOptions, top: number): ClaimFacets | null {
  const cols = claimColumns(db);
  if (!cols) return null;
  const test = claimTest(db, cols, options);
  if (!test) return null;
  const counter = new FacetCounter(cols);
  if (options.query?.trim()) {
    const fts = toFtsQuery(options.query);
    if (!fts) throw new InputError('type a word to search for');
    const words = plainTerms(fts);
    const ranked = words ? rankedMatches(db, 'claims', words) : null;
    if (!ranked) return null;
    // The same matches the page's list ranked, already tested (passingMatches keeps them), and their counts
    // kept with them: the page's .json and its next pages show the same facets.
    const passing = filtered(options) ? passingMatches(ranked, test) : ranked;
    const kept = countsKept.get(passing);
    if (kept?.top === top) return kept.facets;
    counter.addAll(passing.ids, passing.count);
    const facets: ClaimFacets = { ...counter.counts(top), capped: false, among: 'best' };
    countsKept.set(passing, { top, facets });
    return facets;
  }
  for (let id = 1; id < cols.article.length; id++) if (test(id)) counter.add(id);
  return { ...counter.counts(top), capped: false, among: 'best' };
}

const countsKept = new WeakMap<RankedMatches, { top: number; facets: ClaimFacets }>();

type FacetRow = Record<keyof typeof FACETS, string | null>;
/** With a filter: how many of the best-ranked matches are examined, and how many are looked up at a time. */
const RANKED_EXAMINED = 8_000;
const RANKED_CHUNK = 2_000;
const COLUMNS = Object.entries(FACETS).map(([k, sql]) => `${sql} AS ${k}`).join(', ');

function countFacets(rows: FacetRow[], cap: number, top: number, among: ClaimFacets['among']): ClaimFacets {
  const capped = rows.length > cap;
  if (capped) rows.pop();
  const count = (k: keyof typeof FACETS): FacetValue[] => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const v = r[k];
      if (v) m.set(v, (m.get(v) ?? 0) + 1);
    }
    return [...m.entries()].map(([value, n]) => ({ value, count: n }))
      .sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1)).slice(0, top);
  };
  return { counted: rows.length, capped, among, source: count('source'), metric: count('metric'), qualifier: count('qualifier'), year: count('year') };
}
