/**
 * What fetched pages lead to, through a crawl of the local mirror with a real source definition: --since
 * keeps older articles out of the frontier and stops a listing's pagination, and an article URL that holds
 * no article is recorded as what it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { startMirror, type Mirror } from '../../pipelines/local-mirror.js';
import { SOURCES, validateSource } from '../../pipelines/index.js';
import { openDb, type Db } from '../../src/store/db.js';
import { crawl } from '../../src/crawl/crawler.js';
import { tempDir } from '../helpers.js';

describe('--since', () => {
  let mirror: Mirror;
  let db: Db;
  const dir = tempDir();
  const since = '2024-01-01';
  const source = SOURCES.find((s) => s.id === 'baochinhphu')!;

  beforeAll(async () => {
    mirror = await startMirror();
    db = openDb(join(dir.path, 'since.db'));
    await crawl(db, { sources: [source], resolve: mirror.resolve, delayMs: 0, since });
  });
  afterAll(async () => {
    db.close();
    await mirror.close();
    dir.cleanup();
  });

  it('fetches the articles published since the date, and none before', () => {
    const mine = mirror.articles.filter((a) => a.host === 'baochinhphu.vn');
    const newer = mine.filter((a) => a.publishedAt.slice(0, 10) >= since).map((a) => a.url).sort();
    expect(newer.length).toBeGreaterThan(0);
    expect(mine.length).toBeGreaterThan(newer.length);
    const stored = (db.prepare('SELECT url FROM articles ORDER BY url').all() as { url: string }[]).map((r) => r.url);
    expect(stored).toEqual(newer);
    const fetchedArticles = mirror.log.filter((l) => l.startsWith('baochinhphu.vn ') && /-102\d{15}\.htm$/.test(l));
    expect(fetchedArticles.length).toBe(newer.length);
  });
});

describe('listing pagination down to --since', () => {
  it('follows next pages while they hold newer articles, and stops at the first page all older', async () => {
    // Four pages, newest first: 2024, 2024 | 2024, 2023 | 2023, 2022 | 2022, 2021.
    const dates = [['2024-05-02', '2024-03-01'], ['2024-01-15', '2023-11-30'], ['2023-08-01', '2022-12-01'], ['2022-06-01', '2021-01-01']];
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const m = /^\/tin-tuc(?:\/trang-(\d+))?\.htm$/.exec(req.url ?? '');
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (m) {
        const n = Number(m[1] ?? 1);
        const items = dates[n - 1]!.map((d, i) => `<li><a href="/bai/p${n}-${i}.htm">Bài ${n}.${i}</a> <span class="time">${d.split('-').reverse().join('/')}</span></li>`).join('');
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<ul>${items}</ul>${n < 4 ? `<a href="/tin-tuc/trang-${n + 1}.htm">Sau</a>` : ''}`);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Bài</h1><div class="date">01/01/2024</div><div class="content"><p>Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ tháng 12 năm 2023, đánh giá tình hình kinh tế - xã hội và công tác chỉ đạo, điều hành.</p></div>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const dir = tempDir();
    const db = openDb(join(dir.path, 'paging.db'));
    try {
      const source = validateSource({
        id: 'paging', name: 'Paging', hosts: ['paging.example.vn'], lang: 'vi', startUrls: [], sitemaps: [], feeds: [],
        listings: [{ url: 'https://paging.example.vn/tin-tuc.htm', pagination: 'https://paging.example.vn/tin-tuc/trang-{page}.htm', maxPages: 10 }],
        articleUrlPattern: String.raw`^https://paging\.example\.vn/bai/[a-z0-9-]+\.htm$`,
        article: { title: 'h1', date: '.date', body: '.content' }, pacing: { delayMs: 1000, concurrency: 1 },
      });
      await crawl(db, { sources: [source], resolve: { 'paging.example.vn': origin }, delayMs: 0, since: '2024-01-01' });
      expect(requests.filter((r) => r.startsWith('/tin-tuc'))).toEqual(['/tin-tuc.htm', '/tin-tuc/trang-2.htm', '/tin-tuc/trang-3.htm']);
      expect(requests.filter((r) => r.startsWith('/bai/')).sort()).toEqual(['/bai/p1-0.htm', '/bai/p1-1.htm', '/bai/p2-0.htm']);
    } finally {
      db.close();
      dir.cleanup();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
