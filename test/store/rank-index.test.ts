import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb, type Db } from '../../src/store/db.js';
import { ArticleStore } from '../../src/store/articles.js';
import { MAINTAIN_AT, RankIndex, rowTerms, SEG_SIZE } from '../../src/store/rank-index.js';
import { articleFromText } from '../../src/article/text-input.js';
import { extractFacts } from '../../src/facts/index.js';
import { search, toFtsQuery } from '../../src/query/search.js';
import { plainTerms, rankedMatches } from '../../src/query/rank.js';

const n = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

function saveArticle(store: ArticleStore, i: number): void {
  const text = `Bản tin số ${i}\nChiều 17/6, Bộ Tài chính công bố kim ngạch xuất khẩu đạt ${100 + i} tỷ USD trong 6 tháng đầu năm 2024.`;
  const article = { ...articleFromText(text, { publishedAt: '2024-06-17T18:00:00+07:00' }), url: `https://baochinhphu.vn/a-${i}.htm` };
  store.save(article, extractFacts(article.text, { publishedOn: '2024-06-17' }));
}

describe('rowTerms', () => {
  it('counts each term per column and the row length over all columns, as FTS5 tokenizes', () => {
    const r = rowTerms(['xuat khau', 'Xuất khẩu tăng, xuat khau dat 10 ty']);
    expect(r.length).toBe(10);
    expect([...r.counts.get('xuat')!]).toEqual([1, 2]);
    expect([...r.counts.get('10')!]).toEqual([0, 1]);
    expect(rowTerms([null, '']).length).toBe(0);
  });
});

describe('RankIndex', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  it('is kept by the article store: rows wait in rank_dirty until MAINTAIN_AT of them, then their segments are rewritten', () => {
    const store = new ArticleStore(db);
    expect(n(db, "SELECT built AS n FROM rank_state WHERE tbl = 'articles'")).toBe(1);
    // Each article has one claim: two rows each.
    const k = MAINTAIN_AT / 2 - 1;
    for (let i = 1; i <= k; i++) saveArticle(store, i);
    expect(n(db, 'SELECT COUNT(*) AS n FROM claims')).toBe(k);
    expect(n(db, 'SELECT COUNT(*) AS n FROM rank_dirty')).toBe(2 * k);
    expect(n(db, 'SELECT COUNT(*) AS n FROM rank_segments')).toBe(0);
    // Ranked all the same, from the waiting rows' text.
    expect(search(db, 'bo tai chinh ban tin 7', { limit: 3 })[0]!.title).toBe('Bản tin số 7');
    saveArticle(store, k + 1);
    expect(n(db, 'SELECT COUNT(*) AS n FROM rank_dirty')).toBe(0);
    expect(n(db, "SELECT docs AS n FROM rank_segments WHERE tbl = 'articles' AND seg = 0")).toBe(k + 1);
    saveArticle(store, k + 2);
    expect(n(db, 'SELECT COUNT(*) AS n FROM rank_dirty')).toBe(2);
    store.flushIndex();
    expect(n(db, 'SELECT COUNT(*) AS n FROM rank_dirty')).toBe(0);
    expect(n(db, "SELECT SUM(docs) AS n FROM rank_segments WHERE tbl = 'articles'")).toBe(k + 2);
    expect(n(db, "SELECT SUM(docs) AS n FROM rank_segments WHERE tbl = 'claims'")).toBe(n(db, 'SELECT COUNT(*) AS n FROM claims'));
    expect(search(db, 'bo tai chinh ban tin 7', { limit: 3 })[0]!.title).toBe('Bản tin số 7');
  });

  it('rewrites a segment whole: a changed article loses its old terms', () => {
    const store = new ArticleStore(db);
    saveArticle(store, 1);
    store.flushIndex();
    const article = { ...articleFromText('Bản tin số 1\nHội nghị trực tuyến về chuyển đổi số.', { publishedAt: '2024-06-18T08:00:00+07:00' }), url: 'https://baochinhphu.vn/a-1.htm' };
    store.save(article, extractFacts(article.text, { publishedOn: '2024-06-18' }));
    store.flushIndex();
    expect(n(db, "SELECT COUNT(*) AS n FROM rank_postings WHERE tbl = 'articles' AND term = 'xuat'")).toBe(0);
    expect(n(db, "SELECT COUNT(*) AS n FROM rank_positions WHERE tbl = 'articles' AND term = 'xuat'")).toBe(0);
    expect(n(db, 'SELECT COUNT(*) AS n FROM rank_positions')).toBe(n(db, 'SELECT COUNT(*) AS n FROM rank_postings'));
    expect(n(db, "SELECT COUNT(*) AS n FROM rank_postings WHERE tbl = 'articles' AND term = 'chuyen'")).toBe(1);
    expect(n(db, "SELECT gen AS n FROM rank_segments WHERE tbl = 'articles' AND seg = 0")).toBe(2);
    expect(search(db, 'xuat khau')).toEqual([]);
    expect(search(db, 'chuyen doi so')).toHaveLength(1);
  });

  it('builds the tables never built, saying first how many rows it will read', () => {
    const ins = db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)');
    for (let i = 1; i <= 7; i++) ins.run(i, 'cpi', `cpi tang ${i}`);
    db.exec("UPDATE rank_state SET built = 0 WHERE tbl = 'claims'");
    const told: number[] = [];
    const rank = new RankIndex(db);
    expect(rank.catchUp((rows) => told.push(rows))).toBe(7);
    expect(told).toEqual([7]);
    expect(rank.catchUp((rows) => told.push(rows))).toBe(0);
    expect(told).toEqual([7]);
  });

  it('keeps each counted token\'s position in its column, two bytes each, or four in a segment with a column past 65,536 tokens', () => {
    db.exec('PRAGMA foreign_keys = OFF');
    const ins = db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)');
    ins.run(1, 'gdp tang', 'GDP tăng, gdp');
    ins.run(2, null, 'gdp');
    ins.run(SEG_SIZE, 'gdp', `${'x '.repeat(70_000)}gdp`);
    new RankIndex(db).build('claims');
    const poss = (seg: number) => {
      const r = db.prepare("SELECT p.poss, o.freqs FROM rank_positions p JOIN rank_postings o USING (tbl, term, seg) WHERE tbl = 'claims' AND term = 'gdp' AND seg = ?").get(seg) as { poss: Buffer; freqs: Buffer };
      return { poss: [...new Uint8Array(r.poss)], bytes: r.poss.length, freqs: [...new Uint16Array(new Uint8Array(r.freqs).buffer)] };
    };
    // Row 1: metric at 0; sentence at 0 and 2. Row 2: sentence at 0.
    const a = poss(0);
    expect(a.freqs).toEqual([1, 2, 0, 1]);
    expect([...new Uint16Array(Uint8Array.from(a.poss).buffer)]).toEqual([0, 0, 2, 0]);
    const b = poss(1);
    expect(b.freqs).toEqual([1, 1]);
    expect(b.bytes).toBe(8);
    expect([...new Uint32Array(Uint8Array.from(b.poss).buffer)]).toEqual([0, 70_000]);
  });

  it('groups rows by segments of SEG_SIZE rowids and drops a segment left empty', () => {
    db.exec('PRAGMA foreign_keys = OFF');
    const ins = db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)');
    for (const id of [1, SEG_SIZE - 1, SEG_SIZE, 3 * SEG_SIZE + 5]) ins.run(id, 'gdp', `gdp tang ${id}`);
    const rank = new RankIndex(db);
    expect(rank.build('claims')).toBe(4);
    expect(db.prepare("SELECT seg, docs FROM rank_segments WHERE tbl = 'claims' ORDER BY seg").all()).toEqual([{ seg: 0, docs: 2 }, { seg: 1, docs: 1 }, { seg: 3, docs: 1 }]);
    db.prepare('DELETE FROM claims_fts WHERE rowid = ?').run(SEG_SIZE);
    db.prepare("INSERT INTO rank_dirty (tbl, doc) VALUES ('claims', ?)").run(SEG_SIZE);
    expect(rank.flush()).toBe(1);
    expect(db.prepare("SELECT seg FROM rank_segments WHERE tbl = 'claims' ORDER BY seg").all()).toEqual([{ seg: 0 }, { seg: 3 }]);
    expect(n(db, "SELECT COUNT(*) AS n FROM rank_postings WHERE tbl = 'claims' AND seg = 1")).toBe(0);
  });
});

