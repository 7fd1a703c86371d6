/**
 * The crawl loop. URLs are leased from the frontier host by host into a small buffer per host; each host's
 * requests go out one at a time (or as many as its pacing allows), spaced by its politeness delay, which
 * slows further when its latency rises or it asks us to wait. What comes back is stored in one transaction
 * with everything it leads to (the page, the URLs it lists, the article and its facts, the frontier update),
 * so a crawl killed at any instant resumes with nothing lost and nothing stored twice.
 */
import type { Db } from '../store/db.js';
import type { SourceDefinition } from '../../pipelines/source.js';
import { Frontier, type FrontierEntry, type EnqueueItem, type UrlKind } from './frontier.js';
import { Fetcher, DEFAULT_USER_AGENT, DEFAULT_MAX_BYTES, type FetchResult } from './fetcher.js';
import { RobotsCache, RETRY_UNREACHABLE_MS } from './robots.js';
import { HostPacing } from './pacing.js';
import { CrawlRuns } from './runs.js';
import { PageProcessor, type Processed } from './process-page.js';
import { FetchError, describeError, type FetchFailure } from '../errors.js';

export interface CrawlOptions {
  sources: readonly SourceDefinition[];
  /** host → origin to connect to instead, like curl --resolve (the local mirror). */
  resolve?: Record<string, string>;
  /** Articles older than this (YYYY-MM-DD) are not followed from listings, sitemaps and feeds. */
  since?: string | null;
  /** Stop after this many fetches in this run. */
  maxPages?: number | null;
  /** Milliseconds between two requests to one host; default: the source's pacing, never under 1000. */
  delayMs?: number | null;
  /** Requests in flight per host; default: the source's pacing (1). */
  concurrency?: number | null;
  userAgent?: string;
  contact?: string | null;
  ignoreRobots?: boolean;
  /** Connect to private and loopback addresses (hosts mapped by `resolve` always may). */
  allowPrivate?: boolean;
  /** Largest page accepted. @default 10 MiB */
  maxBytes?: number;
  /** Store pages without extracting articles (run `vnpress reextract` later). */
  extract?: boolean;
  /** Attempts per URL before it is marked failed. @default 4 */
  maxAttempts?: number;
  /** First step of the retry backoff (doubling, with jitter). @default 2000 */
  retryBaseMs?: number;
  /** Connect, headers, body-silence and whole-fetch timeouts. @default 10 s, 30 s, 30 s, 120 s */
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number; totalMs?: number };
  /** How long to wait for URLs scheduled for a retry before ending the run. @default 60000 */
  maxIdleWaitMs?: number;
  /** Milliseconds between two progress events (and heartbeats). @default 1000 */
  progressEveryMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: CrawlEvent) => void;
}

export interface CrawlProgress {
  fetched: number;
  articles: number;
  failed: number;
  retried: number;
  queued: number;
  /** Fetches per second over the last half minute. */
  rate: number;
  /** Seconds until the queue is empty at this rate; null when unknown. */
  etaSeconds: number | null;
  elapsedSeconds: number;
}

export type CrawlEvent =
  | { type: 'start'; runId: number; sources: string[]; reclaimed: number; queued: number }
  | { type: 'fetched'; url: string; status: number; kind: string; ms: number; bytes: number }
  | { type: 'article'; url: string; title: string | null; changed: boolean; facts: number }
  | { type: 'failed'; url: string; error: string; reason: string; willRetry: boolean }
  | { type: 'skipped'; url: string; reason: string }
  | { type: 'discovered'; url: string; added: number }
  | { type: 'warning'; url: string; message: string }
  | ({ type: 'progress' } & CrawlProgress);

/** Failures of one cause: how many, and one URL with its message as an example. */
export interface FailureGroup {
  count: number;
  example: { url: string; error: string };
}

