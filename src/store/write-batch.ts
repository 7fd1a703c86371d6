/**
 * Group commit: writes that arrive close together share one transaction. When one of them fails, the batch is
 * run again with each write in its own savepoint, so the failing one is rolled back alone and its caller gets
 * the error; the others commit. (Writes must therefore be safe to run twice when the first run was rolled
 * back, which any database-only write is.) A
 * commit costs the same for one page as for fifty (the WAL append dominates), so at crawl speed this is
 * most of the store's cost saved. Nothing is acknowledged before its commit: a process killed before a
 * flush loses only writes whose callers had not been told they were done.
 */
import type { Db } from './db.js';

type Result = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  write: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class WriteBatch {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;

  /**
   * @param waitMs how long the first write of a batch waits for others to join it; 0 (the default) commits at
   *   the end of the current turn of the event loop, taking every write that arrived in it. Waiting longer
   *   makes bigger batches but holds each page's request slot for the wait: 5 ms halved a crawl's rate.
   * @param maxSize a batch this large is committed at once
   */
  constructor(private readonly db: Db, private readonly waitMs = 0, private readonly maxSize = 64) {}

  /** Runs `write` in the next commit; resolves with its result once committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= this.waitMs > 0 ? setTimeout(() => this.flush(), this.waitMs) : setImmediate(() => this.flush());
    });
  }

  /** Commits what is pending now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    let results: Result[];
    try {
      // Most batches have no failing write: all of them in one transaction, no savepoints.
      results = this.db.transaction(() => batch.map((p): Result => ({ ok: true, value: p.write() })))();
    } catch {
      // One failed and the whole transaction rolled back: again, each write in its own savepoint, so that
      // only the failing one is undone.
      try {
        results = this.db.transaction(() => batch.map((p): Result => {
          try {
            return { ok: true, value: this.db.transaction(p.write)() };
          } catch (error) {
            return { ok: false, error };
          }
        }))();
      } catch (error) {
        // The commit itself failed (disk full, database locked): nothing of the batch was written.
        for (const p of batch) p.reject(error);
        return;
      }
    }
    batch.forEach((p, i) => {
      const r = results[i]!;
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  }
}
