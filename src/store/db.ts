/**
 * Opening the database: WAL mode, foreign keys, a busy timeout, and the numbered migrations in
 * db/migrations/ applied once each, in a transaction, recorded in schema_migrations.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from '../errors.js';
import { FtsIndex } from './fts-index.js';
import { RankIndex, announceIndexing } from './rank-index.js';

export type Db = Database.Database;

/** db/migrations/, found from both src/ (tests) and dist/src/ (the built CLI). */
export function migrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'db', 'migrations');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new StoreError('db/migrations/ not found next to the program; the installation is incomplete');
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(join(dir, f), 'utf8') }));
}

/** Applies the migrations not yet recorded; returns the versions applied now. */
export function migrate(db: Db, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}

export interface OpenOptions {
  readonly?: boolean;
}

/** Opens (creating if needed) and migrates the database at `path`; ':memory:' works for tests. */
export function openDb(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  if (options.readonly && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError(`database ${path} does not exist; run \`npm start\` or \`vnpress crawl\` first, or pass --db`);
  }
  // A database written by an older version is brought up to date before it is opened for reading, so that
  // read-only commands (search, export, crawl --status) work on it too.
  if (options.readonly && path !== ':memory:') upgradeForReading(path);
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new StoreError(`cannot open database ${path}: ${(e as Error).message}`, { cause: e });
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Readers (search, the web page, exports) read the database's pages through a memory map, up to SQLite's
  // limit of 2 GB, instead of one read() call per page: a ranked search reads megabytes of postings, and the
  // calls were a third of that time.
  if (options.readonly) db.pragma('mmap_size = 2147418112');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    try {
      migrate(db);
    } catch (e) {
      db.close();
      throw new StoreError(`cannot migrate database ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  return db;
}

function upgradeForReading(path: string): void {
  const pending = (() => {
    const ro = new Database(path, { readonly: true, fileMustExist: true });
    try {
      // Not a vnpress database (or an empty file): left as it is.
      if (!ro.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get()) return 0;
      const done = new Set((ro.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
      return loadMigrations().filter((m) => !done.has(m.version)).length;
    } finally {
      ro.close();
    }
  })();
  if (!pending) return;
  try {
    const rw = new Database(path);
    try {
      rw.pragma('busy_timeout = 5000');
      rw.pragma('foreign_keys = ON');
      migrate(rw);
      new FtsIndex(rw).catchUp();
      new RankIndex(rw).catchUp(announceIndexing(path));
    } finally {
      rw.close();
    }
  } catch (e) {
    throw new StoreError(`database ${path} was written by an older vnpress and needs ${pending} upgrade step${pending === 1 ? '' : 's'}, which failed (${(e as Error).message}); make the file writable or run \`vnpress crawl\` on it once`, { cause: e });
  }
}
