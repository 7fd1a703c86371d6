/**
 * The state of a crawl job, read from the database alone, so that it works for a crawl running in another
 * terminal as well as for one that stopped or was killed: the latest run and whether it is alive, the
 * frontier by source and state, the recent fetch rate, and failures grouped by cause.
 */
import type { Db } from '../store/db.js';
import { CrawlRuns, runIsAlive, type RunRow } from './runs.js';

export interface FrontierCounts {
  source: string | null;
  queued: number;
  leased: number;
  done: number;
  failed: number;
  skipped: number;
}

export interface FailureCause {
  cause: string;
  count: number;
  example: { url: string; error: string | null };
}

export interface CrawlStatus {
  run: {
    id: number;
    state: 'running' | 'finished' | 'interrupted' | 'failed' | 'killed';
    sources: string[];
    startedAt: string;
    finishedAt: string | null;
    heartbeatAt: string | null;
    pid: number | null;
    hostname: string | null;
    fetched: number;
    articles: number;
    failed: number;
  } | null;
  frontier: FrontierCounts[];
  totals: Omit<FrontierCounts, 'source'>;
  /** Pages fetched in the last 5 minutes, per second. */
  recentRate: number;
  /** When the next queued URL is due (a retry waiting for its time), if any. */
  nextDue: string | null;
  failures: FailureCause[];
}

export function readCrawlStatus(db: Db, now = Date.now()): CrawlStatus {
  const latest = new CrawlRuns(db).latest();
  const frontier = db.prepare(`SELECT source_id AS source,
      SUM(state = 'queued') AS queued, SUM(state = 'leased') AS leased, SUM(state = 'done') AS done,
      SUM(state = 'failed') AS failed, SUM(state = 'skipped') AS skipped
    FROM frontier GROUP BY source_id ORDER BY source_id`).all() as FrontierCounts[];
  const totals = { queued: 0, leased: 0, done: 0, failed: 0, skipped: 0 };
  for (const f of frontier) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += f[k];
  const since = new Date(now - 5 * 60_000).toISOString();
  const recent = (db.prepare('SELECT COUNT(*) AS n FROM pages WHERE fetched_at >= ?').get(since) as { n: number }).n;
  const nextDue = (db.prepare("SELECT MIN(next_attempt_at) AS t FROM frontier WHERE state = 'queued'").get() as { t: string | null }).t;
  // Causes: the code recorded with the failure, with the HTTP status for HTTP errors ("http 404"). With MIN(),
  // SQLite takes last_error from the row that gave the URL: an example of each cause in one query.
  const failures = (db.prepare(`SELECT CASE WHEN last_reason = 'http' OR (last_reason IS NULL AND last_status IS NOT NULL)
        THEN 'http ' || last_status ELSE COALESCE(last_reason, 'unknown') END AS cause,
      COUNT(*) AS count, MIN(url) AS url, last_error AS error
    FROM frontier WHERE state IN ('failed', 'skipped') OR (state = 'queued' AND attempts > 0)
    GROUP BY cause ORDER BY count DESC, cause`).all() as { cause: string; count: number; url: string; error: string | null }[])
    .map((r) => ({ cause: r.cause, count: r.count, example: { url: r.url, error: r.error } }));
  return { run: latest ? describeRun(latest, now) : null, frontier, totals, recentRate: recent / 300, nextDue, failures };
}

function describeRun(r: RunRow, now: number): NonNullable<CrawlStatus['run']> {
  const state = r.status === 'running' && !runIsAlive(r, now) ? 'killed' : r.status;
  return {
    id: r.id, state, sources: JSON.parse(r.sources) as string[], startedAt: r.started_at, finishedAt: r.finished_at,
    heartbeatAt: r.heartbeat_at, pid: r.pid, hostname: r.hostname, fetched: r.fetched, articles: r.articles, failed: r.failed,
  };
}
