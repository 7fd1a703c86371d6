/**
 * The crawl frontier in SQLite: every URL with its state, attempts, the time of its next attempt and a lease
 * (with its owner run) while in flight. URLs are leased per host, best first, through an index, so the cost
 * of a lease does not grow with the frontier. A killed run's leases are taken back by the next run
 * (`CrawlRuns.start`); a lease that expires also makes its URL ready again, so nothing queued or in flight
 * is ever lost.
 */
import type { Db } from '../store/db.js';
import type { FetchFailure } from '../errors.js';
import { canonicalizeUrl, hostOf } from './url.js';

export type UrlKind = 'start' | 'sitemap' | 'feed' | 'listing' | 'article';

export interface FrontierEntry {
  url: string;
  sourceId: string | null;
  host: string;
  kind: UrlKind;
  attempts: number;
  hintDate: string | null;
}

export interface EnqueueItem {
  url: string;
  sourceId: string | null;
  kind: UrlKind;
  priority?: number;
  hintDate?: string | null;
  from?: string | null;
}

export interface FailOptions {
  error: string;
  reason?: FetchFailure | 'extract';
  status?: number;
  retryable: boolean;
  attempts: number;
  maxAttempts: number;
  /** Wait before the retry (Retry-After); backoff with jitter when absent. */
  delayMs?: number;
  /** The backoff's first step. @default 2000 */
  backoffBaseMs?: number;
  /** Ends as 'skipped' (robots.txt, a content type we do not read) rather than 'failed'. */
  skipped?: boolean;
}

/** Exponential backoff with full jitter: up to base · 2^attempt, capped. */
export function backoffMs(attempt: number, baseMs = 2_000, capMs = 3_600_000, random = Math.random): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt)) + baseMs;
}

/**
 * One host's ready URLs, best first. "+next_attempt_at" keeps SQLite on the (host, state, priority) index,
 * read in order and stopped at the limit; without statistics it would rather scan every ready row of all
 * hosts and sort them.
 */
export const READY_OF_HOST_SQL = `SELECT url, source_id, host, kind, attempts, hint_date FROM frontier
        WHERE host = @host AND state = 'queued' AND +next_attempt_at <= @now
          AND (@source IS NULL OR source_id IN (SELECT value FROM json_each(@source)))
        ORDER BY priority DESC, next_attempt_at LIMIT @limit`;

/** When a host's next queued URL is due: read from the (host, state, next_attempt_at) index. */
export const NEXT_DUE_OF_HOST_SQL = `SELECT MIN(next_attempt_at) AS t FROM frontier WHERE host = @host AND state = 'queued'
  AND (@source IS NULL OR source_id IN (SELECT value FROM json_each(@source)))`;

type Row = { url: string; source_id: string | null; host: string; kind: UrlKind; attempts: number; hint_date: string | null };
const toEntry = (r: Row): FrontierEntry => ({ url: r.url, sourceId: r.source_id, host: r.host, kind: r.kind, attempts: r.attempts, hintDate: r.hint_date });

export class Frontier {
  private readonly stmts;
  private expiredCheckedAt = 0;

  /**
   * @param owner the run that takes leases (null in tests and tools that only read)
   * @param leaseMs how long a lease holds without its owner finishing: a backstop, since a killed owner's
   *   leases are taken back when the next run starts
   */
  constructor(private readonly db: Db, private readonly owner: number | null = null, private readonly leaseMs = 15 * 60_000) {
    this.stmts = {
      insert: db.prepare(`INSERT INTO frontier (url, source_id, host, kind, priority, next_attempt_at, hint_date, discovered_from, discovered_at, updated_at)
        VALUES (@url, @source_id, @host, @kind, @priority, @now, @hint_date, @from, @now, @now)
        ON CONFLICT (url) DO NOTHING`),
      hint: db.prepare('UPDATE frontier SET hint_date = @hint_date WHERE url = @url AND hint_date IS NULL AND @hint_date IS NOT NULL'),
      requeue: db.prepare(`UPDATE frontier SET state = 'queued', next_attempt_at = @now, updated_at = @now, attempts = 0
        WHERE url = @url AND state IN ('done', 'failed') AND kind != 'article'`),
      readyOfHost: db.prepare(READY_OF_HOST_SQL),
      // Leases of other owners only: this run's own leases are renewed by its heartbeat (renew), however long
      // a host's Retry-After or Crawl-delay keeps a URL waiting.
      expired: db.prepare(`UPDATE frontier SET state = 'queued', lease_until = NULL, lease_owner = NULL
        WHERE state = 'leased' AND lease_until <= @now AND (@owner IS NULL OR lease_owner IS NOT @owner)`),
      renew: db.prepare(`UPDATE frontier SET lease_until = @until WHERE state = 'leased' AND lease_owner = @owner`),
      postpone: db.prepare(`UPDATE frontier SET state = 'queued', lease_until = NULL, lease_owner = NULL, next_attempt_at = @next,
        last_error = @error, last_reason = @reason, updated_at = @now WHERE url = @url`),
      hosts: db.prepare(`SELECT DISTINCT host FROM frontier WHERE state IN ('queued', 'leased')
        AND (@source IS NULL OR source_id IN (SELECT value FROM json_each(@source)))`),
      lease: db.prepare(`UPDATE frontier SET state = 'leased', lease_until = @until, lease_owner = @owner, updated_at = @now WHERE url = @url`),
      done: db.prepare(`UPDATE frontier SET state = 'done', lease_until = NULL, lease_owner = NULL, last_status = @status, last_error = NULL,
        last_reason = NULL, updated_at = @now WHERE url = @url`),
      retry: db.prepare(`UPDATE frontier SET state = 'queued', lease_until = NULL, lease_owner = NULL, attempts = attempts + 1, next_attempt_at = @next,
        last_status = @status, last_error = @error, last_reason = @reason, updated_at = @now WHERE url = @url`),
      failed: db.prepare(`UPDATE frontier SET state = @state, lease_until = NULL, lease_owner = NULL, attempts = attempts + 1, last_status = @status,
        last_error = @error, last_reason = @reason, updated_at = @now WHERE url = @url`),
      release: db.prepare(`UPDATE frontier SET state = 'queued', lease_until = NULL, lease_owner = NULL, updated_at = @now WHERE url = @url AND state = 'leased'`),
      // Counted per source and state through the (source_id, state) index, summed in pending().
      pendingAll: db.prepare(`SELECT COUNT(*) AS n FROM frontier WHERE state IN ('queued', 'leased')`),
      pendingOf: db.prepare(`SELECT COUNT(*) AS n FROM frontier WHERE source_id = @source AND state IN ('queued', 'leased')`),
      nextDueOfHost: db.prepare(NEXT_DUE_OF_HOST_SQL),
    };
  }

