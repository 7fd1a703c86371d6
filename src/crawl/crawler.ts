/**
 * The crawl loop: lease ready URLs from the frontier, run them through one queue per host (one request in
 * flight and a delay between requests, slowed further when the host's latency rises or it asks us to
 * wait), and store what comes back. Discovery pages feed the frontier; article pages go through article
 * extraction, fact extraction and the store. Every step is recorded, so a killed crawl resumes where it was.
 */
import PQueue from 'p-queue';
import type { Db } from '../store/db.js';
import type { SourceDefinition } from '../../pipelines/source.js';
import { Frontier, type FrontierEntry, type EnqueueItem } from './frontier.js';
import { Fetcher, DEFAULT_USER_AGENT, type FetchResult } from './fetcher.js';
import { RobotsCache, type RobotsRules } from './robots.js';
import { parseFeed, parseListing, parseSitemap } from './discover.js';
import { PageStore } from '../store/pages.js';
import { ArticleStore } from '../store/articles.js';
import { extractArticle } from '../article/extract.js';
import { extractFacts } from '../facts/index.js';
import { FetchError, NotAnArticleError, describeError } from '../errors.js';
import { canonicalizeUrl } from './url.js';

export interface CrawlOptions {
  sources: readonly SourceDefinition[];
  /** host → origin to connect to instead, like curl --resolve. */
  resolve?: Record<string, string>;
  /** Articles older than this (YYYY-MM-DD) are not followed from listings, sitemaps and feeds. */
  since?: string | null;
  /** Stop after this many fetches in this run. */
  maxPages?: number | null;
  /** Milliseconds between two requests to one host; default: the source's pacing, never under 1000. */
  delayMs?: number | null;
  userAgent?: string;
  contact?: string | null;
  ignoreRobots?: boolean;
  /** Attempts per URL before it is marked failed. @default 4 */
  maxAttempts?: number;
  /** How long to wait for URLs scheduled for a retry before ending the run. @default 60000 */
  maxIdleWaitMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: CrawlEvent) => void;
}

export type CrawlEvent =
  | { type: 'fetched'; url: string; status: number; kind: string; ms: number; bytes: number }
  | { type: 'article'; url: string; title: string | null; changed: boolean; facts: number }
  | { type: 'failed'; url: string; error: string; willRetry: boolean }
  | { type: 'skipped'; url: string; reason: string }
  | { type: 'discovered'; url: string; added: number }
  | { type: 'warning'; url: string; message: string };

export interface CrawlStats {
  runId: number;
  fetched: number;
  notModified: number;
  articles: number;
  articlesChanged: number;
  failed: number;
  retried: number;
  skipped: number;
  discovered: number;
  pending: number;
  interrupted: boolean;
}

