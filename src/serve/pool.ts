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
/** ready: the worker has opened the database and read what it keeps in memory (render-worker.ts). */
interface Slot { worker: Worker; job: Job | null; ready: boolean }

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
  private readonly started: Promise<void>;
  private starting: (() => void) | null = null;

  constructor(private readonly db: string, size = Math.min(8, availableParallelism())) {
    this.size = Math.max(1, size);
    this.started = new Promise((resolve) => { this.starting = resolve; });
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /**
   * Resolves when every worker is ready to render (at a million claims, each reads the claims' columns for
   * about 2-3 s): the server listens after it, so that its first pages are not queued behind the reading.
   */
  ready(): Promise<void> {
    return this.started;
  }

  private checkStarted(): void {
    if (this.starting && this.slots.every((s) => s.ready)) {
      this.starting();
      this.starting = null;
    }
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
    const slot: Slot = { worker: new Worker(SCRIPT, { workerData: { db: this.db, rankCache: workerRankCache(this.size) } }), job: null, ready: false };
    slot.worker.on('message', (m: { ready?: true; id: number; status: number; type: string; headers?: Record<string, string>; body: Uint8Array }) => {
      if (m.ready) {
        slot.ready = true;
        this.checkStarted();
        this.pump();
        return;
      }
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
      // Replace the dead worker (one that died before it was ready does not hold up the start: the rest serve).
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      if (!slot.ready && this.starting) { this.starting(); this.starting = null; }
      this.pump();
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || !slot.ready || !this.queue.length) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, path: job.path });
    }
  }
}
