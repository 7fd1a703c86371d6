import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { WriteBatch } from '../../src/store/write-batch.js';

describe('WriteBatch', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  });
  afterEach(() => db.close());

  it('commits writes of one turn of the event loop together, each resolved with its result once committed', async () => {
    const batch = new WriteBatch(db);
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const results = await Promise.all([1, 2, 3].map((i) => batch.run(() => { insert.run(`k${i}`, i); return i * 10; })));
    expect(results).toEqual([10, 20, 30]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3 });
    // Not yet committed before the turn ends.
    const p = batch.run(() => insert.run('k4', 4));
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3 });
    await p;
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 4 });
  });

  it('a failing write is undone alone: its caller gets the error, the others commit', async () => {
    const batch = new WriteBatch(db);
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const outcomes = await Promise.allSettled([
      batch.run(() => insert.run('a', 1)),
      batch.run(() => { insert.run('b', 2); insert.run('c', null); }),
      batch.run(() => insert.run('d', 4)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/NOT NULL constraint failed: t\.v/);
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }, { k: 'd' }]);
  });

  it('commits at once when the batch is full', () => {
    const batch = new WriteBatch(db, 0, 2);
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    void batch.run(() => insert.run('a', 1));
    void batch.run(() => insert.run('b', 2));
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2 });
  });
});
