/**
 * Politeness toward one host: a delay between requests (the source's pacing, never under the floor, raised
 * to robots.txt's Crawl-delay), slowing down when the host's latency climbs well above its running average
 * or when it answers 429/503, recovering slowly, and a pause as long as Retry-After asks.
 */

/** Longest pause a Retry-After may impose before the URL is put back in the frontier instead. */
export const MAX_RETRY_AFTER_MS = 3_600_000;
const MAX_DELAY_MS = 60_000;

export class HostPacing {
  /** Earliest time (ms since epoch) the next request may start. */
  nextAt = 0;
  delayMs: number;
  private baseMs: number;
  private latencyEwma: number | null = null;

  constructor(baseDelayMs: number) {
    this.baseMs = baseDelayMs;
    this.delayMs = baseDelayMs;
  }

  get baseDelayMs(): number {
    return this.baseMs;
  }

  /** Takes the next request slot: returns how long to wait for it, and books the one after. */
  reserve(now = Date.now()): number {
    const start = Math.max(now, this.nextAt);
    this.nextAt = start + this.delayMs;
    return start - now;
  }

  /** robots.txt's Crawl-delay raises the floor for this host. */
  crawlDelay(ms: number): void {
    if (ms <= this.baseMs) return;
    this.baseMs = ms;
    this.delayMs = Math.max(this.delayMs, ms);
  }

  /**
   * A response came back after `ms`: a response much slower than the host's running average (and slow in
   * itself) doubles the delay; otherwise the delay eases 10% back toward the base.
   */
  latency(ms: number): void {
    this.latencyEwma = this.latencyEwma === null ? ms : this.latencyEwma * 0.8 + ms * 0.2;
    if (ms > 2 * this.latencyEwma && ms > 500) this.delayMs = Math.min(this.delayMs * 2, MAX_DELAY_MS);
    else this.delayMs = Math.max(this.baseMs, this.delayMs * 0.9);
  }

  /**
   * The host said it is overloaded (429, 503): double the delay (from at least 100 ms, for a crawl run with
   * no delay), and wait as long as it asked.
   */
  overloaded(retryAfterMs: number | undefined, now = Date.now()): void {
    this.delayMs = Math.min(Math.max(this.delayMs * 2, 100), MAX_DELAY_MS);
    if (retryAfterMs !== undefined) this.nextAt = Math.max(this.nextAt, now + Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  }
}
