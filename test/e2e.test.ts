/**
 * End to end: start the local mirror, crawl it with the real source definitions into a temporary database,
 * and check what landed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startMirror, type Mirror } from '../pipelines/local-mirror.js';
import { SOURCES } from '../pipelines/index.js';
import { openDb, type Db } from '../src/store/db.js';
import { crawl } from '../src/crawl/crawler.js';
import { tempDir } from './helpers.js';

describe('crawl of the local mirror', () => {
  let mirror: Mirror;
  let db: Db;
  const dir = tempDir();

  beforeAll(async () => {
    mirror = await startMirror();
    db = openDb(join(dir.path, 'vnpress.db'));
    const stats = await crawl(db, { sources: SOURCES, resolve: mirror.resolve, delayMs: 0 });
    expect(stats.failed).toBe(0);
  });
  afterAll(async () => {
    db.close();
    await mirror.close();
    dir.cleanup();
  });

  const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

  it('stores every article of the mirror, each once', () => {
    expect(mirror.articles.length).toBeGreaterThanOrEqual(20);
    expect(count('SELECT COUNT(*) AS n FROM articles')).toBe(mirror.articles.length);
    expect(count('SELECT COUNT(DISTINCT url) AS n FROM articles')).toBe(mirror.articles.length);
    for (const kind of ['legal_refs', 'official_mentions', 'meetings', 'claims']) {
      expect(count(`SELECT COUNT(*) AS n FROM ${kind}`), kind).toBeGreaterThan(0);
    }
  });

  it('finds a known decree with its date', () => {
    // Cited by baochinhphu.vn and chinhphu.vn, and as "Decree 13/2023/ND-CP" by the English edition en.baochinhphu.vn.
    const doc = db.prepare('SELECT number, type, issued_on, issuer FROM legal_documents WHERE number = ?').get('13/2023/NĐ-CP');
    expect(doc).toEqual({ number: '13/2023/NĐ-CP', type: 'Nghị định', issued_on: '2023-04-17', issuer: 'Chính phủ' });
    expect(count(`SELECT COUNT(DISTINCT r.article_id) AS n FROM legal_refs r JOIN legal_documents d ON d.id = r.document_id WHERE d.number = '13/2023/NĐ-CP'`)).toBe(3);
  });

  it('finds a known official with their title', () => {
    const titles = (db.prepare(`SELECT DISTINCT t.title FROM official_titles t JOIN persons p ON p.id = t.person_id WHERE p.name = 'Phạm Minh Chính'`).all() as { title: string }[]).map((r) => r.title);
    expect(titles).toContain('Thủ tướng Chính phủ');
  });

  it('finds a known claim with value, unit and qualifier', () => {
    // Tổng cục Thống kê: GDP quý II/2022 tăng 7,72% (baochinhphu.vn fixture).
    const claim = db.prepare(`SELECT value, unit, approx, period FROM claims WHERE value = 7.72 AND unit = '%' AND period = '2022-Q2'`).get();
    expect(claim).toEqual({ value: 7.72, unit: '%', approx: 'exact', period: '2022-Q2' });
  });

  it('takes in the English editions: English articles with their facts, the same people and documents as in Vietnamese, versions linked', () => {
    const english = db.prepare("SELECT id, url, source_id AS source FROM articles WHERE lang = 'en' ORDER BY url").all() as { id: number; url: string; source: string }[];
    expect(new Set(english.map((a) => a.source))).toEqual(new Set(['en-baochinhphu', 'en-mic']));
    expect(english).toHaveLength(mirror.articles.filter((a) => /\/\/(?:en\.baochinhphu|english\.mic)\./.test(a.url)).length);
    for (const a of english) {
      expect(count('SELECT (SELECT COUNT(*) FROM claims WHERE article_id = ?) + (SELECT COUNT(*) FROM official_mentions WHERE article_id = ?) AS n', a.id, a.id), a.url).toBeGreaterThan(0);
    }
    // One person and one document, whatever the language that named them.
    expect(db.prepare("SELECT name FROM persons WHERE name IN ('Phạm Minh Chính', 'Pham Minh Chinh')").all()).toEqual([{ name: 'Phạm Minh Chính' }]);
    expect(count(`SELECT COUNT(*) AS n FROM official_mentions m JOIN persons p ON p.id = m.person_id JOIN articles a ON a.id = m.article_id
      WHERE p.name = 'Phạm Minh Chính' AND a.lang = 'en'`)).toBeGreaterThan(0);
    expect(count("SELECT COUNT(*) AS n FROM legal_documents WHERE number LIKE '13/2023/N%'")).toBe(1);
    // The English GDP story is a version of the Vietnamese one.
    const gdp = db.prepare(`SELECT e.duplicate_of AS story, v.url FROM articles e JOIN articles v ON v.id = e.duplicate_of WHERE e.url LIKE '%gdp-grows-772%'`).get() as { story: number; url: string } | undefined;
    expect(gdp?.url).toMatch(/\/\/baochinhphu\.vn\/gdp-quy-ii-2022-tang-772/);
  });

  it('keeps every span valid: the quote is the text at the span', () => {
    const rows = db.prepare(`SELECT a.text, c.span_start, c.span_end, c.quote FROM claims c JOIN articles a ON a.id = c.article_id`).all() as { text: string; span_start: number; span_end: number; quote: string }[];
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.text.slice(r.span_start, r.span_end)).toBe(r.quote);
  });

  it('a second crawl finds nothing new and duplicates nothing', async () => {
    const before = ['articles', 'claims', 'legal_documents', 'persons', 'pages'].map((t) => count(`SELECT COUNT(*) AS n FROM ${t}`));
    const stats = await crawl(db, { sources: SOURCES, resolve: mirror.resolve, delayMs: 0 });
    expect(stats.articlesChanged).toBe(0);
    expect(stats.notModified).toBe(stats.fetched);
    const after = ['articles', 'claims', 'legal_documents', 'persons', 'pages'].map((t) => count(`SELECT COUNT(*) AS n FROM ${t}`));
    expect(after).toEqual(before);
    expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
  });
});

describe('an article URL that holds no article', () => {
  it('is kept as what it is (here a soft 404), not stored as an article, not retried', async () => {
    const articleUrl = '/bai-viet-da-go-102220808115523486.htm';
    const server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><body><a href="${articleUrl}">Bài viết đã gỡ</a></body></html>`);
      } else if (req.url === articleUrl) {
        // Served with 200, as some portals do for removed articles.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>404 - Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1><p>Bài viết không tồn tại.</p></body></html>');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const dir = tempDir();
    const db = openDb(join(dir.path, 'soft404.db'));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const source = SOURCES.find((s) => s.id === 'baochinhphu')!;
      const stats = await crawl(db, { sources: [source], resolve: { 'baochinhphu.vn': origin }, delayMs: 0, maxAttempts: 1 });
      expect(stats.articles).toBe(0);
      expect(stats.skipped).toBeGreaterThanOrEqual(1);
      expect(db.prepare('SELECT page_kind FROM pages WHERE url LIKE ?').all(`%${articleUrl}`)).toEqual([{ page_kind: 'error' }]);
      expect((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
      dir.cleanup();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

