import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { canonicalKey, foldKey } from '../../src/text/normalize.js';
import { InputError } from '../../src/errors.js';
import {
  bucketOf, buckets, comparePeriods, dayRange, mentionSeries, metricSeries, phrases, resolveMetric, topTerms,
} from '../../src/query/trends.js';
import { fixtureDb } from './fixture-db.js';

/** A database written by hand: articles, claims, mentions and citations whose series are known. */
interface Claim { key: string; period: string | null; value: number; unit?: string; approx?: string; comparison?: string | null }
interface Art { source: string; day: string | null; text?: string; claims?: Claim[]; persons?: string[]; docs?: string[]; duplicateOf?: number }

function handDb(articles: Art[]): Db {
  const db = openDb(':memory:');
  for (const id of ['baochinhphu', 'mpi', 'chinhphu']) {
    db.prepare("INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES (?, ?, '[]', 'vi', '2025-01-01')").run(id, id);
  }
  const person = db.prepare('INSERT OR IGNORE INTO persons (person_key, name) VALUES (?, ?)');
  const doc = db.prepare('INSERT OR IGNORE INTO legal_documents (doc_key, number) VALUES (?, ?)');
  articles.forEach((a, i) => {
    const id = i + 1;
    const text = a.text ?? `Tin số ${id}`;
    db.prepare(`INSERT INTO articles (id, url, source_id, title, published_at, text, method, text_hash, extracted_at, duplicate_of)
      VALUES (?, ?, ?, ?, ?, ?, 'text', ?, '2025-01-01', ?)`)
      .run(id, `https://${a.source}.vn/tin-${id}.htm`, a.source, null, a.day ? `${a.day}T08:00:00+07:00` : null, text, `h${id}`, a.duplicateOf ?? null);
    db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(id, '', foldKey(text));
    (a.claims ?? []).forEach((c, j) => {
      db.prepare(`INSERT INTO claims (article_id, metric, metric_key, value, unit, approx, period, comparison, sentence, span_start, span_end, quote)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, '')`)
        .run(id, c.key, c.key, c.value, c.unit ?? '%', c.approx ?? 'exact', c.period, c.comparison ?? null, j * 10, j * 10 + 5);
    });
    for (const name of a.persons ?? []) {
      person.run(canonicalKey(name), name);
      const pid = (db.prepare('SELECT id FROM persons WHERE name = ?').get(name) as { id: number }).id;
      db.prepare("INSERT INTO official_mentions (article_id, person_id, mentions, span_start, span_end, quote) VALUES (?, ?, 1, 0, 1, '')").run(id, pid);
    }
    for (const number of a.docs ?? []) {
      doc.run(number.toUpperCase(), number);
      const did = (db.prepare('SELECT id FROM legal_documents WHERE number = ?').get(number) as { id: number }).id;
      db.prepare("INSERT INTO legal_refs (article_id, document_id, mentions, span_start, span_end, quote) VALUES (?, ?, 1, 0, 1, '')").run(id, did);
    }
  });
  return db;
}

const YOY = 'so với cùng kỳ năm trước';
const ARTICLES: Art[] = [
  // 1. Q1 growth, first estimate; CPI for March on two bases (the year-on-year one naming the year).
  { source: 'baochinhphu', day: '2024-04-10', persons: ['Tô Lâm'], docs: ['13/2023/NĐ-CP'], text: 'Triển khai chuyển đổi số quốc gia.',
    claims: [{ key: 'gdp-growth|rate', period: '2024-Q1', value: 5.66, comparison: YOY },
      { key: 'cpi|rate', period: '2024-03', value: 0.17, comparison: 'so với tháng trước' },
      { key: 'cpi|rate', period: '2024-03', value: 4.34, comparison: 'so với cùng kỳ năm 2023' }] },
  // 2. Another source, another Q1 figure, no comparison said; CPI agreeing year on year, not month on month.
  { source: 'mpi', day: '2024-04-12', persons: ['Tô Lâm'], text: 'Chuyển đổi số là động lực.',
    claims: [{ key: 'gdp-growth|rate', period: '2024-Q1', value: 5.7 },
      { key: 'cpi|rate', period: '2024-03', value: 4.34, comparison: YOY },
      { key: 'cpi|rate', period: '2024-03', value: 0.2, comparison: 'so với tháng trước' }] },
  // 3. The same source revises Q1 later: its most recent value is the one shown, the older one counted.
  { source: 'mpi', day: '2024-07-01', persons: ['Tô Lâm'], docs: ['13/2023/NĐ-CP'], text: 'Chuyển đổi năng lượng.',
    claims: [{ key: 'gdp-growth|rate', period: '2024-Q1', value: 5.87 }] },
  // 4 and 5. A bound and a figure inside it agree; 5 republishes 4 (a near-duplicate).
  { source: 'chinhphu', day: '2024-07-02', text: 'Chuyển đổi số trong y tế.',
    claims: [{ key: 'gdp-growth|rate', period: '2024-H1', value: 6, approx: 'over' }] },
  { source: 'baochinhphu', day: '2024-07-03', duplicateOf: 4, text: 'Chuyển đổi số trong y tế.',
    claims: [{ key: 'gdp-growth|rate', period: '2024-H1', value: 6.42 }] },
  // 6. The year and its last quarter; an undated article.
  { source: 'mpi', day: '2025-01-06', claims: [{ key: 'gdp-growth|rate', period: '2024', value: 7.09, comparison: 'so với năm trước' },
    { key: 'gdp-growth|rate', period: '2024-Q4', value: 7.55, comparison: YOY }, { key: 'gdp-growth|rate', period: null, value: 8 }] },
  { source: 'mpi', day: null, persons: ['Tô Lâm'], claims: [{ key: 'exports|usd', period: '2024-H1', value: 190e9, unit: 'USD' },
    { key: 'exports|rate', period: '2024-H1', value: 15, unit: '%' }] },
];

