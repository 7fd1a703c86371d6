/**
 * A worker thread of `vnpress serve`: its own read-only connection to the database, rendering the pages the
 * server's thread hands it (src/serve/pool.ts), so that searches use every core and the pages kept in the
 * cache, the stylesheet and the article views are not queued behind them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/db.js';
import { render } from './render.js';
import { RANK_CACHE } from '../query/rank.js';
import { keepClaimColumns } from '../query/claim-columns.js';

const data = workerData as { db: string; rankCache: number };
RANK_CACHE.bytes = data.rankCache;
const db = openDb(data.db, { readonly: true });
// Read before the first page: about 2 s at a million claims, after which a filtered page tests a claim in
// nanoseconds instead of microseconds (src/query/claim-columns.ts).
keepClaimColumns(db);
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (job: { id: number; path: string }) => {
  const r = render(db, new URL(job.path, 'http://vnpress.local'));
  // The body's bytes move to the server's thread instead of being copied.
  const body = new Uint8Array(r.body.buffer, r.body.byteOffset, r.body.byteLength).slice();
  parentPort!.postMessage({ id: job.id, status: r.status, type: r.type, headers: r.headers, body }, [body.buffer]);
});
