import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { ArticleStore } from '../../src/store/articles.js';
import { articleFromText } from '../../src/article/text-input.js';
import { extractFacts } from '../../src/facts/index.js';

const TEXT = [
  'Thủ tướng chủ trì hội nghị về nhà ở xã hội',
  'Chiều 17/6, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị trực tuyến toàn quốc về nhà ở xã hội.',
  'Nghị quyết số 33/NQ-CP ngày 11/3/2023 của Chính phủ đã dành gói tín dụng 120.000 tỷ đồng cho nhà ở xã hội.',
].join('\n');

describe('ArticleStore', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  const save = (text = TEXT) => {
    const article = { ...articleFromText(text, { publishedAt: '2023-06-17T18:00:00+07:00' }), url: 'https://baochinhphu.vn/a-102230617180000000.htm' };
    return new ArticleStore(db).save(article, extractFacts(article.text, { publishedOn: '2023-06-17' }));
  };
  const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('stores an article with its facts, each with its quote at its span', () => {
    const r = save();
    expect(r.changed).toBe(true);
    expect(n('articles')).toBe(1);
    expect(db.prepare('SELECT number, issued_on FROM legal_documents').all()).toEqual([{ number: '33/NQ-CP', issued_on: '2023-03-11' }]);
    expect(db.prepare('SELECT value, unit, quote FROM claims').all()).toEqual([{ value: 120_000e9, unit: 'đồng', quote: '120.000 tỷ' }]);
    expect(db.prepare('SELECT kind, date, chair, mode, purpose, participants FROM meetings').all())
      .toEqual([{ kind: 'hội nghị', date: '2023-06-17', chair: 'Phạm Minh Chính', mode: 'online', purpose: 'nhà ở xã hội', participants: '[]' }]);
    expect(db.prepare('SELECT name, title, first_seen FROM positions').all()).toEqual([{ name: 'Phạm Minh Chính', title: 'Thủ tướng Chính phủ', first_seen: '2023-06-17' }]);
  });

  it('saving the same article again writes nothing', () => {
    save();
    const before = ['articles', 'claims', 'legal_refs', 'official_mentions', 'meetings', 'claims_fts'].map(n);
    expect(save().changed).toBe(false);
    expect(['articles', 'claims', 'legal_refs', 'official_mentions', 'meetings', 'claims_fts'].map(n)).toEqual(before);
  });

  it('a changed text replaces the facts, and the search index follows', () => {
    save();
    save(TEXT.replace('120.000 tỷ đồng', '150.000 tỷ đồng'));
    expect(db.prepare('SELECT value FROM claims').all()).toEqual([{ value: 150_000e9 }]);
    expect(n('claims_fts')).toBe(1);
    expect(n('articles_fts')).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH 'nha o xa hoi'").get()).toEqual({ n: 1 });
  });

  it('splits titles stored by an earlier version into post and organization when opened', () => {
    save();
    db.prepare('UPDATE official_titles SET post = NULL, organization = NULL').run();
    new ArticleStore(db);
    expect(db.prepare('SELECT title, post, organization FROM official_titles').all()).toEqual([{ title: 'Thủ tướng Chính phủ', post: 'Thủ tướng Chính phủ', organization: null }]);
    db.prepare("UPDATE official_titles SET title = 'Bộ trưởng Bộ Tài chính', post = NULL").run();
    new ArticleStore(db);
    expect(db.prepare('SELECT post, organization FROM positions').all()).toEqual([{ post: 'Bộ trưởng', organization: 'Bộ Tài chính' }]);
  });

  it('links a near-duplicate to the first article of the story, and leaves others alone', () => {
    const store = new ArticleStore(db);
    const body = [1, 2, 3, 4, 5, 6].map((n) => `Đoạn ${n}: Chính phủ ban hành nghị định mới về bảo vệ dữ liệu cá nhân, quy định quyền của chủ thể dữ liệu và trách nhiệm của bên xử lý dữ liệu, có hiệu lực từ ngày 1/7/2023.`).join('\n');
    const put = (url: string, text: string) => {
      const article = { ...articleFromText(text, { publishedAt: '2023-04-18T10:00:00+07:00' }), url };
      return store.save(article, extractFacts(article.text, { publishedOn: '2023-04-18' })).id;
    };
    const first = put('https://chinhphu.vn/nghi-dinh-13-103230418100000000.htm', `Nghị định về bảo vệ dữ liệu cá nhân\n${body}`);
    const second = put('https://baochinhphu.vn/nghi-dinh-13-102230418110000000.htm', `Nghị định về bảo vệ dữ liệu cá nhân\n(Chinhphu.vn) - Đăng lại.\n${body}`);
    const other = put('https://baochinhphu.vn/khac-102230418120000000.htm', TEXT);
    const dupOf = (id: number) => (db.prepare('SELECT duplicate_of FROM articles WHERE id = ?').get(id) as { duplicate_of: number | null }).duplicate_of;
    expect([dupOf(first), dupOf(second), dupOf(other)]).toEqual([null, first, null]);
    expect(n('article_bands')).toBe(12);
  });
});

