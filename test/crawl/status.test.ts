import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { Frontier } from '../../src/crawl/frontier.js';
import { readCrawlStatus } from '../../src/crawl/status.js';

describe('readCrawlStatus', () => {
  it('counts the frontier by state and groups failures by cause, each with an example error', () => {
    const db = openDb(':memory:');
    const f = new Frontier(db);
    f.add(['a', 'b', 'c', 'd', 'e'].map((p) => ({ url: `https://mpi.gov.vn/${p}`, sourceId: null, kind: 'article' as const })));
    f.leaseHost('mpi.gov.vn', 5);
    f.fail('https://mpi.gov.vn/a', { error: 'a answered HTTP 404', reason: 'http', status: 404, retryable: false, attempts: 0, maxAttempts: 4 });
    f.fail('https://mpi.gov.vn/b', { error: 'b answered HTTP 404', reason: 'http', status: 404, retryable: false, attempts: 0, maxAttempts: 4 });
    f.fail('https://mpi.gov.vn/c', { error: 'c stalled', reason: 'timeout', retryable: true, attempts: 0, maxAttempts: 4 });
    f.complete('https://mpi.gov.vn/d', 200);
    const st = readCrawlStatus(db);
    expect(st.run).toBeNull();
    expect(st.totals).toEqual({ queued: 1, leased: 1, done: 1, failed: 2, skipped: 0 });
    expect(st.failures).toEqual([
      { cause: 'http 404', count: 2, example: { url: 'https://mpi.gov.vn/a', error: 'a answered HTTP 404' } },
      { cause: 'timeout', count: 1, example: { url: 'https://mpi.gov.vn/c', error: 'c stalled' } },
    ]);
    db.close();
  });
});
