/**
 * Worker threads rendering pages for `vnpress serve`: one per core (at most 8), each with its own read-only
 * connection. Requests wait in one queue and go to the next worker free; the same page asked for again while it
 * is being rendered waits for that rendering instead of queueing twice. A worker that dies is replaced, and the
 * page it was rendering is answered with a 500 that says so.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rendered } from './cache.js';

interface Job { id: number; path: string; resolve: (r: Rendered) => void }
interface Slot { worker: Worker; job: Job | null }

const SCRIPT = new URL('./render-worker.js', import.meta.url);

/**
 * The decoded postings the workers keep, together (src/query/rank.ts, RANK_CACHE): each keeps its share, from
 * 64 MB to the 256 MB a single search process keeps, so that eight workers do not hold 2 GB between them.
 */
export const WORKERS_RANK_CACHE = 512 << 20;
export function workerRankCache(workers: number): number {
  return Math.max(64 << 20, Math.min(256 << 20, Math.floor(WORKERS_RANK_CACHE / Math.max(1, workers))));
}

/** Whether workers can run here: the compiled worker script exists (not when the sources are run as TypeScript). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(SCRIPT));
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly inFlight = new Map<string, Promise<Rendered>>();
  private nextId = 0;
  private closed = false;

  private readonly size: number;

  constructor(private readonly db: string, size = Math.min(8, availableParallelism())) {
    this.size = Math.max(1, size);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  render(path: string): Promise<Rendered> {
    const pending = this.inFlight.get(path);
    if (pending) return pending;
    const p = new Promise<Rendered>((resolve) => {
      this.queue.push({ id: this.nextId++, path, resolve });
      this.pump();
    }).finally(() => this.inFlight.delete(path));
    this.inFlight.set(path, p);
    return p;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(SCRIPT, { workerData: { db: this.db, rankCache: workerRankCache(this.size) } }), job: null };
    slot.worker.on('message', (m: { id: number; status: number; type: string; headers?: Record<string, string>; body: Uint8Array }) => {
      const job = slot.job;
      slot.job = null;
      job?.resolve({ status: m.status, type: m.type, headers: m.headers, body: Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength) });
      this.pump();
    });
    let failure = 'the worker stopped';
    slot.worker.on('error', (e) => { failure = e.message; });
    slot.worker.on('exit', () => {
      const job = slot.job;
      slot.job = null;
      job?.resolve({ status: 500, type: 'text/plain; charset=utf-8', body: Buffer.from(`the page could not be rendered (${failure}); the server is still running, try again\n`) });
      if (this.closed) return;
      // Replace the dead worker.
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.pump();
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, path: job.path });
    }
  }
}
