/**
 * robots.txt per RFC 9309, parsed by robots-parser: a 4xx answer means everything is allowed; a 5xx answer
 * or an unreachable host means nothing is allowed for a while (we ask again after `retryMs`).
 */
import robotsParserModule from 'robots-parser';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// The package's typings declare an ES default export over a CommonJS function; Node hands us the function.
const robotsParser = robotsParserModule as unknown as (url: string, body: string) => Robot;
import type { Fetcher } from './fetcher.js';
import { FetchError } from '../errors.js';

export interface RobotsRules {
  allowed(url: string): boolean;
  /** Crawl-delay in milliseconds, when the file sets one for us. */
  crawlDelayMs: number | undefined;
  /** Why the rules are what they are: "robots.txt", "no robots.txt (404)", "robots.txt unreachable". */
  origin: string;
  fetchedAt: number;
  /** Sitemaps the file lists. */
  sitemaps: string[];
}

/** How long an unreachable robots.txt keeps its host closed before it is asked for again. */
export const RETRY_UNREACHABLE_MS = 10 * 60_000;
const ROBOTS_MAX_CHARS = 500 * 1024;

export class RobotsCache {
  private readonly cache = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly fetcher: Fetcher, private readonly userAgent: string, private readonly ttlMs = 24 * 3600_000) {}

  rulesFor(url: string): Promise<RobotsRules> {
    const u = new URL(url);
    const key = `${u.protocol}//${u.host}`;
    const cached = this.cache.get(key);
    if (cached) {
      return cached.then((r) => {
        const age = Date.now() - r.fetchedAt;
        if ((r.origin.includes('unreachable') && age > RETRY_UNREACHABLE_MS) || age > this.ttlMs) {
          this.cache.delete(key);
          return this.rulesFor(url);
        }
        return r;
      });
    }
    const p = this.load(key);
    this.cache.set(key, p);
    return p;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const fetchedAt = Date.now();
    try {
      const res = await this.fetcher.fetch(robotsUrl);
      // RFC 9309 §2.5: at least 500 KiB are parsed; what lies beyond may be ignored (and a huge file is no
      // reason to hold it all).
      const parsed = robotsParser(robotsUrl, res.body.length > ROBOTS_MAX_CHARS ? res.body.slice(0, ROBOTS_MAX_CHARS) : res.body);
      return {
        allowed: (url) => parsed.isAllowed(url, this.userAgent) !== false,
        crawlDelayMs: (() => { const d = parsed.getCrawlDelay(this.userAgent); return d === undefined ? undefined : d * 1000; })(),
        origin: 'robots.txt',
        fetchedAt,
        sitemaps: parsed.getSitemaps(),
      };
    } catch (e) {
      if (e instanceof FetchError && e.status !== undefined && e.status >= 400 && e.status < 500) {
        return { allowed: () => true, crawlDelayMs: undefined, origin: `no robots.txt (HTTP ${e.status}): all allowed`, fetchedAt, sitemaps: [] };
      }
      return { allowed: () => false, crawlDelayMs: undefined, origin: `robots.txt unreachable (${(e as Error).message}): nothing fetched from this host for now`, fetchedAt, sitemaps: [] };
    }
  }
}
