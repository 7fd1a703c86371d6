/**
 * The crawl loop against a fault server on 127.0.0.1: every way a site misbehaves, in one crawl. Each fault
 * gets the right retries and, where it must fail, a recorded failure with its cause; the rest of the crawl
 * completes and stores its articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSource } from '../../pipelines/source.js';
import { fixturesDir } from '../../pipelines/local-mirror.js';
import { openDb, type Db } from '../../src/store/db.js';
import { crawl, type CrawlEvent, type CrawlStats } from '../../src/crawl/crawler.js';
import { tempDir } from '../helpers.js';

const HOST = 'faults.example.vn';
const DOWN = 'down.example.vn';

const source = validateSource({
  id: 'faults',
  name: 'A site that fails in every way',
  hosts: [HOST, DOWN],
  lang: 'vi',
  startUrls: [`https://${HOST}/`],
  sitemaps: [],
  feeds: [],
  listings: [],
  articleUrlPattern: String.raw`^https://(faults|down)\.example\.vn/(private/)?bai/[a-z0-9-]+\.html$`,
  article: { title: 'h1', date: '.date', body: '.content' },
  pacing: { delayMs: 1000, concurrency: 1 },
});

const page = (title: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1><div class="date">08/08/2022 10:20</div>
<div class="content"><p>Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp thứ 3 của Ủy ban Quốc gia về chuyển đổi số, theo dõi việc thi hành Nghị định 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ.</p>
<p>Tỷ lệ hồ sơ trực tuyến toàn trình đạt hơn 40% trong 6 tháng đầu năm 2022, theo báo cáo của Bộ Thông tin và Truyền thông.</p></div></body></html>`;

/** Requests seen, as "host path", in order, with their time. */
const seen: { key: string; at: number }[] = [];
const count = (key: string) => seen.filter((s) => s.key === key).length;
let server: Server;
let origin = '';
const encodings = join(fixturesDir(), 'encodings');

const ARTICLES = ['ok-1', 'ok-2', 'busy', 'burst', 'reset', 'always-500', 'stall', 'loop', 'huge', 'bomb', 'photo', 'cp1258', 'tcvn3'];

