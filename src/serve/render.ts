/**
 * A page of the database as the bytes to send: a route's view as HTML, JSON or CSV, a redirect, or the page
 * that says what went wrong. Rendered on the server's thread or in a worker (src/serve/pool.ts).
 */
import type { Db } from '../store/db.js';
import { InputError, describeError } from '../errors.js';
import { toCsvRow } from '../query/csv.js';
import { ROUTES, errorPage, layout, type View } from './pages.js';
import type { Rendered } from './cache.js';

type Format = 'html' | 'json' | 'csv';

function renderView(view: View, format: Format, url: URL, status = 200): Rendered {
  if (format === 'json') {
    return { status, type: 'application/json; charset=utf-8', body: Buffer.from(`${JSON.stringify(view.json ?? view.rows, null, 1)}\n`) };
  }
  if (format === 'csv') {
    const body = `\uFEFF${toCsvRow(view.columns)}${view.rows.map((r) => toCsvRow(view.columns.map((c) => r[c]))).join('')}`;
    const name = (url.pathname.replace(/\.csv$/, '').split('/').filter(Boolean).join('-') || 'vnpress').replace(/[^\w.-]+/g, '_');
    return { status, type: 'text/csv; charset=utf-8', body: Buffer.from(body), headers: { 'content-disposition': `attachment; filename="${name}.csv"` } };
  }
  return { status, type: 'text/html; charset=utf-8', body: Buffer.from(layout(view, url).value) };
}

/** Whether the page is one of the quick routes (rendered on the server's thread). */
export function isQuick(url: URL): boolean {
  const path = url.pathname.replace(/\.(json|csv)$/, '');
  return ROUTES.some((r) => r.quick && r.pattern.test(path));
}

/** A page of the database: a route's view, a redirect, or the page that says what went wrong. */
export function render(db: Db, url: URL): Rendered {
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
        const location = format === 'html' ? out.redirect : out.redirect.replace(/^[^?#]*/, (p) => `${p}.${format}`);
        return { status: 302, type: 'text/plain; charset=utf-8', body: Buffer.alloc(0), headers: { location } };
      }
      if (!out.found) return renderView(errorPage(out.title, out.message), format, url, 404);
      return renderView(out.view, format, url);
    } catch (e) {
      if (e instanceof InputError) return renderView(route.onError?.(db, url.searchParams, e.message) ?? errorPage('Cannot show this', e.message), format, url, 400);
      process.stderr.write(`vnpress serve: ${url.pathname}${url.search}: ${describeError(e)}\n`);
      return renderView(errorPage('Something went wrong', `${describeError(e)}. The server is still running; the other pages work.`), format, url, 500);
    }
  }
  return renderView(errorPage('No such page', `${url.pathname} is not a page here. Search claims at /claims.`), format, url, 404);
}