describe('period order', () => {
  it('sorts by first day, the wider period first; unreadable periods, then none, last', () => {
    const periods = ['2022-Q2', '2022', '2022-06', null, '2022-H1', 'sau này', '2021/2025', '2022-01', '2022-H2', '2022-Q1', '2022-06-20', '2024-01/2024-11'];
    expect([...periods].sort(comparePeriods)).toEqual([
      '2021/2025', '2022', '2022-H1', '2022-Q1', '2022-01', '2022-Q2', '2022-06', '2022-06-20', '2022-H2', '2024-01/2024-11', 'sau này', null,
    ]);
  });
  it('reads --since and --until as years, months or days', () => {
    expect(dayRange('2024', '2024-02')).toEqual({ since: '2024-01-01', until: '2024-02-29' });
    expect(() => dayRange('hôm qua', null)).toThrow(InputError);
    expect(() => dayRange('2025', '2024')).toThrow(/swap/);
  });
});

describe('metricSeries on a hand-made database', () => {
  let db: Db;
  beforeAll(() => { db = handDb(ARTICLES); });
  afterAll(() => db.close());

  it('finds a metric by catalog key, label or phrasing, with or without diacritics', () => {
    expect(resolveMetric(db, 'gdp-growth').keys).toEqual(['gdp-growth|rate']);
    expect(resolveMetric(db, 'Tăng trưởng GDP').keys).toEqual(['gdp-growth|rate']);
    expect(resolveMetric(db, 'tang truong gdp').keys).toEqual(['gdp-growth|rate']);
    expect(resolveMetric(db, 'exports').keys).toEqual(['exports|rate', 'exports|usd']);
    expect(resolveMetric(db, 'exports|usd').keys).toEqual(['exports|usd']);
  });

  it('gives one value per period and source, the most recent article\'s, counting the others', () => {
    const s = metricSeries(db, 'gdp-growth');
    expect(s.label).toBe('Tăng trưởng GDP');
    expect(s.points.map((p) => [p.period, p.source, p.value, p.qualifier, p.others, p.conflict])).toEqual([
      ['2024', 'mpi', 7.09, '', 0, false],
      ['2024-H1', 'baochinhphu', 6.42, '', 0, false],
      ['2024-H1', 'chinhphu', 6, 'hơn', 0, false],
      ['2024-Q1', 'mpi', 5.87, '', 1, true],
      ['2024-Q1', 'baochinhphu', 5.66, '', 0, true],
      ['2024-Q4', 'mpi', 7.55, '', 0, false],
      [null, 'mpi', 8, '', 0, false],
    ]);
  });

  it('shows conflicting values side by side, with their articles, most recent first', () => {
    const s = metricSeries(db, 'gdp-growth');
    expect(s.conflicts).toHaveLength(1);
    const [c] = s.conflicts;
    expect([c!.period, c!.unit, c!.comparison]).toEqual(['2024-Q1', '%', YOY]);
    expect(c!.values.map((v) => [v.value, v.source, v.published_at!.slice(0, 10), v.url])).toEqual([
      [5.87, 'mpi', '2024-07-01', 'https://mpi.vn/tin-3.htm'],
      [5.7, 'mpi', '2024-04-12', 'https://mpi.vn/tin-2.htm'],
      [5.66, 'baochinhphu', '2024-04-10', 'https://baochinhphu.vn/tin-1.htm'],
    ]);
  });

  it('keeps figures on different bases apart, and finds a conflict only on the same basis', () => {
    const s = metricSeries(db, 'cpi');
    // Sorted by the comparison as written; "cùng kỳ năm 2023" of a 2024 month is the same basis as "cùng kỳ năm trước".
    expect(s.points.map((p) => [p.period, p.comparison, p.source, p.value, p.conflict])).toEqual([
      ['2024-03', 'so với cùng kỳ năm 2023', 'baochinhphu', 4.34, false],
      ['2024-03', YOY, 'mpi', 4.34, false],
      ['2024-03', 'so với tháng trước', 'baochinhphu', 0.17, true],
      ['2024-03', 'so với tháng trước', 'mpi', 0.2, true],
    ]);
    expect(s.conflicts.map((c) => [c.period, c.comparison, c.values.map((v) => v.value)])).toEqual([['2024-03', 'so với tháng trước', [0.2, 0.17]]]);
  });

  it('filters by source, unit and period range', () => {
    expect(metricSeries(db, 'gdp-growth', { source: 'baochinhphu' }).points.map((p) => p.value)).toEqual([6.42, 5.66]);
    expect(metricSeries(db, 'gdp-growth', { source: 'baochinhphu' }).conflicts).toEqual([]);
    expect(metricSeries(db, 'exports', { unit: 'USD' }).points.map((p) => [p.metric_key, p.value])).toEqual([['exports|usd', 190e9]]);
    expect(metricSeries(db, 'exports', { unit: 'rate' }).points.map((p) => p.value)).toEqual([15]);
    expect(metricSeries(db, 'gdp-growth', { since: '2024-04', until: '2024-12' }).points.map((p) => p.period)).toEqual(['2024-Q4']);
  });

  it('says which known metrics are closest to an unknown one', () => {
    expect(() => metricSeries(db, 'gdp-grwth')).toThrow(InputError);
    expect(() => metricSeries(db, 'gdp-grwth')).toThrow(/closest known: gdp-growth/);
    // A catalog metric with no figure yet is known: an empty series, not an error.
    expect(metricSeries(db, 'unemployment-rate').points).toEqual([]);
  });
});

