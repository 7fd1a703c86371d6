import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { periodLength, periodMiddle, reportData } from '../../src/query/report-data.js';
import { metricSeries } from '../../src/query/trends.js';
import { InputError } from '../../src/errors.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

const n = (sql: string, ...p: unknown[]) => (db.prepare(sql).get(...p) as { n: number }).n;

describe('periods on a time axis', () => {
  it('names a period\'s length, and finds its middle', () => {
    expect(['2024', '2024-H1', '2024-Q3', '2024-07', '2024-07-15', '2024-01/2024-09', 'cả nhiệm kỳ'].map(periodLength))
      .toEqual(['year', 'half', 'quarter', 'month', 'day', '9 months', null]);
    expect(new Date(periodMiddle('2024')!).toISOString().slice(0, 10)).toBe('2024-07-02');
    expect(new Date(periodMiddle('2024-Q1')!).toISOString().slice(0, 10)).toBe('2024-02-15');
  });
});

describe('reportData', () => {
  it('totals count what the tables hold', () => {
    const d = reportData(db);
    expect(d.totals).toEqual({
      articles: n('SELECT COUNT(*) AS n FROM articles'),
      sources: n('SELECT COUNT(DISTINCT source_id) AS n FROM articles'),
      claims: n('SELECT COUNT(*) AS n FROM claims'),
      documents: n('SELECT COUNT(DISTINCT document_id) AS n FROM legal_refs'),
      officials: n('SELECT COUNT(DISTINCT person_id) AS n FROM official_mentions'),
      meetings: n('SELECT COUNT(*) AS n FROM meetings'),
    });
  });
  it('ranks documents and officials by the articles citing or naming them', () => {
    const d = reportData(db, { top: 5 });
    expect(d.documents).toHaveLength(5);
    expect(d.officials).toHaveLength(5);
    for (const doc of d.documents) {
      expect(doc.articles).toBe(n('SELECT COUNT(DISTINCT r.article_id) AS n FROM legal_refs r JOIN legal_documents d ON d.id = r.document_id WHERE d.number = ?', doc.number));
    }
    expect(d.documents.map((x) => x.articles)).toEqual([...d.documents.map((x) => x.articles)].sort((a, b) => b - a));
    const most = n('SELECT MAX(c) AS n FROM (SELECT COUNT(DISTINCT article_id) AS c FROM official_mentions GROUP BY person_id)');
    expect(d.officials[0]!.articles).toBe(most);
    expect(d.officials[0]!.title).toBeTruthy();
  });
  it('meetings by month: every meeting counted once, months contiguous, kinds summed', () => {
    const d = reportData(db);
    const total = d.meetings.counts.flat().reduce((s, v) => s + v, 0);
    expect(total).toBe(n('SELECT COUNT(*) AS n FROM meetings m JOIN articles a ON a.id = m.article_id WHERE COALESCE(m.date, a.published_at) IS NOT NULL'));
    const months = d.meetings.months;
    for (let i = 1; i < months.length; i++) {
      const [y, m] = months[i - 1]!.split('-').map(Number) as [number, number];
      expect(months[i]).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`);
    }
    expect(d.meetings.kinds.length).toBeLessThanOrEqual(5);
  });
  it('coverage: articles per source and month add up to the source\'s articles', () => {
    const d = reportData(db);
    d.coverage.sources.forEach((s, i) => {
      expect(d.coverage.articles[i]!.reduce((a, b) => a + b, 0)).toBe(s.articles);
      expect(s.articles).toBe(n('SELECT COUNT(*) AS n FROM articles WHERE source_id = ?', s.source));
    });
  });
  it('filters by source and dates; the dates bound the periods of the metric series', () => {
    const all = reportData(db);
    const mpi = reportData(db, { source: 'mpi', since: '2023' });
    expect(mpi.totals.articles).toBe(n("SELECT COUNT(*) AS n FROM articles WHERE source_id = 'mpi' AND published_at >= '2023-01-01'"));
    expect(mpi.totals.articles).toBeLessThan(all.totals.articles);
    expect(mpi.coverage.sources.map((s) => s.source)).toEqual(['mpi']);
    for (const m of mpi.metrics) {
      for (const l of m.lines) {
        expect(l.source).toBe('mpi');
        for (const p of l.points) expect(p.period! >= '2023').toBe(true);
      }
    }
  });
  it('a metric chart holds figures of one period length, unit and comparison; the rest are counted as left off', () => {
    const d = reportData(db);
    expect(d.metrics.length).toBeGreaterThan(0);
    for (const m of d.metrics) {
      const pts = m.lines.flatMap((l) => l.points);
      expect(new Set(pts.map((p) => periodLength(p.period!)))).toEqual(new Set([m.periods]));
      expect(new Set(pts.map((p) => p.unit))).toEqual(new Set([m.unit]));
      expect(new Set(pts.map((p) => p.comparison))).toEqual(new Set([m.comparison]));
      // Against the whole series and the claims themselves:
      const ofLength = metricSeries(db, m.key).points.filter((p) => p.period && periodLength(p.period) === m.periods);
      expect(pts.length + m.omittedKinds).toBe(ofLength.length);
      const claimsByLength = new Map<string, number>();
      for (const period of db.prepare('SELECT period FROM claims WHERE metric_key = ? AND period IS NOT NULL').pluck().all(m.key) as string[]) {
        const length = periodLength(period);
        if (length) claimsByLength.set(length, (claimsByLength.get(length) ?? 0) + 1);
      }
      expect(claimsByLength.get(m.periods)).toBe(Math.max(...claimsByLength.values()));
      expect(m.omittedLengths).toBe([...claimsByLength.values()].reduce((a, b) => a + b, 0) - claimsByLength.get(m.periods)!);
    }
  });
  it('the metrics asked for, in that order', () => {
    const keys = reportData(db).metrics.map((m) => m.key).slice(0, 2).reverse();
    expect(reportData(db, { metrics: keys }).metrics.map((m) => m.key)).toEqual(keys);
  });
  it('an unknown source or a bad date is an InputError that says what to do', () => {
    expect(() => reportData(db, { source: 'nope' })).toThrow(InputError);
    expect(() => reportData(db, { source: 'nope' })).toThrow(/known: .*mpi/);
    expect(() => reportData(db, { since: 'last year' })).toThrow(InputError);
  });
});
