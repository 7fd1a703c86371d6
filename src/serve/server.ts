/**
 * `vnpress serve`: the database in a browser, for readers who do not live in a terminal. Server-rendered
 * pages from node:http (no framework: a handful of GET routes), the database opened read-only, and nothing
 * fetched from anywhere else: the stylesheet is served here, and the Content-Security-Policy forbids every
 * other source and every script.
 *
 * Every page has `.json` and `.csv` siblings at the same path with that extension and the same query string
 * (`/claims?q=cpi` → `/claims.json?q=cpi`), holding the rows it shows. Bad input (an unknown official, a
 * malformed date) is a 400 page that says what to fix, with the form still filled in.
 *
 * Requests whose Host header names another machine are refused: a page elsewhere could otherwise point a
 * hostname at 127.0.0.1 (DNS rebinding) and read the database through the reader's browser.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDb, type Db } from '../store/db.js';
import { InputError, describeError } from '../errors.js';
import { STYLE } from './pages.js';
import { isQuick, render } from './render.js';
import { ResponseCache, type Rendered } from './cache.js';
import { RenderPool, workersAvailable } from './pool.js';
import { keepClaimColumns } from '../query/claim-columns.js';
import { availableParallelism } from 'node:os';

export const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  // Links out to the original articles carry no trace of what was searched.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export interface ServeOptions {
  db: string;
  host?: string;
  port?: number;
  /** Worker threads rendering pages; 0 renders on the server's thread. By default one per core (at most 8). */
  workers?: number;
  /** false: render every page anew (no response cache). */
  cache?: boolean;
  /** Called with each request's method, path, status and milliseconds (the CLI logs them). */
  log?: (line: { method: string; path: string; status: number; ms: number }) => void;
}

export interface Running {
  server: Server;
  url: string;
  db: Db;
  close: () => Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The request's Host without its port, lower-cased. */
function hostOf(req: IncomingMessage): string {
  const h = (req.headers.host ?? '').toLowerCase();
  return h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d+$/, '');
}

/** Whether an address to bind is this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}

function sendRendered(res: ServerResponse, r: Rendered, head: boolean): void {
  res.writeHead(r.status, { ...HEADERS, ...r.headers, 'content-type': r.type, 'content-length': r.body.length, 'cache-control': 'no-store' });
  res.end(head ? undefined : r.body);
}

/** `allowedHosts` null: any Host (the server was bound to a non-loopback address on purpose). */
export async function handle(db: Db, req: IncomingMessage, res: ServerResponse, allowedHosts: ReadonlySet<string> | null,
  cache: ResponseCache | null = null, pool: RenderPool | null = null): Promise<number> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, 'text/plain; charset=utf-8', 'only GET and HEAD: this server only reads\n', head);
    return 405;
  }
  if (allowedHosts && !allowedHosts.has(hostOf(req))) {
    send(res, 421, 'text/plain; charset=utf-8', `this server answers to ${[...allowedHosts].join(', ')}; open it at http://127.0.0.1:<port>/\n`, head);
    return 421;
  }
  const url = new URL(req.url ?? '/', 'http://vnpress.local');
  if (url.pathname === '/style.css') {
    res.setHeader('cache-control', 'max-age=3600');
    send(res, 200, 'text/css; charset=utf-8', STYLE, head);
    return 200;
  }
  if (url.pathname === '/favicon.ico') {
    // No icon: an empty answer rather than a 404 the browser reports on every page.
    res.writeHead(204, { ...HEADERS, 'cache-control': 'max-age=86400' });
    res.end();
    return 204;
  }
  if (url.pathname === '/') {
    res.writeHead(302, { ...HEADERS, location: '/claims' });
    res.end();
    return 302;
  }
  // Pages are kept until the database changes (src/serve/cache.ts); a failure is rendered again next time.
  const key = `${url.pathname}${url.search}`;
  let r = cache?.get(key);
  res.setHeader('x-vnpress-cache', r ? 'hit' : 'miss');
  if (!r) {
    const version = cache?.current();
    r = pool && !isQuick(url) ? await pool.render(key) : render(db, url);
    if (r.status < 500) cache?.set(key, r, version);
  }
  sendRendered(res, r, head);
  return r.status;
}

export async function serve(options: ServeOptions): Promise<Running> {
  const db = openDb(options.db, { readonly: true });
  const host = options.host ?? '127.0.0.1';
  const allowed = isLoopback(host) ? new Set([...LOOPBACK, host.toLowerCase()]) : null;
  const cache = options.cache === false ? null : new ResponseCache(db);
  const workers = options.workers ?? (workersAvailable() ? Math.min(8, availableParallelism()) : 0);
  const pool = workers > 0 ? new RenderPool(options.db, workers) : null;
  await pool?.ready();
  // Rendering on this thread: it keeps the claims' columns as the workers do.
  if (!pool) keepClaimColumns(db);
  const server = createServer((req, res) => {
    const t = performance.now();
    void handle(db, req, res, allowed, cache, pool).then((status) => {
      options.log?.({ method: req.method ?? '?', path: req.url ?? '', status, ms: performance.now() - t });
    }, (e: unknown) => {
      process.stderr.write(`vnpress serve: ${req.url}: ${describeError(e)}\n`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'the server failed on this page; it is still running\n', false);
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      db.close();
      void pool?.close();
      reject(e.code === 'EADDRINUSE' ? new InputError(`port ${options.port} on ${host} is in use; choose another with --port`)
        : e.code === 'EADDRNOTAVAIL' ? new InputError(`${host} is not an address of this machine; use --host 127.0.0.1`) : e);
    });
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    server, db, url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { db.close(); void (pool?.close() ?? Promise.resolve()).then(() => resolve()); }); }),
  };
}
