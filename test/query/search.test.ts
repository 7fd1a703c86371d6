import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { search, toFtsQuery, snippet } from '../../src/query/search.js';
import { InputError } from '../../src/errors.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

describe('toFtsQuery', () => {
  it('quotes each word, folds diacritics, keeps phrases and prefixes', () => {
    expect(toFtsQuery('Nghị định')).toBe('"nghi" "dinh"');
    expect(toFtsQuery('"hóa đơn điện tử" chuyen*')).toBe('"hoa don dien tu" "chuyen"*');
    expect(toFtsQuery('a OR b NEAR(c) "')).toBe('"a" "or" "b" "near" "c"');
  });
});

describe('search', () => {
  it('finds "Nghị định" when typed without diacritics, including đ', () => {
    const hits = search(db, 'nghi dinh bao ve du lieu ca nhan');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits[0]!.title).toMatch(/dữ liệu cá nhân/);
    expect(hits[0]!.snippet).toMatch(/\[[Nn]ghị\]/);
  });

  it('exact mode keeps only matches with the same diacritics', () => {
    const loose = search(db, 'dữ liệu', { limit: 100 });
    const folded = search(db, 'du lieu', { limit: 100 });
    const exact = search(db, 'dữ liệu', { exact: true, limit: 100 });
    expect(folded.map((h) => h.id)).toEqual(loose.map((h) => h.id));
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.length).toBeLessThan(loose.length);
    expect(exact.every((h) => loose.some((l) => l.id === h.id))).toBe(true);
    expect(search(db, 'dư liêu', { exact: true, limit: 100 })).toEqual([]);
  });

  it('searches claims with filters', () => {
    const hits = search(db, 'GDP', { in: 'claims', source: 'baochinhphu', limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.source === 'baochinhphu')).toBe(true);
    expect(hits.some((h) => h.value === 7.72 && h.unit === '%')).toBe(true);
  });

  it('exact mode reads on past the first results until it has enough exact ones', () => {
    const loose = search(db, 'dữ liệu', { limit: 500 });
    const exactAll = search(db, 'dữ liệu', { exact: true, limit: 500 });
    expect(exactAll.length).toBeLessThan(loose.length);
    // The first loose results need not be exact; asking for as many exact ones as exist still gets them all.
    expect(search(db, 'dữ liệu', { exact: true, limit: exactAll.length }).map((h) => h.id)).toEqual(exactAll.map((h) => h.id));
  });

  it('filters articles by an official they name and a document they cite', () => {
    const byOfficial = search(db, 'chuyen doi so', { official: 'Pham Minh Chinh', limit: 100 });
    expect(byOfficial.length).toBeGreaterThan(0);
    const all = search(db, 'chuyen doi so', { limit: 100 });
    expect(byOfficial.length).toBeLessThanOrEqual(all.length);
    const named = db.prepare(`SELECT DISTINCT m.article_id AS id FROM official_mentions m JOIN persons p ON p.id = m.person_id WHERE p.name = 'Phạm Minh Chính'`).all() as { id: number }[];
    expect(byOfficial.every((h) => named.some((n) => n.id === h.id))).toBe(true);
    const citing = search(db, 'du lieu', { document: '13/2023/ND-CP', limit: 100 });
    expect(citing.map((h) => h.title).join(' ')).toMatch(/dữ liệu cá nhân/);
    expect(citing.length).toBe(2);
  });

  it('filters claims by metric and qualifier', () => {
    const hits = search(db, 'GDP', { in: 'claims', metric: 'gdp-growth', qualifier: 'exact', limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.approx === 'exact')).toBe(true);
    expect(() => search(db, 'GDP', { metric: 'gdp-growth' })).toThrow(/--metric and --qualifier filter claims: add --in claims/);
  });

  it('FTS syntax typed in the box is just text', () => {
    expect(() => search(db, 'AND OR NOT "(')).not.toThrow();
  });

  it('a malformed raw query is an InputError with one line', () => {
    const err = (() => { try { search(db, 'AND (', { raw: true }); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/not valid FTS5 syntax/);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('snippet', () => {
  it('marks the match in the original text', () => {
    expect(snippet('Theo Nghị định số 42/2022/NĐ-CP của Chính phủ', ['nghi'], 10)).toBe('Theo [Nghị] định số 4…');
  });
});
