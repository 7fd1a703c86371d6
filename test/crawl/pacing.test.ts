import { describe, expect, it } from 'vitest';
import { HostPacing, MAX_RETRY_AFTER_MS } from '../../src/crawl/pacing.js';

describe('HostPacing', () => {
  it('books one slot after another, a delay apart', () => {
    const p = new HostPacing(1000);
    expect(p.reserve(10_000)).toBe(0);
    expect(p.reserve(10_000)).toBe(1000);
    expect(p.reserve(10_500)).toBe(1500);
    expect(p.reserve(20_000)).toBe(0);
  });

  it('slows down when latency climbs well above its average, and eases back to the base', () => {
    const p = new HostPacing(1000);
    for (let i = 0; i < 5; i++) p.latency(200);
    expect(p.delayMs).toBe(1000);
    p.latency(1500);
    expect(p.delayMs).toBe(2000);
    p.latency(3000);
    expect(p.delayMs).toBe(4000);
    for (let i = 0; i < 50; i++) p.latency(200);
    expect(p.delayMs).toBe(1000);
  });

  it('does not slow down for a fast host whose latency merely doubles', () => {
    const p = new HostPacing(1000);
    for (let i = 0; i < 5; i++) p.latency(20);
    p.latency(300);
    expect(p.delayMs).toBe(1000);
  });

  it('raises the floor to robots.txt Crawl-delay, never lowers it', () => {
    const p = new HostPacing(1000);
    p.crawlDelay(5000);
    expect([p.baseDelayMs, p.delayMs]).toEqual([5000, 5000]);
    p.crawlDelay(2000);
    expect(p.baseDelayMs).toBe(5000);
  });

  it('an overloaded host doubles the delay and waits for Retry-After, up to an hour', () => {
    const p = new HostPacing(1000);
    p.overloaded(30_000, 0);
    expect(p.delayMs).toBe(2000);
    expect(p.reserve(0)).toBe(30_000);
    const q = new HostPacing(0);
    q.overloaded(undefined, 0);
    expect(q.delayMs).toBe(100);
    q.overloaded(24 * 3600_000, 0);
    expect(q.nextAt).toBe(MAX_RETRY_AFTER_MS);
  });
});
