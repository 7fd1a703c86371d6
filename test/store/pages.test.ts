import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { gunzipSync } from 'node:zlib';
import { openDb, migrate, loadMigrations, type Db } from '../../src/store/db.js';
import { PageStore, packRaw, sha256Bytes } from '../../src/store/pages.js';

const page = (raw: string, extra: Record<string, string> = {}) => ({
  url: 'https://mpi.gov.vn/a', finalUrl: 'https://mpi.gov.vn/a', status: 200, headers: { 'content-type': 'text/html; charset=utf-8', etag: '"1"', ...extra },
  body: raw, raw: Buffer.from(raw, 'utf8'), charset: 'utf-8', charsetVia: 'header', convertedFrom: null, fetchedAt: '2026-11-22T10:00:00.000Z',
});

describe('PageStore', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  it('keeps the bytes as received, gzip-compressed, and gives them back', async () => {
    const store = new PageStore(db);
    const html = `<p>${'Nghị định 42/2022/NĐ-CP '.repeat(200)}</p>`;
    const saved = store.save(page(html), await packRaw(Buffer.from(html)));
    expect(saved.changed).toBe(true);
    const row = db.prepare('SELECT raw, raw_bytes, body, body_hash, charset, charset_via FROM pages').get() as { raw: Buffer; raw_bytes: number; body: null; body_hash: string; charset: string; charset_via: string };
    expect(gunzipSync(row.raw).toString('utf8')).toBe(html);
    expect(row.raw.length).toBeLessThan(row.raw_bytes / 10);
    expect([row.body, row.body_hash, row.charset, row.charset_via]).toEqual([null, sha256Bytes(Buffer.from(html)), 'utf-8', 'header']);
    const [archived] = [...store.archive()];
    expect(archived!.raw().toString('utf8')).toBe(html);
    expect(archived!.headers.etag).toBe('"1"');
  });

  it('the same bytes again are not rewritten; new bytes are', () => {
    const store = new PageStore(db);
    expect(store.save(page('<p>a</p>')).changed).toBe(true);
    expect(store.hasBody('https://mpi.gov.vn/a', sha256Bytes(Buffer.from('<p>a</p>')))).toBe(true);
    expect(store.save({ ...page('<p>a</p>', { etag: '"2"' }), fetchedAt: '2026-11-23T10:00:00.000Z' }).changed).toBe(false);
    expect(store.conditional('https://mpi.gov.vn/a')).toEqual({ etag: '"2"', lastModified: null });
    expect(store.save(page('<p>b</p>')).changed).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM pages').get()).toEqual({ n: 1 });
  });

  it('reads the archive a batch at a time, by source', () => {
    const store = new PageStore(db);
    db.prepare("INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES ('mpi', 'MPI', '[]', 'vi', 'x'), ('mic', 'MIC', '[]', 'vi', 'x')").run();
    for (let i = 0; i < 7; i++) store.save({ ...page(`<p>${i}</p>`), url: `https://mpi.gov.vn/${i}`, source: i % 2 ? 'mic' : 'mpi' });
    expect([...store.archive(null, 2)].map((p) => p.url)).toHaveLength(7);
    expect([...store.archive('mic', 2)].map((p) => p.raw().toString())).toEqual(['<p>1</p>', '<p>3</p>', '<p>5</p>']);
    expect(store.count('mpi')).toBe(4);
  });
});

describe('migration 0007: raw pages', () => {
  it('keeps pages fetched before (their decoded body) and the articles that point at them', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = loadMigrations();
    migrate(db, all.filter((m) => m.version < 7));
    db.prepare("INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES ('mpi', 'MPI', '[]', 'vi', 'x')").run();
    db.prepare(`INSERT INTO pages (id, url, final_url, source_id, status, headers, body, body_hash, fetched_at)
      VALUES (5, 'https://mpi.gov.vn/a', 'https://mpi.gov.vn/a', 'mpi', 200, '{}', '<p>Bộ Kế hoạch và Đầu tư</p>', 'h', 'x')`).run();
    db.prepare(`INSERT INTO articles (page_id, url, source_id, text, method, text_hash, extracted_at)
      VALUES (5, 'https://mpi.gov.vn/a', 'mpi', 'Bộ Kế hoạch và Đầu tư', 'profile', 'h', 'x')`).run();
    migrate(db, all);
    expect(db.prepare('SELECT page_id FROM articles').get()).toEqual({ page_id: 5 });
    const [old] = [...new PageStore(db).archive()];
    expect(old!.raw().toString('utf8')).toBe('<p>Bộ Kế hoạch và Đầu tư</p>');
    // Already decoded: said so, so that nobody decodes it again by the charset it came in.
    expect(old!.legacyText).toBe('<p>Bộ Kế hoạch và Đầu tư</p>');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
