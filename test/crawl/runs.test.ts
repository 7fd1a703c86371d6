import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { spawnSync } from 'node:child_process';
import { openDb, type Db } from '../../src/store/db.js';
import { CrawlBusyError, CrawlRuns, runIsAlive, type RunRow } from '../../src/crawl/runs.js';
import { Frontier } from '../../src/crawl/frontier.js';

/** A process id that surely exists no more: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('CrawlRuns', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  it('records the run with its process and a heartbeat, then its end', () => {
    const runs = new CrawlRuns(db);
    const { runId, reclaimed } = runs.start(['mpi'], { since: '2024-01-01' });
    expect(reclaimed).toBe(0);
    expect(runs.latest()).toMatchObject({ id: runId, status: 'running', pid: process.pid, hostname: hostname(), options: '{"since":"2024-01-01"}' });
    runs.heartbeat(runId, { fetched: 5, articles: 2, failed: 1 });
    expect(runs.latest()).toMatchObject({ fetched: 5, articles: 2, failed: 1 });
    runs.finish(runId, 'finished', { fetched: 9, articles: 4, failed: 1 }, { note: 'x' });
    expect(runs.latest()).toMatchObject({ status: 'finished', fetched: 9, summary: '{"note":"x"}' });
  });

  it('refuses to start beside a live run', () => {
    const runs = new CrawlRuns(db);
    runs.start(['mpi'], {});
    expect(() => runs.start(['mpi'], {})).toThrow(CrawlBusyError);
    expect(() => runs.start(['mpi'], {})).toThrow(/a crawl is already running on this database \(run 1, process \d+/);
  });

  it('takes back the leases of a run whose process is gone, and marks it interrupted', () => {
    const runs = new CrawlRuns(db);
    const { runId } = runs.start(['mpi'], {});
    db.prepare('UPDATE crawl_runs SET pid = ? WHERE id = ?').run(deadPid(), runId);
    const f = new Frontier(db, runId);
    f.add([{ url: 'https://mpi.gov.vn/a', sourceId: null, kind: 'article' }, { url: 'https://mpi.gov.vn/b', sourceId: null, kind: 'article' }]);
    expect(f.leaseHost('mpi.gov.vn', 10).length).toBe(2);
    const next = runs.start(['mpi'], {});
    expect(next.reclaimed).toBe(2);
    expect(db.prepare('SELECT status FROM crawl_runs WHERE id = ?').get(runId)).toEqual({ status: 'interrupted' });
    expect(db.prepare("SELECT COUNT(*) AS n FROM frontier WHERE state = 'queued' AND lease_owner IS NULL").get()).toEqual({ n: 2 });
  });

  it('a run is dead when its heartbeat is stale, even if its process id lives (reused)', () => {
    const base: RunRow = { id: 1, started_at: new Date().toISOString(), finished_at: null, sources: '[]', fetched: 0, articles: 0, failed: 0,
      status: 'running', pid: process.pid, hostname: hostname(), heartbeat_at: new Date().toISOString(), options: null, summary: null };
    expect(runIsAlive(base)).toBe(true);
    expect(runIsAlive({ ...base, heartbeat_at: new Date(Date.now() - 120_000).toISOString() })).toBe(false);
    expect(runIsAlive({ ...base, pid: deadPid() })).toBe(false);
    expect(runIsAlive({ ...base, status: 'finished' })).toBe(false);
  });
});
