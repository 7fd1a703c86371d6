import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { listClaims } from '../../src/query/claims.js';
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

  it('says what is wrong with a filter', () => {
    expect(() => listClaims(db, { qualifier: 'roughly' })).toThrow(InputError);
    expect(() => listClaims(db, { period: 'last year' })).toThrow(/--period "last year" is not a period/);
    expect(() => listClaims(db, { official: 'Không Có Ai' })).toThrow(/no official named "Không Có Ai"/);
    expect(() => listClaims(db, { document: '999/2099/NĐ-CP' })).toThrow(/no legal document numbered/);
  });
});
