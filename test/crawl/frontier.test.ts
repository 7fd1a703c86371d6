import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { Frontier, backoffMs, READY_OF_HOST_SQL, NEXT_DUE_OF_HOST_SQL } from '../../src/crawl/frontier.js';

describe('Frontier', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  it('adds each canonical URL once', () => {
    const f = new Frontier(db);
    expect(f.add([{ url: 'https://a.vn/x#1', sourceId: null, kind: 'article' }, { url: 'HTTPS://A.VN/x', sourceId: null, kind: 'article' }])).toEqual([{ url: 'https://a.vn/x', host: 'a.vn' }]);
    expect(f.add([{ url: 'https://a.vn/x', sourceId: null, kind: 'article' }])).toEqual([]);
    expect(f.pending()).toBe(1);
  });

  it('leases a URL to one taker, and an expired lease makes it ready again', async () => {
    const f = new Frontier(db, null, 50);
    f.add([{ url: 'https://a.vn/1', sourceId: null, kind: 'article' }]);
    expect(f.leaseHost('a.vn', 10).map((e) => e.url)).toEqual(['https://a.vn/1']);
    expect(f.leaseHost('a.vn', 10)).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(f.leaseHost('a.vn', 10).map((e) => e.url)).toEqual(['https://a.vn/1']);
  });

  it('retries with backoff, then marks failed after the last attempt', () => {
    const f = new Frontier(db);
    f.add([{ url: 'https://a.vn/1', sourceId: null, kind: 'article' }]);
    let [e] = f.leaseHost('a.vn', 1);
    expect(f.fail(e!.url, { error: 'HTTP 503', retryable: true, attempts: e!.attempts, maxAttempts: 2, delayMs: 0 })).toBe('retry');
    [e] = f.leaseHost('a.vn', 1);
    expect(e!.attempts).toBe(1);
    expect(f.fail(e!.url, { error: 'HTTP 503', retryable: true, attempts: e!.attempts, maxAttempts: 2 })).toBe('failed');
    expect(db.prepare('SELECT state, attempts, last_error FROM frontier').get()).toEqual({ state: 'failed', attempts: 2, last_error: 'HTTP 503' });
    expect(f.pending()).toBe(0);
  });

  it('a retry waits until its time', () => {
    const f = new Frontier(db);
    f.add([{ url: 'https://a.vn/1', sourceId: null, kind: 'article' }]);
    const [e] = f.leaseHost('a.vn', 1);
    f.fail(e!.url, { error: 'HTTP 429', retryable: true, attempts: 0, maxAttempts: 4, delayMs: 60_000 });
    expect(f.leaseHost('a.vn', 1)).toEqual([]);
    expect(f.nextDueOfHost('a.vn')).toBeGreaterThan(Date.now() + 50_000);
  });

  it('backoff grows with attempts and stays within its cap', () => {
    const max = (a: number) => backoffMs(a, 1000, 10_000, () => 1);
    expect(max(0)).toBe(2000);
    expect(max(3)).toBe(9000);
    expect(max(10)).toBe(11_000);
    expect(backoffMs(5, 1000, 10_000, () => 0)).toBe(1000);
  });

  it('leases one host at a time, best first, recording the run that holds the lease', () => {
    db.prepare("INSERT INTO crawl_runs (started_at, sources) VALUES ('2026-01-01T00:00:00Z', '[]')").run();
    const f = new Frontier(db, 1);
    f.add([
      { url: 'https://a.vn/article', sourceId: null, kind: 'article', priority: 5 },
      { url: 'https://b.vn/home', sourceId: null, kind: 'start', priority: 30 },
      { url: 'https://a.vn/sitemap.xml', sourceId: null, kind: 'sitemap', priority: 20 },
    ]);
    expect(f.hosts().sort()).toEqual(['a.vn', 'b.vn']);
    expect(f.leaseHost('a.vn', 10).map((e) => e.url)).toEqual(['https://a.vn/sitemap.xml', 'https://a.vn/article']);
    expect(db.prepare("SELECT DISTINCT lease_owner AS o FROM frontier WHERE state = 'leased'").all()).toEqual([{ o: 1 }]);
    expect(f.leaseHost('a.vn', 10)).toEqual([]);
    expect(f.nextDueOfHost('a.vn')).toBeNull();
    f.release('https://a.vn/article');
    expect(f.leaseHost('a.vn', 10).map((e) => e.url)).toEqual(['https://a.vn/article']);
  });

  it('records why a URL failed, as a code to group by', () => {
    const f = new Frontier(db);
    f.add([{ url: 'https://a.vn/1', sourceId: null, kind: 'article' }]);
    f.leaseHost('a.vn', 1);
    f.fail('https://a.vn/1', { error: 'too big', reason: 'too-large', retryable: false, attempts: 0, maxAttempts: 4 });
    expect(db.prepare('SELECT state, last_reason, last_error FROM frontier').get()).toEqual({ state: 'failed', last_reason: 'too-large', last_error: 'too big' });
  });

  it("a run's own leases do not expire while it renews them; another run's do", async () => {
    db.prepare("INSERT INTO crawl_runs (started_at, sources) VALUES ('2026-01-01T00:00:00Z', '[]'), ('2026-01-01T00:00:00Z', '[]')").run();
    const mine = new Frontier(db, 1, 60);
    const theirs = new Frontier(db, 2, 60);
    mine.add([{ url: 'https://a.vn/mine', sourceId: null, kind: 'article' }, { url: 'https://a.vn/theirs', sourceId: null, kind: 'article' }]);
    expect(mine.leaseHost('a.vn', 1).map((e) => e.url)).toEqual(['https://a.vn/mine']);
    expect(theirs.leaseHost('a.vn', 1).map((e) => e.url)).toEqual(['https://a.vn/theirs']);
    await new Promise((r) => setTimeout(r, 40));
    mine.renew();
    await new Promise((r) => setTimeout(r, 40));
    // Run 1 renewed its lease; run 2's has expired and is taken back.
    expect(mine.leaseHost('a.vn', 5).map((e) => e.url)).toEqual(['https://a.vn/theirs']);
  });

  it('postpones a URL without using up an attempt', () => {
    const f = new Frontier(db);
    f.add([{ url: 'https://a.vn/1', sourceId: null, kind: 'article' }]);
    f.leaseHost('a.vn', 1);
    f.postpone('https://a.vn/1', Date.now() + 60_000, { error: 'robots.txt unreachable', reason: 'robots' });
    expect(db.prepare('SELECT state, attempts, last_reason FROM frontier').get()).toEqual({ state: 'queued', attempts: 0, last_reason: 'robots' });
    expect(f.leaseHost('a.vn', 1)).toEqual([]);
    expect(f.nextDueOfHost('a.vn')).toBeGreaterThan(Date.now() + 50_000);
  });

  it('leases and finds due times through indexes, not scans', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ host: 'a.vn', now: '2026', limit: 5, source: null }) as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan(READY_OF_HOST_SQL)).toMatch(/^SEARCH frontier USING INDEX frontier_host_ready \(host=\? AND state=\?\)/);
    expect(plan(READY_OF_HOST_SQL)).not.toMatch(/TEMP B-TREE/);
    expect(plan(NEXT_DUE_OF_HOST_SQL)).toMatch(/^SEARCH frontier USING INDEX frontier_host_due \(host=\? AND state=\?\)/);
  });
});
