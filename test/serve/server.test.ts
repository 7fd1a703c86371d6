/**
 * Every route of `vnpress serve` over real HTTP on 127.0.0.1, on a database file holding the fixture
 * articles and one page crawled (by the real crawler, from a server in this test) whose text and markup are
 * hostile: a <script>, quotes that would break out of an attribute, javascript: links. Every page, and its
 * .json and .csv siblings, are checked; every page's HTML is parsed and must hold no script, no event
 * handler attribute, and no link that is not an http(s) URL or a path of this server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { request } from 'node:http';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { validateSource } from '../../pipelines/source.js';
import { openDb } from '../../src/store/db.js';
import { crawl } from '../../src/crawl/crawler.js';
import { serve, CSP, type Running } from '../../src/serve/server.js';
import { fixtureDb } from '../query/fixture-db.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('vnpress-serve-');
const DB = join(dir.path, 'serve.db');
const HOST = 'hostile.example.vn';
const SCRIPT = '<script>alert(1)</script>';
const BREAK = `" onmouseover="alert(2)`;

const hostileSource = validateSource({
  id: 'hostile', name: `Hostile ${SCRIPT}`, hosts: [HOST], lang: 'vi', startUrls: [`https://${HOST}/`], sitemaps: [], feeds: [], listings: [],
  articleUrlPattern: String.raw`^https://hostile\.example\.vn/bai/[a-z0-9-]+\.html$`,
  article: { title: 'h1', date: '.date', body: '.content' }, pacing: { delayMs: 0, concurrency: 1 },
});
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HOSTILE_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title>
<link rel="canonical" href="javascript:alert(3)"><script>alert('in head')</script></head><body>
<h1>Bộ trưởng chủ trì hội nghị ${esc(SCRIPT)} ${esc(BREAK)}</h1><div class="date">15/03/2024 09:00</div>
<div class="content"><p>Sáng 15/3, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị triển khai Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ ${esc(BREAK)}.</p>
<p>Kim ngạch xuất khẩu quý I/2024 đạt hơn 93 tỷ USD ${esc(SCRIPT)}, theo <a href="javascript:alert(4)">Bộ Công Thương</a>.</p>
<script>alert(5)</script><p onclick="alert(6)">Đoạn cuối ' onfocus='alert(7)</p></div></body></html>`;

let site: Server;
let running: Running;
let base = '';

beforeAll(async () => {
  fixtureDb(DB).close();
  site = createServer((req, res) => {
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<a href="/bai/doc-hai.html">x</a>');
    if (req.url === '/bai/doc-hai.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOSTILE_PAGE);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  const db = openDb(DB);
  db.prepare("INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES ('hostile', ?, '[]', 'vi', '2024-01-01')").run(hostileSource.name);
  const stats = await crawl(db, { sources: [hostileSource], resolve: { [HOST]: origin }, delayMs: 0 });
  expect(stats.articles).toBe(1);
  db.close();
  running = await serve({ db: DB, port: 0 });
  base = running.url;
}, 30_000);
afterAll(async () => {
  await running?.close();
  await new Promise<void>((r) => site.close(() => r()));
  dir.cleanup();
});

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }
function get(path: string, opts: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(path, base);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method ?? 'GET', headers: opts.host ? { host: opts.host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The page must be harmless whatever the crawled text held. */
function assertHarmless(body: string, where: string): ReturnType<typeof parseDocument> {
  const doc = parseDocument(body);
  expect(findAll((e) => ['script', 'iframe', 'object', 'embed', 'base'].includes(e.name), doc.children), where).toHaveLength(0);
  const handlers = findAll((e) => Object.keys(e.attribs).some((a) => a.toLowerCase().startsWith('on')), doc.children);
  expect(handlers.map((e) => e.name), where).toEqual([]);
  for (const e of findAll((x) => 'href' in x.attribs || 'action' in x.attribs || 'src' in x.attribs, doc.children)) {
    const target = e.attribs.href ?? e.attribs.action ?? e.attribs.src!;
    expect(target === '#' || /^\/(?!\/)/.test(target) || /^https?:\/\//.test(target), `${where}: ${e.name} → ${target}`).toBe(true);
  }
  return doc;
}

const hostileId = async () => (JSON.parse((await get('/claims.json?q=93+ty+USD')).body).claims as { article_id: number; url: string }[])
  .find((c) => c.url.includes(HOST))!.article_id;

describe('vnpress serve: routes', () => {
  it('/ leads to the claims search; pages carry a strict policy and no sniffing', async () => {
    const root = await get('/');
    expect([root.status, root.headers.location]).toEqual([302, '/claims']);
    const page = await get('/claims');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(CSP).toMatch(/default-src 'none'/);
    expect(CSP).not.toMatch(/script-src|unsafe/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const css = await get('/style.css');
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    expect((await get('/favicon.ico')).status).toBe(204);
  });
  it('searches without diacritics, shows claim cards with the figure marked, and counts facets', async () => {
    const page = await get('/claims?q=xuat+khau');
    const doc = assertHarmless(page.body, '/claims?q=xuat khau');
    const cards = findAll((e) => (getAttributeValue(e, 'class') ?? '').split(' ').includes('claim'), doc.children);
    expect(cards.length).toBeGreaterThan(3);
    expect(cards.length).toBeLessThanOrEqual(20);
    const first = cards[0]!;
    expect(textContent(first)).toMatch(/xuất khẩu/i);
    expect(findAll((e) => e.name === 'mark', [first]).length).toBe(1);
    const facets = findAll((e) => e.name === 'aside', doc.children)[0]!;
    expect(textContent(facets)).toMatch(/matching claims/);
    const json = JSON.parse((await get('/claims.json?q=xuat+khau')).body);
    expect(json.claims).toHaveLength(cards.length);
    const bySource = json.facets.source as { value: string; count: number }[];
    expect(bySource.reduce((s, f) => s + f.count, 0)).toBe(json.facets.counted);
  });
  it('filters, and a facet link applies its filter', async () => {
    const json = JSON.parse((await get('/claims.json?q=xuat+khau&source=mpi')).body);
    expect(json.claims.length).toBeGreaterThan(0);
    expect(json.claims.every((c: { source: string }) => c.source === 'mpi')).toBe(true);
    const over = JSON.parse((await get('/claims.json?qualifier=over')).body);
    expect(over.claims.every((c: { approx: string }) => c.approx === 'over')).toBe(true);
    const page = parseDocument((await get('/claims?q=xuat+khau')).body);
    const link = findAll((e) => e.name === 'a' && (getAttributeValue(e, 'href') ?? '').includes('source=moit'), page.children)[0]!;
    const filtered = JSON.parse((await get(getAttributeValue(link, 'href')!.replace('/claims?', '/claims.json?'))).body);
    expect(filtered.claims.every((c: { source: string }) => c.source === 'moit')).toBe(true);
  });
  it('.csv siblings: BOM, header, the rows shown', async () => {
    const csv = await get('/claims.csv?q=xuat+khau');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="claims.csv"');
    expect(csv.body.startsWith('\uFEFFid,published_at,source,metric,')).toBe(true);
    const json = JSON.parse((await get('/claims.json?q=xuat+khau')).body);
    expect(csv.body.trim().split('\r\n').length).toBeGreaterThanOrEqual(json.claims.length + 1);
  });
  it('a form sent with empty fields is redirected to the address of the filters that apply', async () => {
    const r = await get('/claims?q=xuat+khau&source=&since=&until=&official=&document=&metric=&qualifier=&period=');
    expect([r.status, r.headers.location]).toEqual([302, '/claims?q=xuat+khau']);
    const j = await get('/claims.json?q=&source=mpi');
    expect([j.status, j.headers.location]).toEqual([302, '/claims.json?source=mpi']);
  });
  it('FTS syntax typed in the box is text; a bad filter is a 400 page with the form still filled in', async () => {
    expect((await get('/claims?q=AND+(+NEAR(%22x')).status).toBe(200);
    const bad = await get('/claims?q=xuat+khau&official=Kh%C3%B4ng+Ai');
    expect(bad.status).toBe(400);
    const doc = assertHarmless(bad.body, 'bad official');
    expect(textContent(findAll((e) => getAttributeValue(e, 'role') === 'alert', doc.children)[0]!)).toMatch(/no official named "Không Ai"/);
    expect(findAll((e) => e.name === 'input' && getAttributeValue(e, 'name') === 'q', doc.children)[0]!.attribs.value).toBe('xuat khau');
    expect(JSON.parse((await get('/claims.json?since=hôm+qua')).body).error).toMatch(/YYYY-MM-DD/);
  });
  it('a claim leads to its article with the span marked, and the marked text is the figure', async () => {
    const c = JSON.parse((await get('/claims.json?q=xuat+khau')).body).claims[0];
    const r = await get(`/claims/${c.id}`);
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe(`/articles/${c.article_id}?start=${c.span_start}&end=${c.span_end}#span`);
    const article = assertHarmless((await get(r.headers.location as string)).body, 'article');
    const mark = findAll((e) => e.name === 'mark' && getAttributeValue(e, 'id') === 'span', article.children);
    expect(mark.map(textContent)).toEqual([c.quote]);
    const sibling = await get(`/claims/${c.id}.json`);
    expect(sibling.headers.location).toBe(`/articles/${c.article_id}.json?start=${c.span_start}&end=${c.span_end}#span`);
    const json = JSON.parse((await get(sibling.headers.location as string)).body);
    expect(json.span).toEqual([c.span_start, c.span_end]);
    expect(json.text.slice(c.span_start, c.span_end)).toBe(c.quote);
    expect(json.claims.length).toBeGreaterThan(0);
  });
  it('missing things are 404s; a span outside the text is a 400; only GET and HEAD', async () => {
    expect((await get('/articles/999999')).status).toBe(404);
    expect((await get('/claims/999999')).status).toBe(404);
    expect((await get('/nothing-here')).status).toBe(404);
    expect((await get('/officials/Kh%C3%B4ng%20Ai')).status).toBe(404);
    expect((await get('/documents/%E0%A4%A')).status).toBe(404);
    const id = await hostileId();
    expect((await get(`/articles/${id}?start=5&end=999999`)).status).toBe(400);
    expect((await get('/claims', { method: 'POST' })).status).toBe(405);
    const headOnly = await get('/claims', { method: 'HEAD' });
    expect([headOnly.status, headOnly.body]).toEqual([200, '']);
  });
  it('refuses a Host that is not this machine (DNS rebinding)', async () => {
    const r = await get('/claims.json', { host: 'evil.example.com' });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('claims');
    expect((await get('/claims.json', { host: `localhost:${new URL(base).port}` })).status).toBe(200);
  });
  it('an official: titles over time and every mention, accent-insensitive in the URL', async () => {
    const page = await get('/officials/Pham%20Minh%20Chinh');
    expect(page.status).toBe(200);
    const doc = assertHarmless(page.body, 'official');
    expect(textContent(findAll((e) => e.name === 'h1', doc.children)[0]!)).toBe('Phạm Minh Chính');
    const json = JSON.parse((await get('/officials/Pham%20Minh%20Chinh.json')).body);
    expect(json[0].positions.length).toBeGreaterThan(0);
    const csv = (await get('/officials/Pham%20Minh%20Chinh.csv')).body.trim().split('\r\n');
    expect(csv.length - 1).toBe(json[0].articles.length);
  });
  it('a legal document: every citing article by date, each linked to its span', async () => {
    const page = await get(`/documents/${encodeURIComponent('13/2023/ND-CP')}`);
    expect(page.status).toBe(200);
    const doc = assertHarmless(page.body, 'document');
    expect(textContent(findAll((e) => e.name === 'h1', doc.children)[0]!)).toBe('Nghị định 13/2023/NĐ-CP');
    const rows = JSON.parse((await get(`/documents/${encodeURIComponent('13/2023/NĐ-CP')}.json`)).body)[0].citations as { published_at: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(3); // two fixtures and the hostile page
    expect(rows.map((r) => r.published_at)).toEqual([...rows.map((r) => r.published_at)].sort());
  });
  it('a metric: an SVG chart whose points link to their sentences', async () => {
    const page = await get(`/metrics/${encodeURIComponent('gdp-growth|rate')}`);
    expect(page.status).toBe(200);
    const doc = assertHarmless(page.body, 'metric');
    const links = findAll((e) => e.name === 'a' && /^\/claims\/\d+$/.test(getAttributeValue(e, 'href') ?? ''), findAll((e) => e.name === 'svg', doc.children));
    expect(links.length).toBeGreaterThan(1);
    const target = await get(getAttributeValue(links[0]!, 'href')!);
    expect(target.status).toBe(302);
    const points = JSON.parse((await get(`/metrics/${encodeURIComponent('gdp-growth|rate')}.json`)).body).points;
    expect(points.length).toBe(findAll((e) => e.name === 'circle' && (getAttributeValue(e, 'class') ?? '') === 'point', doc.children).length);
  });
  it('crawl status, with its JSON', async () => {
    const page = await get('/crawl');
    expect(page.status).toBe(200);
    assertHarmless(page.body, 'crawl');
    const json = JSON.parse((await get('/crawl.json')).body);
    expect(json.frontier.find((f: { source: string }) => f.source === 'hostile').done).toBeGreaterThanOrEqual(2);
  });
});

describe('vnpress serve: the page cache', () => {
  it('sends a page again from the cache until another process changes the database', async () => {
    const first = await get('/claims?q=xuat+khau&x=cache-test');
    expect(first.headers['x-vnpress-cache']).toBe('miss');
    const again = await get('/claims?q=xuat+khau&x=cache-test');
    expect(again.headers['x-vnpress-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    // A HEAD of a cached page: the same headers, no body.
    const head = await get('/claims?q=xuat+khau&x=cache-test', { method: 'HEAD' });
    expect([head.status, head.headers['x-vnpress-cache'], head.headers['content-length'], head.body]).toEqual([200, 'hit', String(Buffer.byteLength(first.body)), '']);
    // A writer (as a crawl beside the server would): the next request renders anew and shows the change.
    const writer = openDb(DB);
    try {
      writer.prepare("UPDATE articles SET title = 'Tiêu đề mới sau khi sửa' WHERE id = (SELECT article_id FROM claims WHERE id = ?)")
        .run((JSON.parse((await get('/claims.json?q=xuat+khau')).body).claims as { id: number }[])[0]!.id);
    } finally {
      writer.close();
    }
    const after = await get('/claims?q=xuat+khau&x=cache-test');
    expect(after.headers['x-vnpress-cache']).toBe('miss');
    expect(after.body).toContain('Tiêu đề mới sau khi sửa');
  });
});

describe('vnpress serve: the hostile page', () => {
  it('its text shows as text on every page it reaches, and nothing in it runs or links out to script', async () => {
    const id = await hostileId();
    const pages = [`/articles/${id}`, '/claims?q=93+ty+USD', `/documents/${encodeURIComponent('13/2023/NĐ-CP')}`, '/officials/Pham%20Minh%20Chinh', '/claims?source=hostile', '/crawl'];
    for (const p of pages) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      const doc = assertHarmless(r.body, p);
      if (p !== '/crawl') expect(textContent(doc), p).toContain(SCRIPT);
    }
    const article = parseDocument((await get(`/articles/${id}`)).body);
    expect(textContent(article)).toContain(BREAK);
    // The article's links: its original URL as fetched, never the javascript: canonical or body link.
    const original = findAll((e) => e.name === 'a' && (getAttributeValue(e, 'class') ?? '') === 'original', article.children);
    expect(original.map((a) => getAttributeValue(a, 'href'))).toEqual([`https://${HOST}/bai/doc-hai.html`]);
    // The JSON holds the text as it was, for a program to read (JSON is not HTML: nothing to escape there).
    expect(JSON.parse((await get(`/articles/${id}.json`)).body).title).toContain(SCRIPT);
  });
  it('a javascript: URL in the database still becomes no link', async () => {
    const id = await hostileId();
    const db = openDb(DB);
    db.prepare("UPDATE articles SET url = 'javascript:alert(8)' WHERE id = ?").run(id);
    db.close();
    try {
      for (const p of [`/articles/${id}`, '/claims?q=93+ty+USD']) assertHarmless((await get(p)).body, p);
    } finally {
      const w = openDb(DB);
      w.prepare('UPDATE articles SET url = ? WHERE id = ?').run(`https://${HOST}/bai/doc-hai.html`, id);
      w.close();
    }
  });
});
