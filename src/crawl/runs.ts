/**
 * Crawl runs: each run is a row with its process id, host name and a heartbeat. A new run uses them to tell
 * a crawl that is still going (it refuses to start beside it: two processes would each keep their own
 * politeness and together hit a site twice as hard) from one that was killed, whose leases it takes back at
 * once instead of waiting for them to expire. `vnpress crawl --status` reads the same rows.
 */
import { hostname } from 'node:os';
import type { Db } from '../store/db.js';
import { VnpressError } from '../errors.js';

/** A run whose heartbeat is older than this is gone, even when its process id was reused. */
export const HEARTBEAT_STALE_MS = 60_000;

export interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  sources: string;
  fetched: number;
  articles: number;
  failed: number;
  status: 'running' | 'finished' | 'interrupted' | 'failed';
  pid: number | null;
  hostname: string | null;
  heartbeat_at: string | null;
  options: string | null;
  summary: string | null;
}

/** Another crawl is running on the same database. */
export class CrawlBusyError extends VnpressError {
  constructor(message: string) {
    super(message, { exitCode: 1 });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a run marked running is really alive: same machine and process alive, heartbeat fresh. */
export function runIsAlive(run: RunRow, now = Date.now()): boolean {
  if (run.status !== 'running') return false;
  const beat = run.heartbeat_at ? Date.parse(run.heartbeat_at) : Date.parse(run.started_at);
  if (now - beat > HEARTBEAT_STALE_MS) return false;
  if (run.hostname === hostname() && run.pid !== null) return processAlive(run.pid);
  return true;
}

export class CrawlRuns {
  constructor(private readonly db: Db) {}

  latest(): RunRow | undefined {
    return this.db.prepare('SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  }

  running(): RunRow[] {
    return this.db.prepare("SELECT * FROM crawl_runs WHERE status = 'running' ORDER BY id").all() as RunRow[];
  }

  /**
   * Starts a run: refuses when a live run holds the database; marks dead runs interrupted and gives their
   * leased URLs back to the queue (kill -9 leaves them leased). Returns the new run's id and how many URLs
   * were taken back.
   */
  start(sources: readonly string[], options: object): { runId: number; reclaimed: number } {
    return this.db.transaction(() => {
      let reclaimed = 0;
      for (const run of this.running()) {
        if (runIsAlive(run)) {
          throw new CrawlBusyError(`a crawl is already running on this database (run ${run.id}, process ${run.pid ?? '?'} on ${run.hostname ?? '?'}, started ${run.started_at}); `
            + `wait for it, follow it with \`vnpress crawl --status\`, or stop it (Ctrl-C, or kill ${run.pid ?? 'its process'}) and run again to continue`);
        }
        this.db.prepare("UPDATE crawl_runs SET status = 'interrupted', finished_at = COALESCE(heartbeat_at, started_at) WHERE id = ?").run(run.id);
      }
      // Leases without a live owner: the dead runs' and those of versions that did not record owners.
      reclaimed = this.db.prepare("UPDATE frontier SET state = 'queued', lease_until = NULL, lease_owner = NULL WHERE state = 'leased'").run().changes;
      const now = new Date().toISOString();
      const runId = Number(this.db.prepare(`INSERT INTO crawl_runs (started_at, sources, status, pid, hostname, heartbeat_at, options)
        VALUES (?, ?, 'running', ?, ?, ?, ?)`).run(now, JSON.stringify(sources), process.pid, hostname(), now, JSON.stringify(options)).lastInsertRowid);
      return { runId, reclaimed };
    }).immediate();
  }

  heartbeat(runId: number, counts: { fetched: number; articles: number; failed: number }): void {
    this.db.prepare('UPDATE crawl_runs SET heartbeat_at = ?, fetched = ?, articles = ?, failed = ? WHERE id = ?')
      .run(new Date().toISOString(), counts.fetched, counts.articles, counts.failed, runId);
  }

  finish(runId: number, status: 'finished' | 'interrupted' | 'failed', counts: { fetched: number; articles: number; failed: number }, summary: object): void {
    const now = new Date().toISOString();
    this.db.prepare('UPDATE crawl_runs SET finished_at = ?, heartbeat_at = ?, fetched = ?, articles = ?, failed = ?, status = ?, summary = ? WHERE id = ?')
      .run(now, now, counts.fetched, counts.articles, counts.failed, status, JSON.stringify(summary), runId);
  }
}
