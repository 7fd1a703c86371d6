import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { ArticleStore } from '../../src/store/articles.js';
import { articleFromText } from '../../src/article/text-input.js';
import { extractFacts } from '../../src/facts/index.js';
import { findPersons, listOfficials, officialTimeline, whoHeld } from '../../src/query/officials.js';

/** Articles of several years, written for this test; the posts and dates are real ones. */
const ARTICLES: [string, string][] = [
  ['2022-03-10', 'Bộ trưởng Bộ Công an, Đại tướng Tô Lâm chủ trì hội nghị.\nBộ trưởng Tô Lâm yêu cầu các đơn vị quyết liệt.'],
  ['2022-11-02', 'Phó Thủ tướng Thường trực Chính phủ Phạm Bình Minh tiếp Đại sứ. Đại tướng Tô Lâm, Bộ trưởng Bộ Công an dự.'],
  ['2023-05-20', 'Bộ trưởng Bộ Công an Tô Lâm làm việc với tỉnh Thanh Hóa. Phó Thủ tướng Trần Lưu Quang dự.'],
  // The same person with the tone mark placed the old way, and without a title in a later sentence.
  ['2024-02-15', 'Phó Thủ tướng Trần Lưu Quang chủ trì cuộc họp. Sau đó, Trần Lưu Quang làm việc với Bộ Tài chính.'],
  ['2024-10-30', 'Chủ tịch nước Lương Cường dự lễ kỷ niệm. Bộ trưởng Bộ Công an, Đại tướng Lương Tam Quang báo cáo.'],
  ['2025-01-08', 'Bộ trưởng Bộ Công an Lương Tam Quang phát biểu. Tổng Bí thư Tô Lâm chủ trì.'],
  ['2025-03-02', 'Tổng Bí thư Tô Lâm làm việc với Ban Tuyên giáo. Phó Thủ tướng Trần Lưu Quang dự. Phó Thủ tướng Trần Lưu Quang phát biểu.'],
];

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnpress-officials-'));
  db = openDb(join(dir, 'officials.db'));
  const store = new ArticleStore(db);
  ARTICLES.forEach(([day, text], i) => {
    const article = { ...articleFromText(`Tin ${i}\n${text}`, { publishedAt: `${day}T08:00:00+07:00` }), url: `https://baochinhphu.vn/tin-${i}.htm` };
    store.save(article, extractFacts(article.text, { publishedOn: day }));
  });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persons across articles', () => {
  it('one person under both tone placements, with and without a title, across years', () => {
    expect(findPersons(db, 'Trần Lưu Quang')).toHaveLength(1);
    const [t] = officialTimeline(db, 'Tran Luu Quang');
    expect(t!.articles.map((a) => a.published_at!.slice(0, 10))).toEqual(['2023-05-20', '2024-02-15', '2025-03-02']);
    expect(t!.positions.map((p) => [p.title, p.first_seen, p.last_seen, p.articles])).toEqual([['Phó Thủ tướng', '2023-05-20', '2025-03-02', 3]]);
  });
  it('keeps two people with the same post at different times apart', () => {
    expect(findPersons(db, 'Tô Lâm')).toHaveLength(1);
    expect(findPersons(db, 'Lương Tam Quang')).toHaveLength(1);
    expect(findPersons(db, 'Lương Cường')).toHaveLength(1);
  });
  it('finds a name typed the old way or without diacritics', () => {
    expect(findPersons(db, 'Tran Luu Quang').map((p) => p.name)).toEqual(['Trần Lưu Quang']);
    expect(findPersons(db, 'Nguyễn Văn Không Có')).toEqual([]);
  });
});

describe('officialTimeline', () => {
  it('lists the titles a person was reported with, in order, with post and organization', () => {
    const [t] = officialTimeline(db, 'Tô Lâm');
    // By first report, then by last.
    expect(t!.positions.map((p) => [p.title, p.post, p.organization, p.first_seen, p.last_seen])).toEqual([
      ['Đại tướng', 'Đại tướng', null, '2022-03-10', '2022-11-02'],
      ['Bộ trưởng Bộ Công an', 'Bộ trưởng', 'Bộ Công an', '2022-03-10', '2023-05-20'],
      ['Tổng Bí thư', 'Tổng Bí thư', null, '2025-01-08', '2025-03-02'],
    ]);
    expect(t!.articles[0]!.titles).toEqual(['Bộ trưởng Bộ Công an', 'Đại tướng']);
  });
});

describe('whoHeld', () => {
  it('answers from the reports around the day', () => {
    expect(whoHeld(db, 'Bộ trưởng Bộ Công an', '2022-06-01').held.map((h) => h.name)).toEqual(['Tô Lâm']);
    expect(whoHeld(db, 'Bộ trưởng Bộ Công an', '2024-12-01').held.map((h) => h.name)).toEqual(['Lương Tam Quang']);
    // Typed without diacritics.
    expect(whoHeld(db, 'bo truong bo cong an', '2025-01-08').held.map((h) => h.name)).toEqual(['Lương Tam Quang']);
  });
  it('says who was reported before and after when no report covers the day', () => {
    const gap = whoHeld(db, 'Bộ trưởng Bộ Công an', '2024-01-01');
    expect(gap.held).toEqual([]);
    expect([gap.before?.name, gap.before?.last_seen, gap.after?.name, gap.after?.first_seen]).toEqual(['Tô Lâm', '2023-05-20', 'Lương Tam Quang', '2024-10-30']);
  });
  it('reads a short title as the start of longer ones, not the end', () => {
    expect(whoHeld(db, 'Phó Thủ tướng', '2022-11-02').held.map((h) => h.name)).toEqual(['Phạm Bình Minh']);
    expect(whoHeld(db, 'Phó Thủ tướng', '2024-06-01').held.map((h) => h.name)).toEqual(['Trần Lưu Quang']);
    expect(whoHeld(db, 'Thủ tướng', '2023-01-01')).toEqual({ held: [], before: null, after: null, ended: null });
  });
});

describe('whoHeld and the 2025 reorganization', () => {
  it('says when the post\'s organization no longer existed on the day, and what took over', () => {
    expect(whoHeld(db, 'Bộ trưởng Bộ Kế hoạch và Đầu tư', '2025-06-01').ended).toEqual({ name: 'Bộ Kế hoạch và Đầu tư', until: '2025-02-28', successor: 'Bộ Tài chính' });
    expect(whoHeld(db, 'Bộ trưởng Bộ Kế hoạch và Đầu tư', '2024-06-01').ended).toBeNull();
    expect(whoHeld(db, 'Chủ tịch UBND tỉnh Hà Giang', '2025-08-01').ended).toEqual({ name: 'tỉnh Hà Giang', until: '2025-06-30', successor: 'Tuyên Quang' });
    expect(whoHeld(db, 'Chủ tịch UBND tỉnh Hà Giang', '2025-06-30').ended).toBeNull();
    expect(whoHeld(db, 'Bộ trưởng Bộ Công an', '2025-08-01').ended).toBeNull();
  });
});

describe('listOfficials', () => {
  it('ranks by mentions, with the latest title', () => {
    const top = listOfficials(db, { limit: 3 });
    expect(top[0]).toMatchObject({ name: 'Tô Lâm', articles: 5, first_seen: '2022-03-10', last_seen: '2025-03-02', latest_title: 'Tổng Bí thư' });
    expect(top.map((o) => o.name)).toContain('Trần Lưu Quang');
  });
});
