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
