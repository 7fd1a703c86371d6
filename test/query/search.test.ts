import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/store/db.js';
import { search, toFtsQuery, snippet, type SearchHit } from '../../src/query/search.js';
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
    expect(() => search(db, 'GDP', { metric: 'gdp-growth' })).toThrow(/--metric, --qualifier, --period and --unit filter claims: add --in claims/);
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

describe('search ranking with filters, on a database file', () => {
  let dir: string;
  let fdb: Db;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnpress-search-'));
    fdb = fixtureDb(join(dir, 'vnpress.db'));
  });
  afterAll(() => {
    fdb.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** Where the first hit that passes lies in the whole ranking: the cases below want it far down. */
  const firstAt = (all: SearchHit[], pass: (h: SearchHit) => boolean) => all.findIndex(pass);

  it('orders equal scores by id, so a search gives the same order every time', () => {
    const all = search(fdb, 'tang', { in: 'claims', limit: 1000 });
    expect(all.some((h, i) => i > 0 && h.rank === all[i - 1]!.rank)).toBe(true);
    all.slice(1).forEach((h, i) => {
      const prev = all[i]!;
      expect(prev.rank < h.rank || (prev.rank === h.rank && prev.id < h.id)).toBe(true);
    });
    expect(search(fdb, 'tang', { in: 'claims', limit: 1000 })).toEqual(all);
  });

  it('a source filter gives the first hits of the whole ranking from that source, however far down', () => {
    const all = search(fdb, 'tang', { in: 'claims', limit: 1000 });
    const mic = all.filter((h) => h.source === 'mic');
    expect(mic.length).toBeGreaterThanOrEqual(3);
    expect(firstAt(all, (h) => h.source === 'mic')).toBeGreaterThan(50);
    expect(search(fdb, 'tang', { in: 'claims', source: 'mic', limit: 2 })).toEqual(mic.slice(0, 2));
    expect(search(fdb, 'tang', { in: 'claims', source: 'mic', limit: 100 })).toEqual(mic);

    const articles = search(fdb, 'chinh phu', { limit: 1000 });
    const fromMic = articles.filter((h) => h.source === 'mic');
    expect(firstAt(articles, (h) => h.source === 'mic')).toBeGreaterThan(10);
    expect(search(fdb, 'chinh phu', { source: 'mic', limit: 1 })).toEqual(fromMic.slice(0, 1));
    expect(search(fdb, 'chinh phu', { source: 'mic', limit: 100 })).toEqual(fromMic);
  });

  it('date, official and metric filters keep the order of the whole ranking', () => {
    const articles = search(fdb, 'chinh phu', { limit: 1000 });
    const since = articles.filter((h) => h.published_at! >= '2025-03-01');
    expect(since.length).toBeGreaterThan(1);
    expect(search(fdb, 'chinh phu', { since: '2025-03-01', limit: 100 })).toEqual(since);
    const until = articles.filter((h) => h.published_at!.slice(0, 10) <= '2022-12-31');
    expect(until.length).toBeGreaterThan(1);
    expect(search(fdb, 'chinh phu', { until: '2022-12-31', limit: 2 })).toEqual(until.slice(0, 2));

    const named = new Set((fdb.prepare(`SELECT m.article_id AS id FROM official_mentions m JOIN persons p ON p.id = m.person_id
      WHERE p.name = 'Phạm Minh Chính'`).all() as { id: number }[]).map((r) => r.id));
    const byOfficial = articles.filter((h) => named.has(h.id));
    expect(byOfficial.length).toBeGreaterThan(1);
    expect(byOfficial.length).toBeLessThan(articles.length);
    expect(search(fdb, 'chinh phu', { official: 'Pham Minh Chinh', limit: 100 })).toEqual(byOfficial);

    const claims = search(fdb, 'tang', { in: 'claims', limit: 1000 });
    const keyOf = fdb.prepare<[number], { metric_key: string }>('SELECT metric_key FROM claims WHERE id = ?');
    const growth = claims.filter((h) => keyOf.get(h.id)!.metric_key.startsWith('gdp-growth|'));
    expect(growth.length).toBeGreaterThan(2);
    expect(firstAt(claims, (h) => growth.includes(h))).toBeGreaterThan(20);
    expect(search(fdb, 'tang', { in: 'claims', metric: 'gdp-growth', limit: 2 })).toEqual(growth.slice(0, 2));
    const over = claims.filter((h) => h.approx === 'over');
    expect(over.length).toBeGreaterThan(0);
    expect(search(fdb, 'tang', { in: 'claims', qualifier: 'hơn', limit: 100 })).toEqual(over.slice(0, 100));
  });

  it('exact mode reads on past the first ten times the limit until it has enough, in ranking order', () => {
    // "dòng" folds to "dong", which "đồng" also folds to: the exact hits are few and far down the ranking.
    const loose = search(fdb, 'dòng', { in: 'claims', limit: 1000 });
    const exact = loose.filter((h) => /(?<![\p{L}\p{N}])dòng(?![\p{L}\p{N}])/iu.test(fdb.prepare<[number], { sentence: string }>('SELECT sentence FROM claims WHERE id = ?').get(h.id)!.sentence));
    expect(exact.length).toBeGreaterThanOrEqual(2);
    expect(firstAt(loose, (h) => h === exact[0])).toBeGreaterThanOrEqual(10);
    expect(firstAt(loose, (h) => h === exact[1])).toBeGreaterThanOrEqual(20);
    expect(search(fdb, 'dòng', { in: 'claims', exact: true, limit: 1 })).toEqual(exact.slice(0, 1));
    expect(search(fdb, 'dòng', { in: 'claims', exact: true, limit: 2 })).toEqual(exact.slice(0, 2));
    expect(search(fdb, 'dòng', { in: 'claims', exact: true, limit: 100 })).toEqual(exact);
  });

  it('exact mode with a filter reads on past the first results, in ranking order', () => {
    const loose = search(fdb, 'chính phủ', { limit: 1000 });
    const exact = search(fdb, 'chính phủ', { exact: true, limit: 1000 });
    expect(exact.length).toBeGreaterThan(0);
    const exactMic = exact.filter((h) => h.source === 'mic');
    expect(exactMic.length).toBeGreaterThan(0);
    expect(exact.every((h) => loose.some((l) => l.id === h.id))).toBe(true);
    expect(search(fdb, 'chính phủ', { exact: true, source: 'mic', limit: exactMic.length })).toEqual(exactMic);
    expect(search(fdb, 'chinh phu', { exact: true, source: 'mic', limit: 5 })).toEqual([]);
  });
});

describe('snippet', () => {
  it('marks the match in the original text', () => {
    expect(snippet('Theo Nghị định số 42/2022/NĐ-CP của Chính phủ', ['nghi'], 10)).toBe('Theo [Nghị] định số 4…');
  });
});