  /** Adds URLs (canonicalized); known URLs are left as they are. Returns the entries that were new. */
  add(items: readonly EnqueueItem[]): { url: string; host: string }[] {
    const added: { url: string; host: string }[] = [];
    if (!items.length) return added;
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const it of items) {
        const url = canonicalizeUrl(it.url);
        if (!url) continue;
        const host = hostOf(url);
        const r = this.stmts.insert.run({ url, source_id: it.sourceId, host, kind: it.kind, priority: it.priority ?? 0, hint_date: it.hintDate ?? null, from: it.from ?? null, now });
        if (r.changes) added.push({ url, host });
        else this.stmts.hint.run({ url, hint_date: it.hintDate ?? null });
      }
    })();
    return added;
  }

  /** Puts entry points (home, sitemaps, feeds, listings) back in the queue so a new run sees what is new. */
  refresh(urls: readonly string[]): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const u of urls) {
        const url = canonicalizeUrl(u);
        if (url) this.stmts.requeue.run({ url, now });
      }
    })();
  }

  /** Hosts with URLs still to fetch (of the given sources). */
  hosts(sources: readonly string[] | null = null): string[] {
    return (this.stmts.hosts.all({ source: json(sources) }) as { host: string }[]).map((r) => r.host);
  }

  /** Leases up to `limit` ready URLs of one host, best first; their lease ends after `leaseMs`. */
  leaseHost(host: string, limit: number, sources: readonly string[] | null = null): FrontierEntry[] {
    const now = new Date();
    const iso = now.toISOString();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    return this.db.transaction(() => {
      // Expired leases (a backstop: killed runs' leases are taken back at start) are looked for now and then.
      if (now.getTime() - this.expiredCheckedAt > Math.min(30_000, this.leaseMs)) {
        this.stmts.expired.run({ now: iso, owner: this.owner });
        this.expiredCheckedAt = now.getTime();
      }
      const rows = this.stmts.readyOfHost.all({ host, now: iso, limit, source: json(sources) }) as Row[];
      for (const r of rows) this.stmts.lease.run({ url: r.url, until, now: iso, owner: this.owner });
      return rows.map(toEntry);
    })();
  }

  complete(url: string, status: number): void {
    this.stmts.done.run({ url, status, now: new Date().toISOString() });
  }

  /** Records a failure: retried later with backoff while attempts remain, else marked failed (or skipped). */
  fail(url: string, opts: FailOptions): 'retry' | 'failed' {
    const now = new Date();
    const row = { url, status: opts.status ?? null, error: opts.error, reason: opts.reason ?? null, now: now.toISOString() };
    if (opts.retryable && opts.attempts + 1 < opts.maxAttempts) {
      const wait = opts.delayMs ?? backoffMs(opts.attempts, opts.backoffBaseMs);
      this.stmts.retry.run({ ...row, next: new Date(now.getTime() + wait).toISOString() });
      return 'retry';
    }
    this.stmts.failed.run({ ...row, state: opts.skipped ? 'skipped' : 'failed' });
    return 'failed';
  }

  /** Gives a leased URL back unfetched (a clean stop). */
  release(url: string): void {
    this.stmts.release.run({ url, now: new Date().toISOString() });
  }

  pending(sources: readonly string[] | null = null): number {
    if (!sources) return (this.stmts.pendingAll.get() as { n: number }).n;
    return sources.reduce((n, source) => n + (this.stmts.pendingOf.get({ source }) as { n: number }).n, 0);
  }

  /** Keeps this run's leases from expiring while it is alive (called with its heartbeat). */
  renew(): void {
    if (this.owner === null) return;
    this.stmts.renew.run({ owner: this.owner, until: new Date(Date.now() + this.leaseMs).toISOString() });
  }

  /**
   * Puts a leased URL back for later without counting an attempt: the URL did not fail, something it depends
   * on (its host's robots.txt) is not there yet.
   */
  postpone(url: string, untilMs: number, why: { error: string; reason: FailOptions['reason'] }): void {
    this.stmts.postpone.run({ url, next: new Date(untilMs).toISOString(), error: why.error, reason: why.reason ?? null, now: new Date().toISOString() });
  }

  /** When the next queued URL of a host becomes ready (ms since epoch), or null when it has none. */
  nextDueOfHost(host: string, sources: readonly string[] | null = null): number | null {
    const t = (this.stmts.nextDueOfHost.get({ host, source: json(sources) }) as { t: string | null }).t;
    return t === null ? null : Date.parse(t);
  }
}

const json = (sources: readonly string[] | null) => (sources ? JSON.stringify(sources) : null);