export interface CrawlStats {
  runId: number;
  fetched: number;
  notModified: number;
  /** Fetched again with the same bytes (a server without conditional requests): nothing read from them. */
  unchanged: number;
  /** URLs put off because their host's robots.txt could not be read (no attempt used up). */
  postponed: number;
  articles: number;
  articlesChanged: number;
  failed: number;
  retried: number;
  skipped: number;
  discovered: number;
  pending: number;
  reclaimed: number;
  interrupted: boolean;
  /** Failed and skipped URLs grouped by cause ("http 404", "timeout", "robots", "content-type"). */
  failures: Record<string, FailureGroup>;
}

/** What each kind of URL may be: an article page is HTML, a sitemap XML (maybe gzipped), a feed RSS or Atom. */
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const XML_TYPES = ['application/xml', 'text/xml', 'application/rss+xml', 'application/atom+xml', 'application/gzip',
  'application/x-gzip', 'application/octet-stream', 'text/plain'];
const accepts = (kind: UrlKind) => {
  const types = kind === 'sitemap' || kind === 'feed' ? XML_TYPES : HTML_TYPES;
  return (contentType: string) => types.includes(contentType);
};

/** Requests in flight plus pages fetched and not yet committed, over all hosts. */
const MAX_UNSTORED = 256;

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  if (ms <= 0 || signal?.aborted) return resolve();
  const t = setTimeout(done, ms);
  function done() { signal?.removeEventListener('abort', done); clearTimeout(t); resolve(); }
  signal?.addEventListener('abort', done, { once: true });
});

/** One host: its politeness, the URLs leased for it and not yet started, and requests in flight. */
interface HostLane {
  host: string;
  pacing: HostPacing;
  concurrency: number;
  buffer: FrontierEntry[];
  active: number;
  /** Nothing ready before this time (ms since epoch); Infinity when the host has nothing queued. */
  idleUntil: number;
}

