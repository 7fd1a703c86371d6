/**
 * The database as sqlite-utils reads it (Debian's `sqlite-utils`, which `.ci/run` installs): the tables and
 * views db/README.md documents, with their rows, the FTS tables searchable, plain SQL, and Vietnamese intact.
 * Datasette reads the same SQLite files through the same Python module.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/store/db.js';
import { fixtureDb } from '../query/fixture-db.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('vnpress-sqlite-utils-');
const DB = join(dir.path, 'vnpress.db');
let db: Db;
const run = (...args: string[]) => {
  try {
    return JSON.parse(execFileSync('sqlite-utils', args, { encoding: 'utf8' })) as Record<string, unknown>[];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('sqlite-utils is not installed: `apt-get install sqlite-utils` (.ci/run does)');
    throw e;
  }
};

beforeAll(() => { db = fixtureDb(DB); });
afterAll(() => { db.close(); dir.cleanup(); });

describe('the database in sqlite-utils', () => {
  it('lists every table db/README.md documents, with the row counts SQLite gives', () => {
    const tables = new Map(run('tables', DB, '--counts').map((t) => [t.table as string, t.count as number]));
    const readme = readFileSync(new URL('../../db/README.md', import.meta.url), 'utf8');
    const documented = [...readme.matchAll(/^\| `([a-z_]+)`(?:, `([a-z_]+)`)*(?:, `([a-z_]+)`)? \|/gm)].flatMap((m) => m.slice(1).filter(Boolean) as string[]);
    expect(documented.length).toBeGreaterThan(15);
    const views = new Set(run('views', DB).map((v) => v.view as string));
    for (const name of documented) {
      expect(tables.has(name) || views.has(name), `${name} is documented but sqlite-utils does not see it`).toBe(true);
      if (views.has(name)) continue;
      expect(tables.get(name), name).toBe((db.prepare(`SELECT COUNT(*) AS n FROM ${name}`).get() as { n: number }).n);
    }
    for (const t of ['articles', 'claims', 'legal_documents', 'persons', 'official_titles', 'meetings', 'articles_fts', 'claims_fts']) expect(tables.has(t), t).toBe(true);
  });

  it('reads the views, searches the FTS tables, and runs SQL, with Vietnamese as stored', () => {
    expect(run('views', DB).map((v) => v.view).sort()).toEqual(['claims_with_articles', 'document_citations', 'positions']);
    const claim = run('rows', DB, 'claims_with_articles', '--limit', '1')[0]!;
    expect(Object.keys(claim)).toEqual(expect.arrayContaining(['metric', 'value', 'unit', 'sentence', 'article_url']));
    const hits = run('search', DB, 'articles_fts', 'nghi dinh', '--limit', '3');
    expect(hits.length).toBeGreaterThan(0);
    const [doc] = run('query', DB, "SELECT number, type FROM legal_documents WHERE number = '13/2023/NĐ-CP'");
    expect(doc).toEqual({ number: '13/2023/NĐ-CP', type: 'Nghị định' });
  });
});
