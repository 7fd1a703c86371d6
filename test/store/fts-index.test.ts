import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { loadMigrations, migrate, openDb } from '../../src/store/db.js';
import { FtsIndex } from '../../src/store/fts-index.js';
import { search } from '../../src/query/search.js';
import { fixtureDb } from '../query/fixture-db.js';
import { tempDir } from '../helpers.js';

describe('officials and documents full-text index', () => {
  it('finds officials by any title the articles gave them, and documents by number or subject, without diacritics', () => {
    const db = fixtureDb();
    const ca = search(db, 'bo truong bo cong an', { in: 'officials', limit: 10 }).map((h) => h.title);
    expect(ca).toContain('Tô Lâm');
    const docs = search(db, 'bao ve du lieu ca nhan', { in: 'documents', limit: 5 });
    expect(docs[0]).toMatchObject({ title: 'Nghị định 13/2023/NĐ-CP', published_at: '2023-04-17', articles: 3 });
    expect(search(db, '13/2023/ND-CP', { in: 'documents' }).map((h) => h.title)).toEqual(['Nghị định 13/2023/NĐ-CP']);
    db.close();
  });

  it('a database from a version without the index is indexed when opened, even for reading', () => {
    const dir = tempDir();
    const path = join(dir.path, 'old.db');
    const old = new Database(path);
    migrate(old, loadMigrations().filter((m) => m.version < 9));
    old.prepare("INSERT INTO persons (person_key, name) VALUES ('tô lâm', 'Tô Lâm')").run();
    old.prepare("INSERT INTO legal_documents (doc_key, number, type, subject) VALUES ('13/2023/NĐ-CP', '13/2023/NĐ-CP', 'Nghị định', 'về bảo vệ dữ liệu cá nhân')").run();
    old.close();
    const db = openDb(path, { readonly: true });
    expect(search(db, 'to lam', { in: 'officials' }).map((h) => h.title)).toEqual(['Tô Lâm']);
    expect(search(db, 'du lieu', { in: 'documents' }).map((h) => h.title)).toEqual(['Nghị định 13/2023/NĐ-CP']);
    expect(new FtsIndex(openDb(':memory:')).catchUp()).toBe(0);
    db.close();
    dir.cleanup();
  });
});
