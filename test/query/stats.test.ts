import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { readStats } from '../../src/query/stats.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

describe('readStats', () => {
  it('counts articles and facts and ranks documents and officials', () => {
    const s = readStats(db);
    expect(s.articles).toBe(41);
    expect(s.bySource.map((b) => b.source).sort()).toEqual(['baochinhphu', 'chinhphu', 'en-baochinhphu', 'en-mic', 'hanoi', 'mic', 'mof', 'moit', 'mpi', 'mst', 'vnexpress']);
    expect(s.facts.claims).toBeGreaterThan(100);
    expect(s.topDocuments[0]!.articles).toBeGreaterThanOrEqual(s.topDocuments[1]!.articles);
    expect(s.topOfficials[0]!.name).toBe('Phạm Minh Chính');
  });
});
