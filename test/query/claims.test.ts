import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { listClaims } from '../../src/query/claims.js';
import { search } from '../../src/query/search.js';
import { keepClaimColumns } from '../../src/query/claim-columns.js';
import { InputError } from '../../src/errors.js';
import { foldKey } from '../../src/text/normalize.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

describe('listClaims', () => {
  it('lists the claims of one metric, newest first, whatever their unit class', () => {
    const gdp = listClaims(db, { metric: 'gdp-growth', limit: 100 });
    expect(gdp.length).toBeGreaterThan(3);
    expect(gdp.every((c) => c.metric_key.startsWith('gdp-growth|'))).toBe(true);
    expect(gdp.some((c) => c.value === 7.72 && c.period === '2022-Q2')).toBe(true);
    const dates = gdp.map((c) => c.published_at ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by qualifier (code or Vietnamese word), period start and unit', () => {
    const over = listClaims(db, { qualifier: 'hơn', limit: 500 });
    expect(over.length).toBeGreaterThan(0);
    expect(over.every((c) => c.approx === 'over')).toBe(true);
    expect(listClaims(db, { qualifier: 'over', limit: 500 })).toEqual(over);
    const y2024 = listClaims(db, { period: '2024', unit: '%', limit: 500 });
    expect(y2024.length).toBeGreaterThan(0);
    expect(y2024.every((c) => (c.period === '2024' || c.period!.startsWith('2024-')) && c.unit === '%')).toBe(true);
  });

  it('searches the claims with words, keeping the other filters', () => {
    const rows = listClaims(db, { query: 'xuat khau', unit: 'USD', limit: 20 });
    expect(rows.length).toBeGreaterThan(0);
    // Both words, in any order or distance (a phrase would be quoted): "xuất nhập khẩu" has them too.
    expect(rows.every((c) => c.unit === 'USD' && ['xuat', 'khau'].every((w) => foldKey(`${c.metric} ${c.sentence}`).includes(w)))).toBe(true);
  });

  it('with words and a period or a unit, ranks the claims that pass them, however far down the unfiltered ranking they are', () => {
    // The matches of a common word, best first, and the period of the worst of them.
    const all = search(db, 'tang', { in: 'claims', limit: 10_000 }).map((h) => h.id);
    expect(all.length).toBeGreaterThan(100);
    const periodOf = db.prepare('SELECT period, unit FROM claims WHERE id = ?');
    const last = periodOf.get(all[all.length - 1]) as { period: string; unit: string };
    const year = last.period.slice(0, 4);
    const inYear = all.filter((id) => { const p = (periodOf.get(id) as { period: string | null }).period; return p === year || !!p?.startsWith(`${year}-`); });
    expect(listClaims(db, { query: 'tang', period: year, limit: 3 }).map((c) => c.id)).toEqual(inYear.slice(0, 3));
    const inUnit = all.filter((id) => (periodOf.get(id) as { unit: string }).unit === last.unit);
    expect(listClaims(db, { query: 'tang', unit: last.unit, limit: 3 }).map((c) => c.id)).toEqual(inUnit.slice(0, 3));
  });

  it('lists the same claims from the columns kept in memory as from SQLite', () => {
    const kept = fixtureDb();
    try {
      keepClaimColumns(kept);
      for (const options of [{}, { period: '2024' }, { qualifier: 'over', metric: 'exports' }, { query: 'xuat khau' }, { query: 'tang', period: '2022', qualifier: 'exact' }, { query: 'ty', unit: '%' }]) {
        expect(listClaims(kept, { ...options, limit: 25 }), JSON.stringify(options)).toEqual(listClaims(db, { ...options, limit: 25 }));
      }
    } finally {
      kept.close();
    }
  });

  it('says what is wrong with a filter', () => {
    expect(() => listClaims(db, { qualifier: 'roughly' })).toThrow(InputError);
    expect(() => listClaims(db, { period: 'last year' })).toThrow(/--period "last year" is not a period/);
    expect(() => listClaims(db, { official: 'Không Có Ai' })).toThrow(/no official named "Không Có Ai"/);
    expect(() => listClaims(db, { document: '999/2099/NĐ-CP' })).toThrow(/no legal document numbered/);
  });
});
