/**
 * Rendered pages kept by URL, for as long as the database is unchanged. A newsroom asks the same questions
 * many times (the day's figure, the minister in the news): a page already rendered is sent again without
 * touching the database, and the first change committed to the database by any process (a crawl running
 * beside the server) empties the cache. The server's connection is read-only, so every change comes from
 * another connection, and SQLite's `PRAGMA data_version` tells it apart in a microsecond.
 *
 * Bounded in bytes; the least recently used pages go first.
 */
import type { Db } from '../store/db.js';

export interface Rendered {
  status: number;
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
}

export class ResponseCache {
  private readonly entries = new Map<string, Rendered>();
  private bytes = 0;
  private version = -1;
  private readonly dataVersion;
  hits = 0;
  misses = 0;

  constructor(db: Db, private readonly maxBytes = 64 << 20) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** The page for `key` if it was rendered since the database last changed. */
  get(key: string): Rendered | undefined {
    this.sync();
    const r = this.entries.get(key);
    if (r) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, r);
      this.hits++;
    } else {
      this.misses++;
    }
    return r;
  }

  /** The database's version now: pass it to set() with a page rendered after reading it. */
  current(): number {
    this.sync();
    return this.version;
  }

  /**
   * Keeps a page rendered from the database at version `renderedAt` (current() before rendering), unless the
   * database changed since: the page might show the older state.
   */
  set(key: string, r: Rendered, renderedAt = this.current()): void {
    if (this.current() !== renderedAt) return;
    const size = r.body.length + key.length;
    if (size > this.maxBytes / 8) return;
    for (const [k, old] of this.entries) {
      if (this.bytes + size <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= old.body.length + k.length;
    }
    const had = this.entries.get(key);
    if (had) this.bytes -= had.body.length + key.length;
    this.entries.set(key, r);
    this.bytes += size;
  }

  private sync(): void {
    const version = this.dataVersion.get() as number;
    if (version === this.version) return;
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }

  get size(): number {
    return this.entries.size;
  }
}