beforeAll(async () => {
  server = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0]!;
    const path = req.url ?? '/';
    const key = `${host} ${path}`;
    seen.push({ key, at: Date.now() });
    const n = count(key);
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => res.writeHead(200, { 'content-type': type }).end(body);
    if (host === DOWN) {
      if (path === '/robots.txt') res.writeHead(503).end();
      else html(page('Không được tải'));
      return;
    }
    switch (path) {
      case '/robots.txt': res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nDisallow: /private/\nSitemap: https://${HOST}/extra-sitemap.xml\n`); return;
      // Listed only in robots.txt: its one article is found through it.
      case '/extra-sitemap.xml': res.writeHead(200, { 'content-type': 'application/xml' }).end(`<urlset><url><loc>https://${HOST}/bai/ok-3.html</loc></url></urlset>`); return;
      case '/':
        html(`<html><body><ul>${[...ARTICLES.map((a) => `/bai/${a}.html`), '/private/bai/secret.html', `https://${DOWN}/bai/elsewhere.html`]
          .map((u) => `<li><a href="${u}">${u}</a></li>`).join('')}</ul></body></html>`);
        return;
      case '/bai/ok-1.html': case '/bai/ok-2.html': case '/bai/ok-3.html': html(page(`Bài ${path}`)); return;
      case '/bai/busy.html': if (n === 1) res.writeHead(429, { 'retry-after': '1' }).end(); else html(page('Sau khi chờ')); return;
      case '/bai/burst.html': if (n <= 2) res.writeHead(n === 1 ? 503 : 500).end(); else html(page('Sau hai lỗi')); return;
      case '/bai/always-500.html': res.writeHead(500).end(); return;
      case '/bai/reset.html': if (n === 1) req.socket.destroy(); else html(page('Sau khi mất kết nối')); return;
      case '/bai/stall.html': res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html><body><h1>'); return;
      case '/bai/loop.html': res.writeHead(302, { location: '/bai/loop-back.html' }).end(); return;
      case '/bai/loop-back.html': res.writeHead(302, { location: '/bai/loop.html' }).end(); return;
      case '/bai/huge.html': {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.on('error', () => {});
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => { while (sent < 30) { sent++; if (!res.write(chunk)) return void res.once('drain', pump); } res.end(); };
        pump();
        return;
      }
      case '/bai/bomb.html': res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50 * 1024 * 1024))); return;
      case '/bai/photo.html': res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048)); return;
      case '/bai/cp1258.html': html(readFileSync(join(encodings, 'windows-1258.html')), 'text/html'); return;
      // TCVN3 pages declare Latin-1, as they did: only their font names and letters say what they are.
      case '/bai/tcvn3.html': html(readFileSync(join(encodings, 'tcvn3.html')), 'text/html; charset=iso-8859-1'); return;
      default: res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('a crawl of a faulty site', () => {
  const dir = tempDir();
  let db: Db;
  let stats: CrawlStats;
  const events: CrawlEvent[] = [];
  const row = (path: string) => db.prepare('SELECT state, attempts, last_status, last_reason, last_error FROM frontier WHERE url = ?').get(`https://${HOST}${path}`) as
    { state: string; attempts: number; last_status: number | null; last_reason: string | null; last_error: string };

  beforeAll(async () => {
    expect(existsSync(join(encodings, 'tcvn3.html'))).toBe(true);
    db = openDb(join(dir.path, 'faults.db'));
    stats = await crawl(db, {
      sources: [source], resolve: { [HOST]: origin, [DOWN]: origin }, delayMs: 0, maxAttempts: 4, retryBaseMs: 50,
      timeouts: { headersMs: 1000, bodyMs: 300 }, maxIdleWaitMs: 3000, onEvent: (e) => events.push(e),
    });
  }, 60_000);
  afterAll(() => { db.close(); dir.cleanup(); });

  it('stores every article that could be fetched, each once', () => {
    const urls = (db.prepare('SELECT url FROM articles ORDER BY url').all() as { url: string }[]).map((r) => r.url.replace(`https://${HOST}/bai/`, ''));
    expect(urls).toEqual(['burst.html', 'busy.html', 'cp1258.html', 'ok-1.html', 'ok-2.html', 'ok-3.html', 'reset.html', 'tcvn3.html']);
    expect(stats.articles).toBe(8);
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
  });

  it('waits as long as Retry-After says after a 429, then succeeds', () => {
    const times = seen.filter((s) => s.key === `${HOST} /bai/busy.html`).map((s) => s.at);
    expect(times.length).toBe(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('retries a burst of 503 and 500, and a reset connection, with backoff', () => {
    expect(count(`${HOST} /bai/burst.html`)).toBe(3);
    expect(count(`${HOST} /bai/reset.html`)).toBe(2);
    expect(row('/bai/burst.html')).toMatchObject({ state: 'done', last_status: 200 });
  });

  it('gives up on a server error after the last attempt, and records it', () => {
    expect(count(`${HOST} /bai/always-500.html`)).toBe(4);
    expect(row('/bai/always-500.html')).toMatchObject({ state: 'failed', attempts: 4, last_status: 500, last_reason: 'http' });
    expect(row('/bai/always-500.html').last_error).toMatch(/answered HTTP 500; gave up after 4 attempts$/);
  });

  it('times out a page that sends headers then stalls, retries it, then records the timeout', () => {
    expect(count(`${HOST} /bai/stall.html`)).toBe(4);
    expect(row('/bai/stall.html')).toMatchObject({ state: 'failed', last_reason: 'timeout' });
    expect(row('/bai/stall.html').last_error).toMatch(/stalled for 0\.3 s while sending the body/);
  });

  it('fails a redirect loop, a 30 MB page and a gzip bomb at once: retrying cannot help', () => {
    expect(row('/bai/loop.html')).toMatchObject({ state: 'failed', attempts: 1, last_reason: 'redirect' });
    // The loop is seen before the page is asked for a second time.
    expect([count(`${HOST} /bai/loop.html`), count(`${HOST} /bai/loop-back.html`)]).toEqual([1, 1]);
    expect(row('/bai/huge.html')).toMatchObject({ state: 'failed', attempts: 1, last_reason: 'too-large' });
    expect(row('/bai/bomb.html')).toMatchObject({ state: 'failed', attempts: 1, last_reason: 'too-large' });
    expect(row('/bai/bomb.html').last_error).toMatch(/after decompression/);
  });

  it('records and skips what is not a page', () => {
    expect(row('/bai/photo.html')).toMatchObject({ state: 'skipped', last_reason: 'content-type' });
  });

  it('obeys robots.txt: a disallowed path is never requested; the sitemaps it lists are followed', () => {
    expect(count(`${HOST} /extra-sitemap.xml`)).toBe(1);
    expect(count(`${HOST} /private/bai/secret.html`)).toBe(0);
    expect(row('/private/bai/secret.html')).toMatchObject({ state: 'skipped', last_reason: 'robots' });
  });

  it('fetches nothing from a host whose robots.txt answers 503, and keeps its URLs for later', () => {
    expect(seen.filter((s) => s.key.startsWith(`${DOWN} `)).map((s) => s.key)).toEqual([`${DOWN} /robots.txt`]);
    const r = db.prepare('SELECT state, attempts, last_reason, next_attempt_at FROM frontier WHERE url = ?').get(`https://${DOWN}/bai/elsewhere.html`) as { state: string; last_reason: string; next_attempt_at: string };
    // Waiting, without an attempt used up: the URL did not fail, its host's robots.txt did.
    expect(r).toMatchObject({ state: 'queued', attempts: 0, last_reason: 'robots' });
    expect(stats.postponed).toBe(1);
    expect(events).toContainEqual(expect.objectContaining({ type: 'warning', url: `https://${DOWN}/robots.txt` }));
    expect(Date.parse(r.next_attempt_at) - Date.now()).toBeGreaterThan(5 * 60_000);
    expect(stats.pending).toBe(1);
  });

  it('converts Windows-1258 and TCVN3 pages to NFC Unicode and records what was converted', () => {
    const pages = db.prepare(`SELECT url, charset, converted_from FROM pages WHERE url LIKE '%cp1258%' OR url LIKE '%tcvn3%' ORDER BY url`).all();
    expect(pages).toEqual([
      { url: `https://${HOST}/bai/cp1258.html`, charset: 'windows1258', converted_from: 'windows1258' },
      { url: `https://${HOST}/bai/tcvn3.html`, charset: 'tcvn3', converted_from: 'tcvn3' },
    ]);
    for (const name of ['windows-1258', 'tcvn3']) {
      const [title, paragraph] = readFileSync(join(encodings, `${name}.expected.txt`), 'utf8').split('\n');
      const slug = name === 'tcvn3' ? 'tcvn3' : 'cp1258';
      const a = db.prepare('SELECT title, text FROM articles WHERE url = ?').get(`https://${HOST}/bai/${slug}.html`) as { title: string; text: string };
      expect(a.title).toBe(title);
      expect(a.text).toContain(paragraph);
      expect(a.text).toBe(a.text.normalize('NFC'));
    }
  });

  it('sums up the failures by cause, with an example of each', () => {
    expect(Object.fromEntries(Object.entries(stats.failures).map(([k, g]) => [k, g.count]))).toEqual({
      'http 500': 1, timeout: 1, redirect: 1, 'too-large': 2, 'content-type': 1, robots: 1,
    });
    expect(stats.failures['too-large']!.example.url).toMatch(/\/bai\/(huge|bomb)\.html$/);
    expect(events.filter((e) => e.type === 'failed' && e.willRetry).length).toBe(stats.retried);
  });

  it('a second run fetches the entry points again and finds nothing new', async () => {
    const before = seen.length;
    const again = await crawl(db, { sources: [source], resolve: { [HOST]: origin, [DOWN]: origin }, delayMs: 0, maxIdleWaitMs: 0 });
    expect(again.articlesChanged).toBe(0);
    expect(seen.slice(before).map((s) => s.key).filter((k) => k.includes('/bai/'))).toEqual([]);
    // The home page has no ETag: fetched in full, found the same by hash, and not read again.
    expect(seen.slice(before).map((s) => s.key)).toContain(`${HOST} /`);
    expect([again.notModified, again.unchanged, again.discovered]).toEqual([0, 1, 0]);
  });

  it('an article fetched again with the same bytes is not read again, and stays done', async () => {
    db.prepare("UPDATE frontier SET state = 'queued' WHERE url IN (?, ?)").run(`https://${HOST}/bai/ok-1.html`, `https://${HOST}/bai/ok-2.html`);
    const again = await crawl(db, { sources: [source], resolve: { [HOST]: origin, [DOWN]: origin }, delayMs: 0, maxIdleWaitMs: 0 });
    expect([again.unchanged, again.articles, again.failed]).toEqual([3, 0, 0]);
    expect(row('/bai/ok-1.html')).toMatchObject({ state: 'done', last_status: 200 });
  });
});

describe('politeness by default', () => {
  it('one request at a time per host, at least 1 s apart, with our User-Agent and contact', async () => {
    const dir = tempDir();
    const db = openDb(join(dir.path, 'polite.db'));
    const polite = validateSource({ ...source, id: 'polite', hosts: ['polite.example.vn'], startUrls: ['https://polite.example.vn/'],
      articleUrlPattern: String.raw`^https://polite\.example\.vn/bai/[a-z0-9-]+\.html$` });
    const times: { start: number; end: number; ua: string }[] = [];
    let open = 0;
    let maxOpen = 0;
    const s = createServer((req, res) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      const t = { start: Date.now(), end: 0, ua: String(req.headers['user-agent']) };
      times.push(t);
      // Each answer takes 50 ms, so overlapping requests would show.
      setTimeout(() => {
        open--;
        t.end = Date.now();
        if (req.url === '/robots.txt') res.writeHead(404).end();
        else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/bai/a.html">a</a><a href="/bai/b.html">b</a>');
        else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Bài viết'));
      }, 50);
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const port = (s.address() as { port: number }).port;
    try {
      const stats = await crawl(db, { sources: [polite], resolve: { 'polite.example.vn': `http://127.0.0.1:${port}` }, contact: 'lab@example.org' });
      expect(stats.articles).toBe(2);
      expect(times.length).toBe(4);
      expect(maxOpen).toBe(1);
      // robots.txt is asked for before the first page; the pages after it keep the 1 s delay.
      for (let i = 2; i < times.length; i++) expect(times[i]!.start - times[i - 1]!.start).toBeGreaterThanOrEqual(995);
      expect(times[0]!.ua).toBe('vnpress/0.1 (research crawler of public press releases; contact: lab@example.org)');
    } finally {
      db.close();
      dir.cleanup();
      await new Promise<void>((r) => s.close(() => r()));
    }
  }, 20_000);
});
