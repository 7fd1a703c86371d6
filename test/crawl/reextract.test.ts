/** Re-reading the archive: pages kept as bytes, and pages kept as decoded text by older versions. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loadMigrations, migrate, openDb } from '../../src/store/db.js';
import { PageStore } from '../../src/store/pages.js';
import { Frontier } from '../../src/crawl/frontier.js';
import { reextract } from '../../src/crawl/reextract.js';
import { loadFixtureArticles } from '../../pipelines/local-mirror.js';
import { SOURCES } from '../../pipelines/index.js';

describe('reextract', () => {
  it('reads every archived article page again, offline; a second pass changes nothing', () => {
    const db = openDb(':memory:');
    const store = new PageStore(db);
    for (const s of SOURCES) store.upsertSource(s);
    const fixtures = loadFixtureArticles().slice(0, 5);
    new Frontier(db).add(fixtures.map((f) => ({ url: f.url, sourceId: null, kind: 'article' as const })));
    for (const f of fixtures) {
      store.save({ url: f.url, finalUrl: f.url, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '', raw: Buffer.from(f.html), fetchedAt: '2026-11-22T00:00:00.000Z' });
    }
    const first = reextract(db, SOURCES);
    expect([first.pages, first.articles, first.changed, first.failed]).toEqual([5, 5, 5, 0]);
    expect(first.facts).toBeGreaterThan(10);
    const titles = (db.prepare('SELECT title FROM articles ORDER BY url').all() as { title: string }[]).map((r) => r.title);
    expect(titles.sort()).toEqual(fixtures.map((f) => f.title).sort());
    const second = reextract(db, SOURCES);
    expect([second.articles, second.changed]).toEqual([5, 0]);
    db.close();
  });

  it('a page an older version kept as text is read as that text, not decoded again by its old charset', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, loadMigrations().filter((m) => m.version < 7));
    const html = '<html><body><h1>Thủ tướng chủ trì phiên họp Chính phủ thường kỳ</h1><div class="content"><p>Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ tháng 7 năm 2024, đánh giá tình hình kinh tế - xã hội 7 tháng và bàn giải pháp cho những tháng cuối năm.</p></div></body></html>';
    db.prepare(`INSERT INTO pages (url, final_url, status, headers, body, body_hash, charset, fetched_at)
      VALUES ('https://example.vn/a.htm', 'https://example.vn/a.htm', 200, '{"content-type":"text/html; charset=windows-1258"}', ?, 'h', 'windows1258', 'x')`).run(html);
    db.prepare(`INSERT INTO frontier (url, host, kind, state, next_attempt_at, discovered_at, updated_at)
      VALUES ('https://example.vn/a.htm', 'example.vn', 'article', 'done', 'x', 'x', 'x')`).run();
    migrate(db, loadMigrations());
    const stats = reextract(db, SOURCES);
    expect([stats.articles, stats.failed]).toEqual([1, 0]);
    expect(db.prepare('SELECT title FROM articles').get()).toEqual({ title: 'Thủ tướng chủ trì phiên họp Chính phủ thường kỳ' });
    db.close();
  });
});
