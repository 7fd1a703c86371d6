import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { barChart, clip, columnChart, esc, fmt, fmtAxis, heatmap, lineChart, niceTicks } from '../../src/report/svg.js';

/** The chart as an XML tree: it must parse as XML, and its marks are read back from it. */
function xml(svg: string) {
  const doc = parseDocument(svg, { xmlMode: true });
  const all = (pred: (e: Element) => boolean) => findAll(pred, doc.children);
  return { doc, all, byClass: (c: string) => all((e) => (getAttributeValue(e, 'class') ?? '').split(' ').includes(c)) };
}
const num = (e: Element, a: string) => Number(getAttributeValue(e, a));

describe('text helpers', () => {
  it('escapes markup and quotes', () => {
    expect(esc(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });
  it('clips by code point, never splitting a Vietnamese letter, with an ellipsis', () => {
    const decomposedFree = 'Nghị định về quản lý hoạt động thương mại điện tử';
    const c = clip(decomposedFree, 10);
    expect([...c]).toHaveLength(10);
    expect(c.endsWith('…')).toBe(true);
    expect(c.normalize('NFC')).toBe(c);
    expect(clip('ngắn', 10)).toBe('ngắn');
  });
  it('formats numbers with grouping, and compacts large ones on axes', () => {
    expect(fmt(1234567)).toBe('1,234,567');
    expect(fmt(7.725)).toBe('7.73');
    expect(fmt(0.125)).toBe('0.125');
    expect(fmtAxis(190_000_000_000)).toBe('190B');
    expect(fmtAxis(2_500_000)).toBe('2.5M');
    expect(fmtAxis(12_000)).toBe('12,000');
  });
  it('ticks are round and cover the range', () => {
    for (const [lo, hi] of [[0, 7.72], [0, 1], [-3.2, 8.1], [0, 190e9], [5, 5], [0, 0], [0.1, 0.3]] as const) {
      const t = niceTicks(lo, hi);
      expect(t[0]).toBeLessThanOrEqual(lo);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(hi);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(12);
      const steps = new Set(t.slice(1).map((v, i) => Number((v - t[i]!).toPrecision(6))));
      expect(steps.size).toBe(1);
      expect(String([...steps][0])).toMatch(/^(1|2|5)(0*|\.?0*)$|^0\.0*(1|2|5)$/);
    }
    expect(niceTicks(0, 7.72)).toEqual([0, 2, 4, 6, 8]);
  });
});

describe('barChart', () => {
  const bars = [{ label: '01/NQ-CP (Nghị quyết)', value: 8 }, { label: '13/2023/NĐ-CP', value: 2 }, { label: '<b>x</b>', value: 0 }];
  it('draws a bar per value, its length proportional to the value', () => {
    const chart = xml(barChart('docs', 'Most cited', bars, { unit: 'articles' }));
    const rects = chart.byClass('bar');
    expect(rects.map((r) => num(r, 'data-value'))).toEqual([8, 2]); // a zero draws no bar, but keeps its row
    expect(num(rects[0]!, 'width') / num(rects[1]!, 'width')).toBeCloseTo(4, 1);
    expect(chart.byClass('mark')).toHaveLength(3);
    expect(textContent(chart.doc)).toContain('<b>x</b>'); // as text, not as markup
    expect(chart.all((e) => e.name === 'b')).toHaveLength(0);
  });
  it('stacks parts in the order of the series, with a legend', () => {
    const chart = xml(barChart('crawl', 'URLs', [{ label: 'mpi', value: 10, parts: [6, 3, 0, 1] }], { unit: 'URLs', series: ['fetched', 'failed', 'skipped', 'waiting'] }));
    const rects = chart.byClass('bar');
    expect(rects.map((r) => num(r, 'data-value'))).toEqual([6, 3, 1]);
    expect(num(rects[1]!, 'x')).toBeCloseTo(num(rects[0]!, 'x') + num(rects[0]!, 'width'), 0);
    expect(textContent(chart.byClass('legend')[0]!)).toBe('fetchedfailedskippedwaiting');
  });
});

describe('columnChart', () => {
  it('a column per period, empty ones included, stacked by series', () => {
    const cols = [{ label: '2024-01', parts: [2, 1] }, { label: '2024-02', parts: [0, 0] }, { label: '2024-03', parts: [4, 0] }];
    const chart = xml(columnChart('m', 'Meetings', cols, { series: ['hội nghị', 'phiên họp'], unit: 'meetings' }));
    expect(chart.byClass('mark').map((g) => [getAttributeValue(g, 'data-label'), num(g, 'data-value')])).toEqual([['2024-01', 3], ['2024-02', 0], ['2024-03', 4]]);
    const rects = chart.byClass('bar');
    expect(rects.map((r) => num(r, 'data-value'))).toEqual([2, 1, 4]);
    // Heights on one scale: 4 is twice 2.
    expect(num(rects[2]!, 'height') / num(rects[0]!, 'height')).toBeCloseTo(2, 1);
  });
});

describe('lineChart', () => {
  it('points at their values, a line per series, conflicts ringed', () => {
    const t = (y: number) => Date.UTC(y, 6, 1);
    const lines = [
      { name: 'mpi', points: [{ t: t(2022), value: 8.02, label: '2022', conflict: true }, { t: t(2023), value: 5.05, label: '2023', conflict: false }] },
      { name: 'gso', points: [{ t: t(2022), value: 8.12, label: '2022', conflict: true }] },
    ];
    const chart = xml(lineChart('gdp', 'GDP growth', lines, { unit: '%' }));
    expect(chart.byClass('series')).toHaveLength(1); // a single point draws no line
    const pts = chart.byClass('point');
    expect(pts.map((p) => num(p, 'data-value'))).toEqual([8.02, 5.05, 8.12]);
    expect(chart.byClass('conflict')).toHaveLength(2);
    // Higher values sit higher (smaller y), same period same x.
    expect(num(pts[1]!, 'cy')).toBeGreaterThan(num(pts[0]!, 'cy'));
    expect(num(pts[2]!, 'cx')).toBe(num(pts[0]!, 'cx'));
    expect(textContent(chart.doc)).toContain('sources disagree');
  });
  it('one point alone still gets an axis', () => {
    const chart = xml(lineChart('one', 'One', [{ name: 'mpi', points: [{ t: Date.UTC(2024, 0, 1), value: 3, label: 'x', conflict: false }] }], { unit: '%' }));
    const p = chart.byClass('point')[0]!;
    expect(Number.isFinite(num(p, 'cx')) && Number.isFinite(num(p, 'cy'))).toBe(true);
  });
});

describe('heatmap', () => {
  it('a cell per row and column, shaded by value, empty cells grey', () => {
    const chart = xml(heatmap('cov', 'Coverage', ['mpi', 'mic'], ['2024-01', '2024-02', '2024-03'], [[4, 0, 1], [0, 0, 2]], { unit: 'articles' }));
    const cells = chart.byClass('cell');
    expect(cells.map((c) => num(c, 'data-value'))).toEqual([4, 0, 1, 0, 0, 2]);
    expect(getAttributeValue(cells[1]!, 'fill')).toBe('#f2f2f2');
    expect(Number(getAttributeValue(cells[0]!, 'fill-opacity'))).toBeGreaterThan(Number(getAttributeValue(cells[2]!, 'fill-opacity')));
    expect(textContent(cells[5]!)).toBe('mic, 2024-03: 2 articles');
  });
});
