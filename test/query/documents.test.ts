import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { findDocuments } from '../../src/query/documents.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

describe('findDocuments', () => {
  it('lists one document with every citing article by date', () => {
    const [doc] = findDocuments(db, '13/2023/NĐ-CP');
    expect(doc).toMatchObject({ number: '13/2023/NĐ-CP', type: 'Nghị định', issued_on: '2023-04-17', issuer: 'Chính phủ' });
    // chinhphu.vn, baochinhphu.vn and its English edition ("Decree 13/2023/ND-CP", quoted as written).
    expect(doc!.citations.map((c) => c.published_at!.slice(0, 10))).toEqual(['2023-04-18', '2023-04-19', '2023-04-19']);
    for (const c of doc!.citations) expect(c.quote).toMatch(/13\/2023\/N[ĐD]-CP/);
  });
  it('accepts the number typed without Vietnamese letters or with other case', () => {
    expect(findDocuments(db, '13/2023/nd-cp')).toHaveLength(1);
    expect(findDocuments(db, '13 /2023/ND- CP')).toHaveLength(1);
  });
  it('finds nothing for a document no article cites', () => {
    expect(findDocuments(db, '999/2099/NĐ-CP')).toEqual([]);
  });
});
