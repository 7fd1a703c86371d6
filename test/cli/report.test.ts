/**
 * `vnpress report` as a user runs it (the compiled bin, a real process) on a database the demo crawled from
 * the local mirror, and the file it writes opened in a real headless Chromium: it must load nothing but
 * itself, draw every chart at a readable size with marks true to the data, and open its tables on a click.
 * The screenshot is left in test-output/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../helpers.js';
import { launchBrowser, TEST_OUTPUT } from '../browser.js';

const BIN = join(__dirname, '..', '..', 'bin', 'vnpress.js');
const dir = tempDir('vnpress-report-');
const DB = join(dir.path, 'demo.db');

function vnpress(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir.path });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const demo = vnpress('demo', '--db', DB);
  expect(demo.code, demo.stderr).toBe(0);
});
afterAll(() => dir.cleanup());

describe('vnpress report', () => {
  it('writes one HTML file and says what it holds', () => {
    const r = vnpress('report', '--db', DB, '--out', 'report.html');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^report\.html: 41 articles, \d+ metric charts, 15 documents, 15 officials, \d+ KB, [\d.]+ s\n$/);
    const html = readFileSync(join(dir.path, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });
  it('filters, and writes to standard output with --out -', () => {
    const r = vnpress('report', '--db', DB, '--source', 'mpi', '--since', '2023', '--metric', 'gdp-growth', '--top', '3', '--out', '-');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('articles published from 2023-01-01, source mpi');
    expect(r.stderr).toMatch(/^report: 5 articles, 1 metric charts, 3 documents, 3 officials, /);
    // The one metric asked for, and the rankings cut to --top.
    expect(r.stdout.match(/data-chart="metric-\d+"/g)).toEqual(['data-chart="metric-0"']);
    expect(r.stdout).toContain('<h3>Tăng trưởng GDP ');
    for (const chart of ['documents', 'officials']) {
      const svg = new RegExp(`<svg[^>]*data-chart="${chart}".*?</svg>`).exec(r.stdout)![0];
      expect(svg.match(/class="bar"/g), chart).toHaveLength(3);
    }
  });
  it('bad input: one line that says what to do, and no file left behind', () => {
    const cases: [string[], RegExp][] = [
      [['--top', '0'], /^vnpress: --top must be a whole number above 0, not "0"\n$/],
      [['--source', 'nowhere'], /^vnpress: no source "nowhere" in the database; known: .*mpi/],
      [['--since', '15/3/2024'], /^vnpress: .*15\/3\/2024/],
      [['--out', join(dir.path, 'no-such-folder', 'r.html')], /^vnpress: cannot write the report to .*no-such-folder.* \(ENOENT\); check that its folder exists and is writable\n$/],
    ];
    for (const [args, message] of cases) {
      const r = vnpress('report', '--db', DB, ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir.path, 'no-such-folder'))).toBe(false);
  });

  it('in Chromium: loads nothing else, draws every chart true to its data, opens a table on a click', async () => {
    const file = join(dir.path, 'browser.html');
    expect(vnpress('report', '--db', DB, '--out', file).code).toBe(0);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(problems).toEqual([]);

      const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => {
        const r = s.getBoundingClientRect();
        return { id: s.getAttribute('data-chart'), width: r.width, height: r.height };
      }));
      expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['metric-0', 'documents', 'officials', 'meetings', 'crawl', 'coverage']));
      for (const c of charts) {
        expect(c.width, c.id!).toBeGreaterThan(600);
        expect(c.height, c.id!).toBeGreaterThan(60);
      }

      // Bars as drawn on screen: widths in proportion to their values, longest first.
      const bars = await page.$$eval('svg[data-chart="documents"] rect.bar', (rects) => rects.map((r) => ({ value: Number(r.getAttribute('data-value')), width: r.getBoundingClientRect().width })));
      expect(bars).toHaveLength(15);
      const perUnit = bars[0]!.width / bars[0]!.value;
      for (const b of bars) expect(b.width / b.value).toBeCloseTo(perUnit, 0);
      expect(bars.map((b) => b.value)).toEqual([...bars.map((b) => b.value)].sort((a, b) => b - a));

      // Every metric point lies inside its chart's plot.
      const outside = await page.$$eval('svg.chart-line', (svgs) => svgs.flatMap((s) => {
        const box = s.getBoundingClientRect();
        return [...s.querySelectorAll('circle.point')].map((p) => p.getBoundingClientRect())
          .filter((p) => p.left < box.left || p.right > box.right || p.top < box.top || p.bottom > box.bottom);
      }));
      expect(outside).toEqual([]);

      // Nothing runs off the side of the page.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1000);

      // The folded table under the documents chart opens on a click and holds the same numbers.
      const table = page.locator('#documents details table');
      expect(await table.isVisible()).toBe(false);
      await page.locator('#documents details summary').click();
      expect(await table.isVisible()).toBe(true);
      const counts = await table.locator('tbody tr td:last-child').allTextContents();
      expect(counts.map(Number)).toEqual(bars.map((b) => b.value));

      const shot = join(TEST_OUTPUT, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      console.log(`report screenshot: ${shot}`);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
