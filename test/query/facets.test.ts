import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { claimFacets, type FacetValue } from '../../src/query/facets.js';
import { search } from '../../src/query/search.js';
import { keepClaimColumns } from '../../src/query/claim-columns.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

/** The facet counts over the given claims, counted plainly in SQL. */
function expected(ids: number[], top = 10): Record<'source' | 'qualifier', FacetValue[]> {
  const rows = db.prepare(`SELECT a.source_id AS source, c.approx AS qualifier FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as { source: string; qualifier: string | null }[];
  const count = (k: 'source' | 'qualifier') => {
    const m = new Map<string, number>();
    for (const r of rows) if (r[k]) m.set(r[k]!, (m.get(r[k]!) ?? 0) + 1);
    return [...m].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1)).slice(0, top);
  };
  return { source: count('source'), qualifier: count('qualifier') };
}

describe('claimFacets', () => {
  it('counts every matching claim for words alone (from the ranking index)', () => {
    const ids = search(db, 'ty', { in: 'claims', limit: 10_000 }).map((h) => h.id);
    expect(ids.length).toBeGreaterThan(5);
    const f = claimFacets(db, { query: 'ty' });
    expect([f.counted, f.capped]).toEqual([ids.length, false]);
    expect({ source: f.source, qualifier: f.qualifier }).toEqual(expected(ids));
  });

  it('with a filter, counts the matching claims that pass it', () => {
    const source = claimFacets(db, { query: 'ty' }).source[0]!.value;
    const ids = search(db, 'ty', { in: 'claims', limit: 10_000, source }).map((h) => h.id);
    const f = claimFacets(db, { query: 'ty', source });
    expect(f.counted).toBe(ids.length);
    expect(f.source).toEqual([{ value: source, count: ids.length }]);
    expect(f.qualifier).toEqual(expected(ids).qualifier);
  });

  it('over the cap, counts the best-ranked matches and says so', () => {
    const best = search(db, 'ty', { in: 'claims', limit: 3 }).map((h) => h.id);
    const f = claimFacets(db, { query: 'ty' }, { rankedCap: 3 });
    expect([f.counted, f.capped, f.among]).toEqual([3, true, 'best']);
    expect({ source: f.source, qualifier: f.qualifier }).toEqual(expected(best));
    // With a filter: the best-ranked that pass it.
    const source = f.source[0]!.value;
    const bestOfSource = search(db, 'ty', { in: 'claims', limit: 3, source }).map((h) => h.id);
    const filtered = claimFacets(db, { query: 'ty', source }, { rankedCap: 3 });
    expect([filtered.counted, filtered.capped, filtered.among]).toEqual([3, true, 'best']);
    expect(filtered.qualifier).toEqual(expected(bestOfSource).qualifier);
    // A phrase is ranked from the index too.
    const bestPhrase = search(db, '"ty dong"', { in: 'claims', limit: 2 }).map((h) => h.id);
    const phrase = claimFacets(db, { query: '"ty dong"' }, { rankedCap: 2 });
    expect([phrase.counted, phrase.capped, phrase.among]).toEqual([2, true, 'best']);
    expect(phrase.qualifier).toEqual(expected(bestPhrase).qualifier);
    // Without the ranking index, through FTS5: the first matches in index order.
    db.exec("UPDATE rank_state SET built = 0 WHERE tbl = 'claims'");
    try {
      const first = claimFacets(db, { query: '"ty dong"' }, { cap: 2 });
      expect([first.counted, first.capped, first.among]).toEqual([2, true, 'first']);
    } finally {
      db.exec("UPDATE rank_state SET built = 1 WHERE tbl = 'claims'");
    }
  });

  it('without words, counts the claims the filters allow', () => {
    const all = (db.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n;
    expect(claimFacets(db, {}).counted).toBe(all);
  });
});

describe('claimFacets from the claims\' columns kept in memory', () => {
  let kept: Db;
  beforeAll(() => { kept = fixtureDb(); keepClaimColumns(kept); });
  afterAll(() => kept.close());

  it('counts every matching claim, with words and filters, uncapped', () => {
    const source = claimFacets(kept, { query: 'ty' }).source[0]!.value;
    for (const options of [{ query: 'ty' }, { query: 'ty', source }, { query: 'tang', period: '2024' }, { query: '"ty dong"', qualifier: 'hơn' }, { source }, { period: '2022' }, {}]) {
      // Every match, through FTS5 and SQL alone.
      const ids = options.query ? search(db, options.query, { ...options, in: 'claims', limit: 100_000 }).map((h) => h.id)
        : (db.prepare(`SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE (@source IS NULL OR a.source_id = @source)
            AND (@period IS NULL OR c.period = @period OR c.period LIKE @period || '-%')`).pluck().all({ source: null, period: null, ...options }) as number[]);
      expect(ids.length, JSON.stringify(options)).toBeGreaterThan(1);
      const f = claimFacets(kept, options, { rankedCap: 1, cap: 1 });
      expect([f.counted, f.capped], JSON.stringify(options)).toEqual([ids.length, false]);
      expect({ source: f.source, qualifier: f.qualifier }, JSON.stringify(options)).toEqual(expected(ids));
    }
  });
});

