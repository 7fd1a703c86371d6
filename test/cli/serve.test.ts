/**
 * `vnpress serve` as a journalist uses it: the compiled CLI started as a real process on a database the demo
 * crawled from the local mirror, and a real headless Chromium typing a search without diacritics, applying
 * a filter, opening a claim in its article and finding the figure marked there. The screenshots are left in
 * test-output/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { launchBrowser, TEST_OUTPUT } from '../browser.js';

const BIN = join(__dirname, '..', '..', 'bin', 'vnpress.js');
const dir = tempDir('vnpress-serve-cli-');
const DB = join(dir.path, 'demo.db');
let child: ChildProcess;
let base = '';

beforeAll(async () => {
  const demo = spawnSync(process.execPath, [BIN, 'demo', '--db', DB], { encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  child = spawn(process.execPath, [BIN, 'serve', '--db', DB, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += String(c);
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`vnpress serve exited with ${code}: ${out}`)));
  });
}, 30_000);
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
  dir.cleanup();
});

describe('vnpress serve', () => {
  it('says where it listens and refuses a database that is not there', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = spawnSync(process.execPath, [BIN, 'serve', '--db', join(dir.path, 'none.db'), '--port', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vnpress: no database at .*none\.db; run vnpress crawl \(or vnpress demo\) first, or pass --db\n/);
  });

  it('in Chromium: search without diacritics, filter, open a claim in its article, find the marked span', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.setViewportSize({ width: 1200, height: 900 });

      await page.goto(`${base}/`);
      expect(new URL(page.url()).pathname).toBe('/claims');
      await page.getByRole('searchbox').fill('xuat khau');
      await page.getByRole('searchbox').press('Enter');
      await page.waitForURL(/q=xuat\+khau/);
      const cards = page.locator('.card.claim');
      expect(await cards.count()).toBeGreaterThan(3);
      expect(await cards.first().textContent()).toMatch(/xuất khẩu/i);
      await page.screenshot({ path: join(TEST_OUTPUT, 'serve-search.png'), fullPage: true });

      // A filter from the form: only that source's claims remain.
      await page.locator('select[name="source"]').selectOption('mpi');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/source=mpi/);
      const meta = await page.locator('.card.claim .links').allTextContents();
      expect(meta.length).toBeGreaterThan(0);
      for (const m of meta) expect(m).toContain('· mpi ·');

      // A facet link narrows the results to its value, and shows as chosen.
      await page.locator('.facets a[href*="period="]').first().click();
      await page.waitForURL(/period=\d{4}/);
      const year = new URL(page.url()).searchParams.get('period')!;
      expect(await page.locator('.facets a[aria-current="true"]').allTextContents()).toEqual(['✓ mpi', `✓ ${year}`]);
      for (const chips of await page.locator('.card.claim .chips').allTextContents()) expect(chips).toContain(year);

      const quote = (await page.locator('.card.claim mark').first().textContent())!;
      await page.locator('.card.claim a.in-article').first().click();
      await page.waitForURL(/\/articles\/\d+\?start=\d+&end=\d+#span$/);
      const mark = page.locator('mark#span');
      expect(await mark.textContent()).toBe(quote);
      // Scrolled to it: the mark is in the viewport.
      const box = (await mark.boundingBox())!;
      const scrollY = (await page.evaluate('window.scrollY')) as number;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      expect(scrollY + box.y).toBeGreaterThan(0);
      await page.screenshot({ path: join(TEST_OUTPUT, 'serve-article.png') });

      // Vietnamese renders in a real font: the browser reports which fonts drew the title's glyphs, and every
      // one of them is a font that covers Vietnamese (no fallback to boxes).
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const vietnamese = spawnSync('fc-list', [':lang=vi', 'family'], { encoding: 'utf8' }).stdout.split('\n').flatMap((l) => l.split(','));
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(vietnamese, f.familyName).toContain(f.familyName);
      expect(await page.locator('h1').textContent()).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);

      expect(problems).toEqual([]);
      expect(requests.every((u) => u.startsWith(`${base}/`))).toBe(true);
      console.log(`serve screenshots: ${join(TEST_OUTPUT, 'serve-search.png')}, ${join(TEST_OUTPUT, 'serve-article.png')}`);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