export async function crawl(db: Db, options: CrawlOptions): Promise<CrawlStats> {
  const sources = options.sources;
  const ids = sources.map((s) => s.id);
  const userAgent = options.userAgent ?? (options.contact ? DEFAULT_USER_AGENT.replace(')', `; contact: ${options.contact})`) : DEFAULT_USER_AGENT);
  const runs = new CrawlRuns(db);
  const { runId, reclaimed } = runs.start(ids, {
    since: options.since ?? null, maxPages: options.maxPages ?? null, delayMs: options.delayMs ?? null, extract: options.extract ?? true,
    ignoreRobots: options.ignoreRobots ?? false, resolve: options.resolve ?? {},
  });
  const t = options.timeouts ?? {};
  const fetcher = new Fetcher({
    userAgent, resolve: options.resolve, allowPrivate: options.allowPrivate, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    connectTimeoutMs: t.connectMs, headersTimeoutMs: t.headersMs, bodyTimeoutMs: t.bodyMs, totalTimeoutMs: t.totalMs,
    // Enough connections per origin for the requests a host may have in flight.
    connections: Math.max(4, options.concurrency ?? 1, ...sources.map((s) => s.pacing.concurrency)),
  });
  const robots = new RobotsCache(fetcher, 'vnpress');
  const frontier = new Frontier(db, runId);
  const processor = new PageProcessor(db, frontier, sources, { since: options.since ?? null, extract: options.extract ?? true });
  const maxAttempts = options.maxAttempts ?? 4;
  const emit = options.onEvent ?? (() => {});
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const stats: CrawlStats = {
    runId, fetched: 0, notModified: 0, unchanged: 0, postponed: 0, articles: 0, articlesChanged: 0, failed: 0, retried: 0, skipped: 0, discovered: 0,
    pending: 0, reclaimed, interrupted: false, failures: {},
  };
  const lanes = new Map<string, HostLane>();
  const robotsSitemapsSeen = new Set<string>();
  const robotsDownWarned = new Set<string>();
  /** An error of the crawl itself (the database failing while a failure is recorded): ends the run. */
  let fatal: unknown = null;
  const started = Date.now();
  const recent: number[] = [];
  let inFlight = 0;
  let wake: () => void = () => {};

  const seeds: EnqueueItem[] = [];
  for (const s of sources) {
    processor.pages.upsertSource(s);
    for (const u of s.startUrls) seeds.push({ url: u, sourceId: s.id, kind: 'start', priority: 30 });
    for (const u of s.sitemaps) seeds.push({ url: u, sourceId: s.id, kind: 'sitemap', priority: 20 });
    for (const u of s.feeds) seeds.push({ url: u, sourceId: s.id, kind: 'feed', priority: 25 });
    for (const l of s.listings) seeds.push({ url: l.url, sourceId: s.id, kind: 'listing', priority: 10 });
  }
  frontier.add(seeds);
  // Entry points are fetched again on every run: that is how a second run finds only what is new.
  frontier.refresh(seeds.map((s) => s.url));

  const laneOf = (host: string, sourceId: string | null): HostLane => {
    let lane = lanes.get(host);
    if (!lane) {
      const source = sourceId ? bySource.get(sourceId) : sources.find((s) => s.hosts.includes(host));
      const base = options.delayMs ?? Math.max(source?.pacing.delayMs ?? 1000, 1000);
      lane = { host, pacing: new HostPacing(Math.max(base, 0)), concurrency: options.concurrency ?? source?.pacing.concurrency ?? 1, buffer: [], active: 0, idleUntil: 0 };
      lanes.set(host, lane);
    }
    return lane;
  };
  for (const host of frontier.hosts(ids)) laneOf(host, null);

  const fail = (url: string, reason: string, error: string) => {
    const g = (stats.failures[reason] ??= { count: 0, example: { url, error } });
    g.count++;
  };

  /** URLs added by a page: their hosts have work again. */
  const woke = (added: readonly { host: string }[], sourceId: string | null) => {
    for (const a of added) laneOf(a.host, sourceId).idleUntil = 0;
  };

  const applied = (entry: FrontierEntry, p: Processed) => {
    stats.discovered += p.added.length;
    woke(p.added, entry.sourceId);
    if (p.added.length) emit({ type: 'discovered', url: entry.url, added: p.added.length });
    if (p.notModified) stats.notModified++;
    if (p.unchanged) stats.unchanged++;
    for (const w of p.warnings) emit({ type: 'warning', url: entry.url, message: w });
    if (p.notArticle) { stats.skipped++; emit({ type: 'skipped', url: entry.url, reason: p.notArticle }); }
    if (p.article) {
      stats.articles++;
      if (p.article.changed) stats.articlesChanged++;
      emit({ type: 'article', url: entry.url, title: p.article.title, changed: p.article.changed, facts: p.article.facts });
    }
  };

  const recordFailure = (entry: FrontierEntry, e: unknown, lane: HostLane) => {
    const fe = e instanceof FetchError ? e : null;
    if (fe?.status === 429 || fe?.status === 503) lane.pacing.overloaded(fe.retryAfterMs);
    const reason: FetchFailure | 'extract' = fe ? fe.reason : 'extract';
    const retryable = fe ? fe.retryable : false;
    const lastTry = retryable && entry.attempts + 1 >= maxAttempts;
    // The message says what happens next: a retry, or the end after the last attempt.
    const error = describeError(e).replace(/; will retry later$/, '') + (lastTry ? `; gave up after ${maxAttempts} attempts` : retryable ? '; will retry later' : '');
    const skipped = reason === 'content-type';
    const outcome = frontier.fail(entry.url, {
      error, reason, status: fe?.status, retryable, attempts: entry.attempts, maxAttempts,
      delayMs: fe?.retryAfterMs, backoffBaseMs: options.retryBaseMs, skipped,
    });
    const group = reason === 'http' ? `http ${fe!.status}` : reason;
    if (outcome === 'retry') stats.retried++;
    else if (skipped) { stats.skipped++; fail(entry.url, group, error); }
    else { stats.failed++; fail(entry.url, group, error); }
    if (skipped) emit({ type: 'skipped', url: entry.url, reason: error });
    else emit({ type: 'failed', url: entry.url, error, reason: group, willRetry: outcome === 'retry' });
  };

  /**
   * One URL: robots.txt, the host's delay, the request; then, with the request slot already given back
   * (`release`), the store. A page waiting for its group commit does not hold up the host's next request.
   */
  const handle = async (entry: FrontierEntry, lane: HostLane, release: () => void) => {
    const source = entry.sourceId ? bySource.get(entry.sourceId) : undefined;
    if (!options.ignoreRobots) {
      const rules = await robots.rulesFor(entry.url);
      if (rules.crawlDelayMs !== undefined) lane.pacing.crawlDelay(rules.crawlDelayMs);
      // The sitemaps robots.txt lists are entry points too (on the source's own hosts).
      if (source && !robotsSitemapsSeen.has(entry.host)) {
        robotsSitemapsSeen.add(entry.host);
        const listed = rules.sitemaps.filter((u) => { try { return source.hosts.includes(new URL(u).hostname); } catch { return false; } });
        if (listed.length) woke(frontier.add(listed.map((url) => ({ url, sourceId: source.id, kind: 'sitemap' as const, priority: 20, from: `${entry.host}/robots.txt` }))), source.id);
      }
      if (!rules.allowed(entry.url)) {
        if (rules.origin.includes('unreachable')) {
          // The host's robots.txt cannot be read: its URLs wait, without using up their attempts, until it
          // is asked for again.
          const until = rules.fetchedAt + RETRY_UNREACHABLE_MS;
          frontier.postpone(entry.url, until, { error: rules.origin, reason: 'robots' });
          lane.idleUntil = Math.max(lane.idleUntil, until);
          stats.postponed++;
          if (!robotsDownWarned.has(entry.host)) {
            robotsDownWarned.add(entry.host);
            emit({ type: 'warning', url: `https://${entry.host}/robots.txt`, message: `${rules.origin}; its URLs wait until ${new Date(until).toISOString()}` });
          }
          return;
        }
        const error = `robots.txt of ${entry.host} disallows this URL; skipped (use --ignore-robots only for sites you own)`;
        frontier.fail(entry.url, { error, reason: 'robots', retryable: false, attempts: entry.attempts, maxAttempts, skipped: true });
        stats.skipped++;
        fail(entry.url, 'robots', error);
        emit({ type: 'skipped', url: entry.url, reason: error });
        return;
      }
    }
    await sleep(lane.pacing.reserve(), options.signal);
    if (options.signal?.aborted) { frontier.release(entry.url); return; }
    const conditional = entry.kind === 'article' || entry.attempts === 0 ? processor.pages.conditional(entry.url) ?? {} : {};
    let res: FetchResult;
    try {
      res = await fetcher.fetch(entry.url, { ...conditional, allowedHosts: source?.hosts, accept: accepts(entry.kind) });
    } catch (e) {
      recordFailure(entry, e, lane);
      return;
    }
    stats.fetched++;
    recent.push(Date.now());
    lane.pacing.latency(res.elapsedMs);
    emit({ type: 'fetched', url: entry.url, status: res.status, kind: entry.kind, ms: res.elapsedMs, bytes: res.bytes });
    // An article page gives its slot back at once. A sitemap, feed or listing keeps it until what it lists is
    // in the frontier: the host's next URLs come from it, and two 50,000-URL sitemaps in memory at once
    // would double the crawl's peak.
    if (entry.kind === 'article') release();
    let processed: Processed;
    try {
      processed = await processor.process(entry, res);
    } catch (e) {
      // A page that breaks extraction is recorded with the cause; the crawl goes on.
      recordFailure(entry, e, lane);
      return;
    }
    applied(entry, processed);
  };

  let requesting = 0;
  const budgetLeft = () => (options.maxPages ? options.maxPages - stats.fetched - requesting : Infinity);

  const start = (lane: HostLane) => {
    // Pages fetched and waiting to be stored are bounded too, so a slow disk slows the crawl, not memory.
    while (lane.active < lane.concurrency && lane.buffer.length && budgetLeft() > 0 && inFlight < MAX_UNSTORED && !options.signal?.aborted) {
      const entry = lane.buffer.shift()!;
      lane.active++;
      requesting++;
      inFlight++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        lane.active--;
        requesting--;
        wake();
      };
      void handle(entry, lane, release)
        .catch((e) => {
          // Recording the failure can fail too (the database is gone): that ends the crawl, cleanly.
          try { recordFailure(entry, e, lane); } catch (inner) { fatal ??= inner; }
        })
        .finally(() => { release(); inFlight--; wake(); });
    }
  };

  const progress = (): CrawlProgress => {
    const now = Date.now();
    while (recent.length && recent[0]! < now - 30_000) recent.shift();
    const window = Math.min(30, (now - started) / 1000);
    const rate = window > 0 ? recent.length / window : 0;
    const queued = frontier.pending(ids);
    return {
      fetched: stats.fetched, articles: stats.articles, failed: stats.failed, retried: stats.retried, queued, rate,
      etaSeconds: rate > 0 ? Math.round(queued / rate) : null, elapsedSeconds: Math.round((now - started) / 1000),
    };
  };
  const ticker = setInterval(() => {
    runs.heartbeat(runId, stats);
    frontier.renew();
    emit({ type: 'progress', ...progress() });
  }, options.progressEveryMs ?? 1000);
  ticker.unref();

  emit({ type: 'start', runId, sources: ids, reclaimed, queued: frontier.pending(ids) });
  let status: 'finished' | 'interrupted' | 'failed' = 'finished';
  try {
    for (;;) {
      if (fatal) throw fatal;
      if (options.signal?.aborted) { stats.interrupted = true; break; }
      const now = Date.now();
      // Fill each host's buffer: enough to keep its slots busy, few enough that a stop gives little back.
      for (const lane of lanes.values()) {
        const want = Math.min(lane.concurrency * 2 + 2, budgetLeft() - lane.buffer.length);
        if (lane.buffer.length < lane.concurrency + 1 && want > 0 && lane.idleUntil <= now) {
          const got = frontier.leaseHost(lane.host, want, ids);
          if (got.length) lane.buffer.push(...got);
          else if (!lane.buffer.length && !lane.active) lane.idleUntil = frontier.nextDueOfHost(lane.host, ids) ?? Infinity;
        }
        start(lane);
      }
      if (inFlight === 0) {
        if (budgetLeft() <= 0) break;
        const next = Math.min(...[...lanes.values()].map((l) => l.idleUntil));
        if (next === Infinity) break;
        if (next - Date.now() > (options.maxIdleWaitMs ?? 60_000)) break;
        await sleep(Math.max(next - Date.now(), 10), options.signal);
        continue;
      }
      // Wait for a request to finish, or for a host's next URL to become due.
      // With the page budget spent, only a finishing request can change anything.
      const due = budgetLeft() <= 0 ? Infinity : Math.min(...[...lanes.values()].filter((l) => !l.active).map((l) => l.idleUntil));
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, Number.isFinite(due) ? Math.max(due - Date.now(), 10) : 60_000);
        function done() { clearTimeout(t); resolve(); }
        wake = done;
      });
    }
    while (inFlight > 0) await new Promise<void>((r) => { wake = r; });
    if (fatal) throw fatal;
  } catch (e) {
    status = 'failed';
    throw e;
  } finally {
    // Whatever ended the loop, requests in flight finish (and commit or fail) before the database is let go.
    while (inFlight > 0) await new Promise<void>((r) => { wake = r; });
    clearInterval(ticker);
    // URLs leased but not started go back to the queue for the next run.
    for (const lane of lanes.values()) for (const entry of lane.buffer.splice(0)) frontier.release(entry.url);
    await fetcher.close();
    stats.pending = frontier.pending(ids);
    processor.articles.flushIndex();
    if (status !== 'failed' && stats.interrupted) status = 'interrupted';
    runs.finish(runId, status, stats, { ...stats });
  }
  return stats;
}