describe('a database from an earlier version', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'vnpress-rank-old-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is indexed when it is upgraded, even for a read-only command', () => {
    const path = join(dir, 'old.db');
    const db = openDb(path);
    const store = new ArticleStore(db);
    for (let i = 1; i <= 5; i++) saveArticle(store, i);
    // As version 9 left it: no ranking index.
    db.exec(`DROP TABLE rank_segments; DROP TABLE rank_segment_data; DROP TABLE rank_postings; DROP TABLE rank_dirty; DROP TABLE rank_state;
      DROP TRIGGER articles_rank_insert; DROP TRIGGER articles_rank_update; DROP TRIGGER articles_rank_delete;
      DROP TRIGGER claims_rank_insert; DROP TRIGGER claims_rank_update; DROP TRIGGER claims_rank_delete;
      DROP TRIGGER claims_columns_update; DROP TRIGGER articles_columns_update;
      DROP INDEX articles_id_facets; CREATE INDEX articles_id_source ON articles (id, source_id);
      DELETE FROM schema_migrations WHERE version IN (10, 13)`);
    db.close();
    const ro = openDb(path, { readonly: true });
    try {
      expect(n(ro, 'SELECT MIN(built) AS n FROM rank_state')).toBe(1);
      expect(n(ro, "SELECT SUM(docs) AS n FROM rank_segments WHERE tbl = 'articles'")).toBe(5);
      expect(search(ro, 'ban tin 3', { limit: 1 })[0]!.title).toBe('Bản tin số 3');
    } finally {
      ro.close();
    }
    const raw = new Database(path, { readonly: true });
    expect(n(raw as unknown as Db, 'SELECT COUNT(*) AS n FROM rank_dirty')).toBe(0);
    raw.close();
  });

  it('indexed before positions were kept is indexed again, and its phrases are ranked from the index', () => {
    const path = join(dir, 'v11.db');
    const db = openDb(path);
    const store = new ArticleStore(db);
    for (let i = 1; i <= 5; i++) saveArticle(store, i);
    store.flushIndex();
    db.exec('DROP TABLE rank_positions; DELETE FROM schema_migrations WHERE version = 12');
    db.close();
    const ro = openDb(path, { readonly: true });
    try {
      expect(n(ro, 'SELECT MIN(built) AS n FROM rank_state')).toBe(1);
      expect(n(ro, 'SELECT COUNT(*) AS n FROM rank_positions')).toBe(n(ro, 'SELECT COUNT(*) AS n FROM rank_postings'));
      expect(rankedMatches(ro, 'articles', plainTerms(toFtsQuery('"ban tin so 3"'))!)?.count).toBe(1);
      expect(search(ro, '"bản tin số 3"', { limit: 2 }).map((h) => h.title)).toEqual(['Bản tin số 3']);
    } finally {
      ro.close();
    }
  });
});
