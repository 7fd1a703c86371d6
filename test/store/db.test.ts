import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDb, migrate, loadMigrations } from '../../src/store/db.js';
import { StoreError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('openDb and migrations', () => {
  it('applies every migration once, recorded, in WAL mode', () => {
    const path = join(dir.path, 'a.db');
    const db = openDb(path);
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    expect(versions).toEqual(loadMigrations().map((m) => m.version));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDb(path);
    expect(migrate(again)).toEqual([]);
    again.close();
  });

  it('rolls back a migration that fails, and records nothing for it', () => {
    const migrations = join(dir.path, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '0001_ok.sql'), 'CREATE TABLE t (x INTEGER);');
    writeFileSync(join(migrations, '0002_bad.sql'), 'CREATE TABLE u (y INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(/no such table: nowhere/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('t', 'u') ORDER BY name").all()).toEqual([{ name: 't' }]);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([{ version: 1, name: 'ok' }]);
    db.close();
  });

  it('a missing database opened for reading says what to do', () => {
    expect(() => openDb(join(dir.path, 'none.db'), { readonly: true })).toThrow(StoreError);
    expect(() => openDb(join(dir.path, 'none.db'), { readonly: true })).toThrow(/run `npm start` or `vnpress crawl` first/);
  });

  it('a database of an older version opened for reading is upgraded first', () => {
    const path = join(dir.path, 'old.db');
    const old = new Database(path);
    migrate(old, loadMigrations().filter((m) => m.version < 7));
    old.close();
    const db = openDb(path, { readonly: true });
    expect((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(loadMigrations().at(-1)!.version);
    expect(db.prepare('SELECT raw, converted_from FROM pages').all()).toEqual([]);
    db.close();
  });
});
