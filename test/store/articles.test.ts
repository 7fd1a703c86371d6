import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { ArticleStore } from '../../src/store/articles.js';
import { articleFromText } from '../../src/article/text-input.js';
import { extractFacts } from '../../src/facts/index.js';
import { mentionSeries } from '../../src/query/trends.js';

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


describe('ArticleStore: language versions', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  const VI = ['Thủ tướng chủ trì hội nghị về bảo vệ dữ liệu cá nhân',
    'Sáng 17/4/2023, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị triển khai Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.',
    'Hơn 30.000 doanh nghiệp công nghệ số đã tham gia.'].join('\n');
  const EN = ['PM chairs conference on personal data protection',
    'Prime Minister Pham Minh Chinh on April 17 chaired a conference on implementing Decree 13/2023/ND-CP on personal data protection.',
    'More than 30,000 digital technology enterprises have joined.'].join('\n');
  const OTHER_EN = ['Minister visits Hai Phong port', 'Minister of Transport Nguyen Van Thang visited the port, which handled 1.2 million containers.'].join('\n');

  const save = (store: ArticleStore, text: string, url: string, lang: 'vi' | 'en', publishedAt = '2023-04-17T10:00:00+07:00') => {
    const article = { ...articleFromText(text, { publishedAt }), url, lang };
    return store.save(article, extractFacts(article.text, { publishedOn: publishedAt, lang })).id;
  };
  const story = (id: number) => (db.prepare('SELECT duplicate_of FROM articles WHERE id = ?').get(id) as { duplicate_of: number | null }).duplicate_of;

  it('links an English article to the Vietnamese one about the same event; the person and the decree are one; trends count one story', () => {
    const store = new ArticleStore(db);
    const vi = save(store, VI, 'https://baochinhphu.vn/a-102230417100000000.htm', 'vi');
    const en = save(store, EN, 'https://en.baochinhphu.vn/a-111230417100000000.htm', 'en');
    const other = save(store, OTHER_EN, 'https://en.baochinhphu.vn/b-111230417110000000.htm', 'en');
    expect([story(vi), story(en), story(other)]).toEqual([null, vi, null]);
    expect(db.prepare('SELECT name FROM persons ORDER BY id').all()).toEqual([{ name: 'Phạm Minh Chính' }, { name: 'Nguyen Van Thang' }]);
    expect(db.prepare('SELECT number FROM legal_documents').all()).toEqual([{ number: '13/2023/NĐ-CP' }]);
    // Counted once in trends: two articles, one story.
    const series = mentionSeries(db, { official: 'Pham Minh Chinh', every: 'month' });
    expect(series.points.map((p) => [p.period, p.articles, p.stories])).toEqual([['2023-04', 2, 1]]);
  });

  it('links them when the English version is stored first too', () => {
    const store2 = new ArticleStore(db);
    const en2 = save(store2, EN, 'https://en.baochinhphu.vn/a-111230417100000000.htm', 'en');
    const vi2 = save(store2, VI, 'https://baochinhphu.vn/a-102230417100000000.htm', 'vi');
    expect([story(vi2), story(en2)]).toEqual([null, vi2]);
    expect(db.prepare('SELECT name FROM persons').all()).toEqual([{ name: 'Phạm Minh Chính' }]);
    // The document's subject from the English edition gives way to the Vietnamese one.
    expect(db.prepare('SELECT number, subject FROM legal_documents').all()).toEqual([{ number: '13/2023/NĐ-CP', subject: 'về bảo vệ dữ liệu cá nhân' }]);
  });

  it('does not link versions a day apart or more, or sharing fewer facts', () => {
    const store = new ArticleStore(db);
    const vi = save(store, VI, 'https://baochinhphu.vn/a-102230417100000000.htm', 'vi');
    const late = save(store, EN, 'https://en.baochinhphu.vn/a-111230420100000000.htm', 'en', '2023-04-20T10:00:00+07:00');
    const thin = save(store, 'PM speaks\nPrime Minister Pham Minh Chinh spoke about the economy.', 'https://en.baochinhphu.vn/c-111230417120000000.htm', 'en');
    expect([story(vi), story(late), story(thin)]).toEqual([null, null, null]);
  });
});
