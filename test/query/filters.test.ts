import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { filterSql, parseQualifier } from '../../src/query/filters.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

describe('filters', () => {
  it('reads qualifiers as codes or as the words of the articles, with or without diacritics', () => {
    expect(['hơn', 'hon', 'over', 'trên'].map(parseQualifier)).toEqual(['over', 'over', 'over', 'over']);
    expect(['gần', 'khoảng', 'ít nhất', 'không quá', 'dưới'].map(parseQualifier)).toEqual(['nearly', 'about', 'at_least', 'at_most', 'under']);
    expect(() => parseQualifier('roughly')).toThrow(/--qualifier "roughly" is not one vnpress knows/);
  });

  it('builds conditions with parameters, resolving an official and a document to their ids', () => {
    const f = filterSql(db, { source: 'mpi', since: '2023-01-01', official: 'Nguyen Chi Dung', document: '01/NQ-CP' });
    expect(f.sql).toMatch(/a\.source_id = @f_source AND a\.published_at >= @f_since AND EXISTS .*official_mentions.* AND EXISTS .*legal_refs/);
    expect(JSON.parse(f.params.f_persons!).length).toBe(1);
    expect(JSON.parse(f.params.f_docs!).length).toBeGreaterThan(0);
    const n = db.prepare(`SELECT COUNT(*) AS n FROM articles a WHERE 1 = 1 ${f.sql}`).get(f.params) as { n: number };
    expect(n.n).toBeGreaterThan(0);
  });

  it('matches a metric or a period and the keys it starts, exactly: no wildcard, the case of the catalog', () => {
    const count = (f: Parameters<typeof filterSql>[1]) => {
      const s = filterSql(db, f, { claims: true });
      return (db.prepare(`SELECT COUNT(*) AS n FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1 ${s.sql}`).get(s.params) as { n: number }).n;
    };
    const direct = (sql: string) => (db.prepare(`SELECT COUNT(*) AS n FROM claims WHERE ${sql}`).get() as { n: number }).n;
    expect(count({ metric: 'exports' })).toBe(direct("metric_key = 'exports' OR metric_key LIKE 'exports|%'"));
    expect(count({ metric: 'Exports' })).toBe(count({ metric: 'exports' }));
    expect(count({ metric: 'exports' })).toBeGreaterThan(0);
    // "_" is a character, not LIKE's any character; "2024" takes 2024-Q1 but not 2024/2026 nor 20240.
    expect(count({ metric: 'export_' })).toBe(0);
    expect(count({ period: '2024' })).toBe(direct("period = '2024' OR period LIKE '2024-%'"));
    expect(count({ period: '2024' })).toBeGreaterThan(count({ period: '2024-Q1' }));
    expect(count({ period: '2024-Q1' })).toBe(direct("period = '2024-Q1'"));
    expect(() => filterSql(db, { period: '2024' })).toThrow(/--period and --unit filter claims/);
  });

  it('refuses a date that is not one', () => {
    expect(() => filterSql(db, { since: '1/1/2024' })).toThrow(/--since "1\/1\/2024" is not a date; write it as YYYY-MM-DD/);
  });
});
