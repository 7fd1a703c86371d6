/**
 * The render pool with real worker threads. Workers run the compiled worker script (dist/), which the test
 * command builds before the tests run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { openDb, type Db } from '../../src/store/db.js';
import { render } from '../../src/serve/render.js';
import { keepClaimColumns } from '../../src/query/claim-columns.js';
import { fixtureDb } from '../query/fixture-db.js';
import { tempDir } from '../helpers.js';

const DIST = fileURLToPath(new URL('../../dist/src/serve/pool.js', import.meta.url));
if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before these tests');
const { RenderPool, workerRankCache } = await import(DIST) as typeof import('../../src/serve/pool.js');

const dir = tempDir('vnpress-pool-');
const DB = join(dir.path, 'pool.db');
let db: Db;
let pool: InstanceType<typeof RenderPool>;
beforeAll(() => {
  fixtureDb(DB).close();
  db = openDb(DB, { readonly: true });
  // As the workers do.
  keepClaimColumns(db);
  pool = new RenderPool(DB, 2);
});
afterAll(async () => {
  await pool.close();
  db.close();
  dir.cleanup();
});

const PATHS = ['/claims?q=xuat+khau', '/claims.json?q=ty', '/claims.csv?q=gdp', '/crawl', '/claims?since=bad-date', '/nowhere', '/claims/1'];

describe('workerRankCache', () => {
  it('shares 512 MB of decoded postings between the workers, 64 to 256 MB each', () => {
    expect([1, 2, 3, 4, 8, 16].map((n) => Math.floor(workerRankCache(n) / 2 ** 20))).toEqual([256, 256, 170, 128, 64, 64]);
  });
});

describe('RenderPool', () => {
  it('is ready once every worker has opened the database and read the claims\' columns', async () => {
    await pool.ready();
    const slots = (pool as unknown as { slots: { ready: boolean }[] }).slots;
    expect(slots.map((s) => s.ready)).toEqual([true, true]);
  });

  it('renders in worker threads exactly what the server thread renders', async () => {
    const got = await Promise.all(PATHS.map((p) => pool.render(p)));
    got.forEach((r, i) => {
      const want = render(db, new URL(PATHS[i]!, 'http://vnpress.local'));
      expect({ ...r, body: r.body.toString('utf8') }, PATHS[i]).toEqual({ ...want, body: want.body.toString('utf8') });
    });
    expect(got.map((r) => r.status)).toEqual([200, 200, 200, 200, 400, 404, 302]);
  });

  it('renders a page asked for twice at once only once', async () => {
    const [a, b] = [pool.render('/claims?q=dau+tu'), pool.render('/claims?q=dau+tu')];
    expect(a).toBe(b);
    expect((await a).status).toBe(200);
  });

  it('answers a page whose worker died with a 500 that says so, and replaces the worker', async () => {
    const slots = (pool as unknown as { slots: { worker: Worker }[] }).slots;
    const first = slots[0]!.worker;
    // Stopped as the job is handed to it (both workers are idle, the first is asked first): a page quick to
    // render could otherwise be answered before the worker stops.
    const stopped = first.terminate();
    const dying = pool.render('/claims?q=xuat+khau&dying=1');
    await stopped;
    const r = await dying;
    // The job went to the first worker: it died with it.
    expect(r.status).toBe(500);
    expect(r.body.toString()).toMatch(/could not be rendered.*still running/);
    expect(slots[0]!.worker).not.toBe(first);
    expect((await pool.render('/claims?q=ty&after=1')).status).toBe(200);
  });
});
