/**
 * Group commit: writes that arrive close together share one transaction. Each write runs in its own savepoint
 * inside it, so one that fails is rolled back alone and its caller gets the error; the others commit. A
 * commit costs the same for one page as for fifty (the WAL append dominates), so at crawl speed this is
 * most of the store's cost saved. Nothing is acknowledged before its commit: a process killed before a
 * flush loses only writes whose callers had not been told they were done.
 */
import type { Db } from './db.js';

interface Pending {
  write: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class WriteBatch {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;

  /**
   * @param waitMs how long the first write of a batch waits for others to join it
   * @param maxSize a batch this large is committed at once
   */
  constructor(private readonly db: Db, private readonly waitMs = 5, private readonly maxSize = 64) {}

  /** Runs `write` in the next commit; resolves with its result once committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  /** Commits what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const p of batch) {
          try {
            // A nested transaction is a savepoint: a failing write is undone alone.
            results.push({ ok: true, value: this.db.transaction(p.write)() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed (disk full, database locked): nothing of the batch was written.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const r = results[i]!;
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  }
}
