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
import { toCsvRow } from '../query/csv.js';
import { ROUTES, STYLE, errorPage, layout, type View } from './pages.js';

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

type Format = 'html' | 'json' | 'csv';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { ...HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}

function sendView(res: ServerResponse, view: View, format: Format, url: URL, head: boolean, status = 200): void {
  if (format === 'json') {
    send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(view.json ?? view.rows, null, 1)}\n`, head);
  } else if (format === 'csv') {
    const body = `\uFEFF${toCsvRow(view.columns)}${view.rows.map((r) => toCsvRow(view.columns.map((c) => r[c]))).join('')}`;
    const name = (url.pathname.replace(/\.csv$/, '').split('/').filter(Boolean).join('-') || 'vnpress').replace(/[^\w.-]+/g, '_');
    res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
    send(res, status, 'text/csv; charset=utf-8', body, head);
  } else {
    send(res, status, 'text/html; charset=utf-8', layout(view, url).value, head);
  }
}

/** `allowedHosts` null: any Host (the server was bound to a non-loopback address on purpose). */
export function handle(db: Db, req: IncomingMessage, res: ServerResponse, allowedHosts: ReadonlySet<string> | null): number {
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
  const ext = /\.(json|csv)$/.exec(url.pathname);
  const format: Format = ext ? (ext[1] as Format) : 'html';
  const path = ext ? url.pathname.slice(0, -ext[0].length) : url.pathname;
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    let args: string[];
    try {
      args = m.slice(1).map((s) => decodeURIComponent(s).normalize('NFC'));
    } catch {
      break; // a malformed %-escape: no such page
    }
    try {
      const out = route.handler(db, args, url.searchParams);
      if ('redirect' in out) {
        // A sibling's redirect keeps its format: /claims/7.json leads to the article's .json.
        res.writeHead(302, { ...HEADERS, location: format === 'html' ? out.redirect : out.redirect.replace(/^[^?#]*/, (p) => `${p}.${format}`) });
        res.end();
        return 302;
      }
      if (!out.found) {
        sendView(res, errorPage(out.title, out.message), format, url, head, 404);
        return 404;
      }
      sendView(res, out.view, format, url, head);
      return 200;
    } catch (e) {
      if (e instanceof InputError) {
        sendView(res, route.onError?.(db, url.searchParams, e.message) ?? errorPage('Cannot show this', e.message), format, url, head, 400);
        return 400;
      }
      process.stderr.write(`vnpress serve: ${req.url}: ${describeError(e)}\n`);
      sendView(res, errorPage('Something went wrong', `${describeError(e)}. The server is still running; the other pages work.`), format, url, head, 500);
      return 500;
    }
  }
  sendView(res, errorPage('No such page', `${url.pathname} is not a page here. Search claims at /claims.`), format, url, head, 404);
  return 404;
}

export async function serve(options: ServeOptions): Promise<Running> {
  const db = openDb(options.db, { readonly: true });
  const host = options.host ?? '127.0.0.1';
  const allowed = isLoopback(host) ? new Set([...LOOPBACK, host.toLowerCase()]) : null;
  const server = createServer((req, res) => {
    const t = performance.now();
    const status = handle(db, req, res, allowed);
    options.log?.({ method: req.method ?? '?', path: req.url ?? '', status, ms: performance.now() - t });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      db.close();
      reject(e.code === 'EADDRINUSE' ? new InputError(`port ${options.port} on ${host} is in use; choose another with --port`)
        : e.code === 'EADDRNOTAVAIL' ? new InputError(`${host} is not an address of this machine; use --host 127.0.0.1`) : e);
    });
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    server, db, url: `http://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { db.close(); resolve(); }); }),
  };
}