describe('mentionSeries on a hand-made database', () => {
  let db: Db;
  beforeAll(() => { db = handDb(ARTICLES); });
  afterAll(() => db.close());

  it('labels ISO weeks and months', () => {
    expect(bucketOf('2024-02-14', 'week')).toEqual({ period: '2024-W07', from: '2024-02-12', to: '2024-02-18' });
    expect(bucketOf('2024-12-30', 'week').period).toBe('2025-W01');
    expect(bucketOf('2021-01-03', 'week').period).toBe('2020-W53');
    expect(bucketOf('2024-02-14', 'month')).toEqual({ period: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(buckets('2024-11-20', '2025-01-02', 'month').map((b) => b.period)).toEqual(['2024-11', '2024-12', '2025-01']);
  });

  it('counts an official\'s articles per month, tone-insensitive, with the empty months in between', () => {
    const s = mentionSeries(db, { official: 'to lam', every: 'month' });
    expect(s.officials).toEqual(['Tô Lâm']);
    expect(s.points.map((p) => [p.period, p.articles])).toEqual([['2024-04', 2], ['2024-05', 0], ['2024-06', 0], ['2024-07', 1]]);
    expect(s.undated).toBe(1);
  });

  it('fills every ISO week of the range', () => {
    const s = mentionSeries(db, { official: 'Tô Lâm', every: 'week' });
    expect(s.points.map((p) => p.period)).toEqual(Array.from({ length: 13 }, (_, i) => `2024-W${String(15 + i).padStart(2, '0')}`));
    expect(s.points.map((p) => p.articles)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('counts a document typed with D for Đ, inside --since and --until', () => {
    const s = mentionSeries(db, { document: '13/2023/ND-CP', every: 'month', since: '2024-03', until: '2024-08' });
    expect(s.documents).toEqual(['13/2023/NĐ-CP']);
    expect(s.points.map((p) => [p.period, p.articles])).toEqual([['2024-03', 0], ['2024-04', 1], ['2024-05', 0], ['2024-06', 0], ['2024-07', 1], ['2024-08', 0]]);
  });

  it('counts a term as a phrase, and a republished story once in stories', () => {
    const s = mentionSeries(db, { term: 'chuyen doi so', every: 'month' });
    expect(s.points.map((p) => [p.period, p.articles, p.stories])).toEqual([['2024-04', 2, 2], ['2024-05', 0, 0], ['2024-06', 0, 0], ['2024-07', 2, 1]]);
  });

  it('combines criteria as AND, and asks for one when none is given', () => {
    expect(mentionSeries(db, { official: 'Tô Lâm', document: '13/2023/NĐ-CP', every: 'month' }).points.map((p) => p.articles)).toEqual([1, 0, 0, 1]);
    expect(() => mentionSeries(db, { every: 'month' })).toThrow(/--official/);
    expect(() => mentionSeries(db, { official: 'Nguyễn Văn Không Có' })).toThrow(InputError);
    expect(() => mentionSeries(db, { document: '99/2099/NĐ-CP' })).toThrow(InputError);
    expect(() => mentionSeries(db, { term: 'x', every: 'day' as 'week' })).toThrow(/week or month/);
  });
});

describe('topTerms', () => {
  it('counts two-syllable phrases, leaving out numbers, stop syllables and punctuation', () => {
    expect(phrases('Năm 2024, tăng trưởng kinh tế của Việt Nam đạt 7,09%.')).toEqual(['tăng trưởng', 'trưởng kinh', 'kinh tế', 'việt nam']);
    expect(phrases('Chuyển đổi số quốc gia')).toEqual(['chuyển đổi', 'quốc gia']);
  });

  it('ranks each month\'s distinctive phrases by TF–IDF over the months', () => {
    const db = handDb([
      { source: 'mpi', day: '2024-01-05', text: 'Chuyển đổi số quốc gia.' },
      { source: 'mpi', day: '2024-01-20', text: 'Chuyển đổi số doanh nghiệp.' },
      { source: 'mpi', day: '2024-02-03', text: 'Phòng chống thiên tai. Phòng chống thiên tai và doanh nghiệp.' },
    ]);
    try {
      // Two periods: a phrase of one month has idf 1 + ln(2/2) = 1; one of both months 1 + ln(2/3) ≈ 0.595.
      expect(topTerms(db, { every: 'month', limit: 3 }).map((t) => [t.period, t.rank, t.term, t.count, t.score, t.articles])).toEqual([
        ['2024-01', 1, 'chuyển đổi', 2, 2, 2],
        ['2024-01', 2, 'quốc gia', 1, 1, 2],
        ['2024-01', 3, 'doanh nghiệp', 1, 0.595, 2],
        ['2024-02', 1, 'chống thiên', 2, 2, 1],
        ['2024-02', 2, 'phòng chống', 2, 2, 1],
        ['2024-02', 3, 'thiên tai', 2, 2, 1],
      ]);
      expect(topTerms(db, { every: 'month', limit: 1, since: '2024-02' }).map((t) => t.term)).toEqual(['chống thiên']);
    } finally {
      db.close();
    }
  });
});

describe('on the fixture database', () => {
  let db: Db;
  beforeAll(() => { db = fixtureDb(); });
  afterAll(() => db.close());

  it('gives the GDP growth series in period order and shows the 2022-Q2 conflict', () => {
    const s = metricSeries(db, 'gdp-growth');
    expect(s.keys).toEqual(['gdp-growth|rate']);
    const periods = s.points.map((p) => p.period);
    expect(periods).toEqual([...periods].sort(comparePeriods));
    // The same GSO release is reported by baochinhphu.vn and its English edition: a period may have several points.
    expect([...new Set(periods)].slice(0, 3)).toEqual(['2022', '2022-H1', '2022-Q2']);
    expect(periods.filter((p) => p === '2022-Q2').length).toBeGreaterThanOrEqual(2);
    const q2 = s.conflicts.find((c) => c.period === '2022-Q2');
    expect([...new Set(q2?.values.map((v) => v.value))].sort()).toEqual([7.72, 7.99]);
    expect(s.points.filter((p) => p.period === '2022-Q2').every((p) => p.conflict)).toBe(true);
  });

  it('counts an official per month with no holes', () => {
    const s = mentionSeries(db, { official: 'To Lam', every: 'month' });
    expect(s.officials).toEqual(['Tô Lâm']);
    const months = s.points.map((p) => p.period);
    expect(months).toEqual(buckets(`${months[0]}-01`, `${months[months.length - 1]}-01`, 'month').map((b) => b.period));
    expect(s.points.reduce((n, p) => n + p.articles, 0)).toBeGreaterThan(0);
  });

  it('gives each month its top phrases, none of them a stop syllable or a number', () => {
    const terms = topTerms(db, { every: 'month', limit: 5 });
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) {
      expect(t.term).toMatch(/^[\p{L}\p{M}]+ [\p{L}\p{M}]+$/u);
      expect(t.term.split(' ').some((w) => ['của', 'và', 'các', 'năm', 'ngày'].includes(w))).toBe(false);
      expect(t.rank).toBeLessThanOrEqual(5);
    }
  });
});