interface HostState {
  queue: PQueue;
  nextAt: number;
  delayMs: number;
  baseDelayMs: number;
  latencyEwma: number | null;
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  if (ms <= 0 || signal?.aborted) return resolve();
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

export async function crawl(db: Db, options: CrawlOptions): Promise<CrawlStats> {
  const sources = options.sources;
  const ids = sources.map((s) => s.id);
  const userAgent = options.userAgent ?? (options.contact ? DEFAULT_USER_AGENT.replace(')', `; contact: ${options.contact})`) : DEFAULT_USER_AGENT);
  const fetcher = new Fetcher({ userAgent, resolve: options.resolve });
  const robots = new RobotsCache(fetcher, 'vnpress');
  const frontier = new Frontier(db);
  const pages = new PageStore(db);
  const articles = new ArticleStore(db);
  const maxAttempts = options.maxAttempts ?? 4;
  const articleExists = db.prepare('SELECT 1 FROM articles WHERE url = ?');
  const emit = options.onEvent ?? (() => {});
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const patterns = new Map(sources.map((s) => [s.id, new RegExp(s.articleUrlPattern)]));
  const hosts = new Map<string, HostState>();
  const stats: CrawlStats = { runId: 0, fetched: 0, notModified: 0, articles: 0, articlesChanged: 0, failed: 0, retried: 0, skipped: 0, discovered: 0, pending: 0, interrupted: false };
  const since = options.since ?? null;

  stats.runId = Number(db.prepare('INSERT INTO crawl_runs (started_at, sources) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(ids)).lastInsertRowid);
  const seeds: EnqueueItem[] = [];
  for (const s of sources) {
    pages.upsertSource(s);
    for (const u of s.startUrls) seeds.push({ url: u, sourceId: s.id, kind: 'start', priority: 30 });
    for (const u of s.sitemaps) seeds.push({ url: u, sourceId: s.id, kind: 'sitemap', priority: 20 });
    for (const u of s.feeds) seeds.push({ url: u, sourceId: s.id, kind: 'feed', priority: 25 });
    for (const l of s.listings) seeds.push({ url: l.url, sourceId: s.id, kind: 'listing', priority: 10 });
  }
  frontier.add(seeds);
  // Entry points are fetched again on every run: that is how a second run finds only what is new.
  frontier.refresh(seeds.map((s) => s.url));

  const hostState = (host: string, source: SourceDefinition | undefined, rules: RobotsRules | null): HostState => {
    let h = hosts.get(host);
    if (!h) {
      const base = Math.max(options.delayMs ?? Math.max(source?.pacing.delayMs ?? 1000, 1000), 0);
      h = { queue: new PQueue({ concurrency: source?.pacing.concurrency ?? 1 }), nextAt: 0, delayMs: base, baseDelayMs: base, latencyEwma: null };
      hosts.set(host, h);
    }
    if (rules?.crawlDelayMs !== undefined && rules.crawlDelayMs > h.baseDelayMs) { h.baseDelayMs = rules.crawlDelayMs; h.delayMs = Math.max(h.delayMs, rules.crawlDelayMs); }
    return h;
  };

  /** Slows down when a host's latency rises well above its running average; recovers slowly. */
  const adapt = (h: HostState, ms: number) => {
    h.latencyEwma = h.latencyEwma === null ? ms : h.latencyEwma * 0.8 + ms * 0.2;
    if (ms > 2 * h.latencyEwma && ms > 500) h.delayMs = Math.min(h.delayMs * 2, 60_000);
    else h.delayMs = Math.max(h.baseDelayMs, h.delayMs * 0.9);
  };

  const enqueueDiscovered = (entry: FrontierEntry, found: { url: string; date: string | null; kind: 'article' | 'sitemap' | 'listing' }[]) => {
    const source = entry.sourceId ? bySource.get(entry.sourceId) : undefined;
    const pattern = entry.sourceId ? patterns.get(entry.sourceId) : undefined;
    const items: EnqueueItem[] = [];
    for (const f of found) {
      if (f.kind === 'article') {
        if (pattern && !pattern.test(f.url)) continue;
        if (since && f.date && f.date.slice(0, 10) < since) continue;
        items.push({ url: f.url, sourceId: entry.sourceId, kind: 'article', priority: 5, hintDate: f.date, from: entry.url });
      } else {
        if (source && !source.hosts.includes(new URL(f.url).hostname)) continue;
        items.push({ url: f.url, sourceId: entry.sourceId, kind: f.kind, priority: 15, hintDate: f.date, from: entry.url });
      }
    }
    const added = frontier.add(items);
    stats.discovered += added;
    emit({ type: 'discovered', url: entry.url, added });
  };

  /** The next page of a listing, when this URL is page n of one of the source's listings. */
  const nextListingPage = (entry: FrontierEntry, found: { date: string | null }[], body: string): string | null => {
    const source = entry.sourceId ? bySource.get(entry.sourceId) : undefined;
    if (!source) return null;
    for (const l of source.listings) {
      if (!l.pagination) continue;
      let page: number | null = null;
      if (canonicalizeUrl(l.url) === entry.url) page = 1;
      else {
        const re = new RegExp(`^${l.pagination.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{page\\}', '(\\d+)')}$`);
        const m = re.exec(entry.url) ?? re.exec(decodeURI(entry.url));
        if (m) page = Number(m[1]);
      }
      if (page === null) continue;
      if (page >= (l.maxPages ?? 5) || found.length === 0) return null;
      // Listings run newest first: once a whole page is older than --since, stop paging.
      if (since && found.every((f) => f.date !== null && f.date.slice(0, 10) < since)) return null;
      const next = l.pagination.replace('{page}', String(page + 1));
      // Follow the next page when the listing links to it, or when the page is full (sites that load
      // more with script have no link); a short page without a link is the last one.
      const nextPath = new URL(next).pathname + new URL(next).search;
      const linked = body.includes(nextPath) || body.includes(nextPath.replace(/&/g, '&amp;'));
      return linked || found.length >= 10 ? next : null;
    }
    return null;
  };

  const store = (entry: FrontierEntry, res: FetchResult) => {
    const source = entry.sourceId ? bySource.get(entry.sourceId) : undefined;
    if (res.notModified) {
      pages.notModified(entry.url, res.fetchedAt);
      stats.notModified++;
      frontier.complete(entry.url, 304);
      return;
    }
    const saved = pages.save({ ...res, source: entry.sourceId ?? undefined });
    const base = res.finalUrl;
    switch (entry.kind) {
      case 'sitemap':
        enqueueDiscovered(entry, parseSitemap(res.body, base));
        break;
      case 'feed':
        enqueueDiscovered(entry, parseFeed(res.body, base));
        break;
      case 'start':
      case 'listing': {
        const pattern = entry.sourceId ? patterns.get(entry.sourceId) : undefined;
        const found = pattern ? parseListing(res.body, base, pattern) : [];
        enqueueDiscovered(entry, found);
        if (entry.kind === 'listing') {
          const next = nextListingPage(entry, found, res.body);
          if (next) enqueueDiscovered(entry, [{ url: next, date: null, kind: 'listing' }]);
        }
        break;
      }
      case 'article': {
        if (!saved.changed && articleExists.get(entry.url)) break;
        let article;
        try {
          article = extractArticle(res.body, { url: entry.url, source: source ?? null });
        } catch (e) {
          if (!(e instanceof NotAnArticleError)) throw e;
          // A listing or error page at an article URL: kept as what it is, not retried, no article made.
          pages.markNotArticle(entry.url, e.kind);
          stats.skipped++;
          emit({ type: 'skipped', url: entry.url, reason: e.message });
          break;
        }
        for (const w of article.warnings) emit({ type: 'warning', url: entry.url, message: w });
        const facts = extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title });
        const r = articles.save({ ...article, url: entry.url }, facts, saved.id);
        stats.articles++;
        if (r.changed) stats.articlesChanged++;
        emit({ type: 'article', url: entry.url, title: article.title, changed: r.changed, facts: facts.legalRefs.length + facts.officials.length + facts.meetings.length + facts.claims.length });
        break;
      }
    }
    frontier.complete(entry.url, res.status);
  };

  const handle = async (entry: FrontierEntry, h: HostState) => {
    if (options.signal?.aborted) { frontier.release(entry.url); return; }
    const rules = options.ignoreRobots ? null : await robots.rulesFor(entry.url);
    if (rules && !rules.allowed(entry.url)) {
      const unreachable = rules.origin.includes('unreachable');
      const reason = unreachable ? rules.origin : `robots.txt of ${entry.host} disallows this URL; skipped (use --ignore-robots only for sites you own)`;
      const outcome = frontier.fail(entry.url, { error: reason, retryable: unreachable, attempts: entry.attempts, maxAttempts, skipped: !unreachable, delayMs: unreachable ? 10 * 60_000 : undefined });
      if (outcome === 'failed') { stats.skipped++; emit({ type: 'skipped', url: entry.url, reason }); }
      return;
    }
    if (rules?.crawlDelayMs !== undefined) hostState(entry.host, undefined, rules);
    await sleep(h.nextAt - Date.now(), options.signal);
    if (options.signal?.aborted) { frontier.release(entry.url); return; }
    const conditional = pages.conditional(entry.url) ?? {};
    try {
      const res = await fetcher.fetch(entry.url, conditional);
      stats.fetched++;
      adapt(h, res.elapsedMs);
      h.nextAt = Date.now() + h.delayMs;
      emit({ type: 'fetched', url: entry.url, status: res.status, kind: entry.kind, ms: res.elapsedMs, bytes: res.bytes });
      store(entry, res);
    } catch (e) {
      h.nextAt = Date.now() + h.delayMs;
      const fe = e instanceof FetchError ? e : null;
      if (fe?.retryAfterMs !== undefined) h.nextAt = Math.max(h.nextAt, Date.now() + Math.min(fe.retryAfterMs, 3_600_000));
      if (fe?.status === 429 || fe?.status === 503) h.delayMs = Math.min(h.delayMs * 2, 60_000);
      const retryable = fe ? fe.retryable : false;
      const outcome = frontier.fail(entry.url, {
        error: describeError(e), status: fe?.status, retryable, attempts: entry.attempts, maxAttempts,
        delayMs: fe?.retryAfterMs,
      });
      if (outcome === 'retry') stats.retried++;
      else stats.failed++;
      emit({ type: 'failed', url: entry.url, error: describeError(e), willRetry: outcome === 'retry' });
    }
  };

  try {
    const inFlight = new Set<string>();
    for (;;) {
      if (options.signal?.aborted) { stats.interrupted = true; break; }
      const budget = options.maxPages ? options.maxPages - stats.fetched - inFlight.size : Infinity;
      if (budget <= 0) {
        await Promise.all([...hosts.values()].map((h) => h.queue.onIdle()));
        break;
      }
      const batch = frontier.lease(Math.min(budget, 20), ids).filter((e) => !inFlight.has(e.url));
      for (const entry of batch) {
        const source = entry.sourceId ? bySource.get(entry.sourceId) : undefined;
        const h = hostState(entry.host, source, null);
        inFlight.add(entry.url);
        void h.queue.add(() => handle(entry, h)).finally(() => inFlight.delete(entry.url));
      }
      if (batch.length === 0) {
        if (inFlight.size > 0) {
          await Promise.race([...hosts.values()].map((h) => h.queue.onEmpty().then(() => h.queue.onIdle())));
          await sleep(20);
          continue;
        }
        const due = frontier.nextDue(ids);
        if (!due) break;
        const wait = Date.parse(due) - Date.now();
        if (wait > (options.maxIdleWaitMs ?? 60_000)) break;
        await sleep(Math.max(wait, 50), options.signal);
        continue;
      }
      // Keep a small buffer of work per host rather than leasing the whole frontier at once.
      while ([...hosts.values()].some((h) => h.queue.size > 5) && !options.signal?.aborted) await sleep(50);
    }
    await Promise.all([...hosts.values()].map((h) => h.queue.onIdle()));
  } finally {
    await fetcher.close();
    stats.pending = frontier.pending(ids);
    db.prepare('UPDATE crawl_runs SET finished_at = ?, fetched = ?, articles = ?, failed = ?, status = ? WHERE id = ?')
      .run(new Date().toISOString(), stats.fetched, stats.articles, stats.failed, stats.interrupted ? 'interrupted' : 'finished', stats.runId);
  }
  return stats;
}
