/**
 * The crawl frontier in SQLite: every URL with its state, attempts, the time of its next attempt and a lease
 * while in flight. Leasing is a transaction, so two processes never take the same URL; a lease that expires
 * (the process was killed) makes the URL ready again, so nothing queued or in flight is ever lost.
 */
import type { Db } from '../store/db.js';
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

/** Exponential backoff with full jitter: up to base · 2^attempt, capped. */
export function backoffMs(attempt: number, baseMs = 2_000, capMs = 3_600_000, random = Math.random): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt)) + baseMs;
}

export class Frontier {
  private readonly stmts;

  constructor(private readonly db: Db, private readonly leaseMs = 120_000) {
    this.stmts = {
      insert: db.prepare(`INSERT INTO frontier (url, source_id, host, kind, priority, next_attempt_at, hint_date, discovered_from, discovered_at, updated_at)
        VALUES (@url, @source_id, @host, @kind, @priority, @now, @hint_date, @from, @now, @now)
        ON CONFLICT (url) DO NOTHING`),
      hint: db.prepare('UPDATE frontier SET hint_date = @hint_date WHERE url = @url AND hint_date IS NULL AND @hint_date IS NOT NULL'),
      requeue: db.prepare(`UPDATE frontier SET state = 'queued', next_attempt_at = @now, updated_at = @now, attempts = 0
        WHERE url = @url AND state IN ('done', 'failed') AND kind != 'article'`),
      ready: db.prepare(`SELECT url, source_id, host, kind, attempts, hint_date FROM frontier
        WHERE ((state = 'queued' AND next_attempt_at <= @now) OR (state = 'leased' AND lease_until <= @now))
          AND (@source IS NULL OR source_id IN (SELECT value FROM json_each(@source)))
        ORDER BY priority DESC, next_attempt_at LIMIT @limit`),
      lease: db.prepare(`UPDATE frontier SET state = 'leased', lease_until = @until, updated_at = @now WHERE url = @url`),
      done: db.prepare(`UPDATE frontier SET state = 'done', lease_until = NULL, last_status = @status, last_error = NULL, updated_at = @now WHERE url = @url`),
      retry: db.prepare(`UPDATE frontier SET state = 'queued', lease_until = NULL, attempts = attempts + 1, next_attempt_at = @next,
        last_status = @status, last_error = @error, updated_at = @now WHERE url = @url`),
      failed: db.prepare(`UPDATE frontier SET state = @state, lease_until = NULL, attempts = attempts + 1, last_status = @status,
        last_error = @error, updated_at = @now WHERE url = @url`),
      release: db.prepare(`UPDATE frontier SET state = 'queued', lease_until = NULL, updated_at = @now WHERE url = @url AND state = 'leased'`),
      pending: db.prepare(`SELECT COUNT(*) AS n FROM frontier WHERE state IN ('queued', 'leased')
        AND (@source IS NULL OR source_id IN (SELECT value FROM json_each(@source)))`),
      nextDue: db.prepare(`SELECT MIN(CASE WHEN state = 'queued' THEN next_attempt_at ELSE lease_until END) AS t FROM frontier
        WHERE state IN ('queued', 'leased') AND (@source IS NULL OR source_id IN (SELECT value FROM json_each(@source)))`),
    };
  }

  /** Adds URLs (canonicalized); known URLs are left as they are. Returns how many were new. */
  add(items: readonly EnqueueItem[]): number {
    const now = new Date().toISOString();
    let added = 0;
    this.db.transaction(() => {
      for (const it of items) {
        const url = canonicalizeUrl(it.url);
        if (!url) continue;
        const r = this.stmts.insert.run({ url, source_id: it.sourceId, host: hostOf(url), kind: it.kind, priority: it.priority ?? 0, hint_date: it.hintDate ?? null, from: it.from ?? null, now });
        if (r.changes) added += 1;
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

  /** Leases up to `limit` ready URLs (of the given sources); the lease ends after `leaseMs`. */
  lease(limit: number, sources: readonly string[] | null = null): FrontierEntry[] {
    const now = new Date();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    return this.db.transaction(() => {
      const rows = this.stmts.ready.all({ now: now.toISOString(), limit, source: sources ? JSON.stringify(sources) : null }) as {
        url: string; source_id: string | null; host: string; kind: UrlKind; attempts: number; hint_date: string | null;
      }[];
      for (const r of rows) this.stmts.lease.run({ url: r.url, until, now: now.toISOString() });
      return rows.map((r) => ({ url: r.url, sourceId: r.source_id, host: r.host, kind: r.kind, attempts: r.attempts, hintDate: r.hint_date }));
    })();
  }

  complete(url: string, status: number): void {
    this.stmts.done.run({ url, status, now: new Date().toISOString() });
  }

  /** Records a failure: retried later with backoff while attempts remain, else marked failed (or skipped). */
  fail(url: string, opts: { error: string; status?: number; retryable: boolean; attempts: number; maxAttempts: number; delayMs?: number; skipped?: boolean }): 'retry' | 'failed' {
    const now = new Date();
    if (opts.retryable && opts.attempts + 1 < opts.maxAttempts) {
      const wait = opts.delayMs ?? backoffMs(opts.attempts);
      this.stmts.retry.run({ url, next: new Date(now.getTime() + wait).toISOString(), status: opts.status ?? null, error: opts.error, now: now.toISOString() });
      return 'retry';
    }
    this.stmts.failed.run({ url, state: opts.skipped ? 'skipped' : 'failed', status: opts.status ?? null, error: opts.error, now: now.toISOString() });
    return 'failed';
  }

  /** Gives a leased URL back unfetched (a clean stop). */
  release(url: string): void {
    this.stmts.release.run({ url, now: new Date().toISOString() });
  }

  pending(sources: readonly string[] | null = null): number {
    return (this.stmts.pending.get({ source: sources ? JSON.stringify(sources) : null }) as { n: number }).n;
  }

  /** When the next queued URL becomes ready (ISO), or null when none is pending. */
  nextDue(sources: readonly string[] | null = null): string | null {
    return (this.stmts.nextDue.get({ source: sources ? JSON.stringify(sources) : null }) as { t: string | null }).t;
  }
}
