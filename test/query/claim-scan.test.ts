/**
 * The claims answered from the columns kept in memory must be the claims SQLite answers: every filter, the
 * newest-first order (dates shared by several articles, articles without a date) and the facet counts,
 * compared on the fixture database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { claimColumns, keepClaimColumns, type ClaimColumns } from '../../src/query/claim-columns.js';
import { claimTest, FacetCounter, newestClaims } from '../../src/query/claim-scan.js';
import { filterSql, type Filters } from '../../src/query/filters.js';
import { InputError } from '../../src/errors.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
let cols: ClaimColumns;
let FILTERS: Filters[];
beforeAll(() => {
  db = fixtureDb();
  // Dates the order must break by claim id (three articles published at the same moment), and an article
  // without a date, which comes last.
  db.exec(`UPDATE articles SET published_at = (SELECT published_at FROM articles WHERE id = 1) WHERE id IN (2, 3);
    UPDATE articles SET published_at = NULL WHERE id = 4`);
  keepClaimColumns(db);
  cols = claimColumns(db)!;
  const one = (sql: string) => db.prepare(sql).pluck().get() as string;
  const source = one('SELECT source_id FROM articles GROUP BY source_id ORDER BY COUNT(*) DESC LIMIT 1');
  const official = one('SELECT p.name FROM persons p JOIN official_mentions m ON m.person_id = p.id GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1');
  const document = one('SELECT d.number FROM legal_documents d JOIN legal_refs r ON r.document_id = d.id GROUP BY d.id ORDER BY COUNT(*) DESC LIMIT 1');
  const day = one('SELECT substr(published_at, 1, 10) FROM articles WHERE published_at IS NOT NULL ORDER BY published_at LIMIT 1 OFFSET 20');
  FILTERS = [
    {}, { source }, { source: 'no-such-source' }, { since: day }, { until: day }, { since: '2024-01-01', until: '2024-12-31' },
    { official }, { document }, { official, source },
    { metric: 'exports' }, { metric: 'EXPORTS' }, { metric: 'exports|usd' }, { metric: 'gdp' }, { metric: 'no-such-metric' },
    { qualifier: 'hơn' }, { qualifier: 'at_most' }, { period: '2024' }, { period: '2024-Q1' }, { period: '2022-H1' }, { period: '2022-06' },
    { source, period: '2024', qualifier: 'over' }, { since: day, metric: 'exports', qualifier: 'exact' },
  ];
});
afterAll(() => db.close());

function sqlIds(f: Filters, tail = 'ORDER BY c.id'): number[] {
  const s = filterSql(db, f, { claims: true });
  return db.prepare(`SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1 ${s.sql} ${tail}`).pluck().all(s.params) as number[];
}

function passing(f: Filters): number[] {
  const test = claimTest(db, cols, f)!;
  const ids: number[] = [];
  for (let id = 0; id < cols.article.length; id++) if (test(id)) ids.push(id);
  return ids;
}

describe('claimTest', () => {
  it('passes exactly the claims the SQL filters pass, for every filter and some together', () => {
    let nonEmpty = 0;
    for (const f of FILTERS) {
      const want = sqlIds(f);
      expect(passing(f), JSON.stringify(f)).toEqual(want);
      if (want.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(15);
    // The catalog key takes every unit class, the full key only its own; the case is the user's.
    expect(sqlIds({ metric: 'exports' }).length).toBeGreaterThan(sqlIds({ metric: 'exports|usd' }).length);
    expect(sqlIds({ metric: 'EXPORTS' })).toEqual(sqlIds({ metric: 'exports' }));
  });

  it('leaves a unit to SQLite, and refuses bad filters as the SQL does', () => {
    expect(claimTest(db, cols, { unit: '%' })).toBeNull();
    for (const bad of [{ since: '1/2/2024' }, { qualifier: 'lots' }, { period: 'last year' }, { official: 'Nobody Named This' }] as Filters[]) {
      expect(() => claimTest(db, cols, bad)).toThrow(InputError);
      expect(() => claimTest(db, cols, bad)).toThrow((() => { try { filterSql(db, bad, { claims: true }); } catch (e) { return (e as Error).message; } return 'no error'; })());
    }
  });
});

describe('newestClaims', () => {
  it('orders as ORDER BY published_at DESC, id: same dates by claim id, no date last', () => {
    for (const f of FILTERS) {
      for (const limit of [1, 7, 60, 10_000]) {
        expect(newestClaims(cols, claimTest(db, cols, f)!, limit), `${JSON.stringify(f)} ${limit}`)
          .toEqual(sqlIds(f, `ORDER BY a.published_at DESC, c.id LIMIT ${limit}`));
      }
    }
    const all = newestClaims(cols, claimTest(db, cols, {})!, 10_000);
    const undated = db.prepare('SELECT id FROM claims WHERE article_id = 4').pluck().all() as number[];
    expect(undated.length).toBeGreaterThan(0);
    expect(all.slice(-undated.length)).toEqual(undated);
  });

  it('orders times that share their first 19 characters, and dates in other forms, as SQLite does', () => {
    const check = () => {
      const c = claimColumns(db)!;
      for (const f of [{}, { qualifier: 'exact' }]) {
        for (const limit of [5, 10_000]) expect(newestClaims(c, claimTest(db, c, f)!, limit)).toEqual(sqlIds(f, `ORDER BY a.published_at DESC, c.id LIMIT ${limit}`));
      }
    };
    const latest = db.prepare('SELECT MAX(published_at) FROM articles').pluck().get() as string;
    const second = latest.slice(0, 19);
    db.prepare('UPDATE articles SET published_at = ? WHERE id = 5').run(`${second}+07:00`);
    db.prepare('UPDATE articles SET published_at = ? WHERE id = 6').run(`${second}Z`);
    db.prepare('UPDATE articles SET published_at = ? WHERE id = 7').run(second);
    check();
    // Not ISO times: compared as text throughout.
    db.prepare('UPDATE articles SET published_at = ? WHERE id = 8').run(latest.slice(0, 10));
    db.prepare("UPDATE articles SET published_at = '06/05/2024' WHERE id = 9").run();
    check();
  });
});

describe('FacetCounter', () => {
  it('counts sources, metrics (catalog key), qualifiers and years as SQL groups them', () => {
    for (const f of FILTERS) {
      const counter = new FacetCounter(cols);
      for (const id of passing(f)) counter.add(id);
      const s = filterSql(db, f, { claims: true });
      const group = (expr: string) => (db.prepare(`SELECT value, count FROM (SELECT ${expr} AS value, COUNT(*) AS count
        FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1 ${s.sql} GROUP BY 1)
        WHERE value IS NOT NULL AND value != '' ORDER BY count DESC, value LIMIT 10`).all(s.params));
      expect(counter.counts(10), JSON.stringify(f)).toEqual({
        counted: sqlIds(f).length,
        source: group('a.source_id'),
        metric: group("substr(c.metric_key, 1, instr(c.metric_key, '|') - 1)"),
        qualifier: group('c.approx'),
        year: group('substr(c.period, 1, 4)'),
      });
    }
  });
});
