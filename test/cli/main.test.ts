/**
 * The CLI as a user runs it: a real process (the compiled bin), real files. Bad input gets one line naming
 * the file and a non-zero exit; no stack trace unless --debug.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

const BIN = join(__dirname, '..', '..', 'bin', 'vnpress.js');
const dir = tempDir();
afterAll(() => dir.cleanup());

function vnpress(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir.path });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vnpress extract', () => {
  it('prints the JSON contract for a text file', () => {
    const file = join(dir.path, 'article.txt');
    writeFileSync(file, [
      'Thủ tướng chủ trì phiên họp về chuyển đổi số',
      'Sáng 25/12, tại trụ sở Chính phủ, Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp lần thứ 4 của Ủy ban Quốc gia về chuyển đổi số, kết nối trực tuyến với 63 tỉnh, thành phố.',
      'Theo báo cáo, Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ đã được triển khai; hơn 30.000 doanh nghiệp đã sử dụng nền tảng số trong năm 2022.',
    ].join('\n'));
    const r = vnpress('extract', file, '--json', '--published-on', '2022-12-26');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['article', 'legalRefs', 'officials', 'meetings', 'claims']);
    expect(out.article.title).toBe('Thủ tướng chủ trì phiên họp về chuyển đổi số');
    expect(out.legalRefs[0]).toMatchObject({ type: 'Nghị định', number: '42/2022/NĐ-CP', issuedOn: '2022-06-24', issuer: 'Chính phủ' });
    expect(out.officials[0]).toMatchObject({ name: 'Phạm Minh Chính', titles: ['Thủ tướng Chính phủ'] });
    expect(out.meetings[0]).toMatchObject({ kind: 'phiên họp', ordinal: 4, date: '2022-12-25', chair: 'Phạm Minh Chính', mode: 'online' });
    const claim = out.claims.find((c: { value: number }) => c.value === 30000);
    expect(claim).toMatchObject({ unit: 'doanh nghiệp', approx: 'over', period: '2022' });
    for (const kind of ['legalRefs', 'officials', 'meetings', 'claims']) {
      for (const f of out[kind]) {
        expect(f.span[1]).toBeGreaterThan(f.span[0]);
        expect(f.span[1]).toBeLessThanOrEqual(out.article.text.length);
      }
    }
    expect(out.article.text.slice(claim.span[0], claim.span[1])).toBe('30.000');
  });

  it('reads an .html page', () => {
    const file = join(dir.path, 'page.html');
    writeFileSync(file, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin</title>
      <meta property="article:published_time" content="2024-04-24T12:15:00+07:00"></head><body>
      <nav class="menu"><a href="/">Trang chủ</a></nav><article class="detail"><h1>GDP quý I tăng 5,66%</h1>
      <div class="content"><p>Theo Tổng cục Thống kê, tổng sản phẩm trong nước quý I/2024 ước tính tăng 5,66% so với cùng kỳ năm trước, cao hơn tốc độ tăng của quý I các năm 2020 đến 2023.</p>
      <p>Khu vực công nghiệp và xây dựng tăng 6,28%, đóng góp 37,55% vào mức tăng trưởng chung của nền kinh tế.</p></div></article>
      <div class="related">Tin liên quan: Xuất khẩu tăng 17%</div></body></html>`);
    const r = vnpress('extract', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.article.title).toBe('GDP quý I tăng 5,66%');
    expect(out.article.publishedAt).toBe('2024-04-24T12:15:00+07:00');
    expect(out.article.text).not.toContain('Tin liên quan');
    expect(out.claims.map((c: { value: number }) => c.value)).toEqual(expect.arrayContaining([5.66, 6.28, 37.55]));
  });

  it('a missing file: one line naming it, exit 2, no stack trace', () => {
    const r = vnpress('extract', 'no-such-file.html', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['vnpress: no-such-file.html: no such file; check the path']);
  });

  it('an empty file', () => {
    writeFileSync(join(dir.path, 'empty.txt'), '');
    const r = vnpress('extract', 'empty.txt');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('vnpress: empty.txt is empty: nothing to extract');
  });

  it('a binary file', () => {
    writeFileSync(join(dir.path, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const r = vnpress('extract', 'image.png');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vnpress: image\.png looks like a binary file/);
    expect(r.stderr).not.toMatch(/\bat \S+ \(/);
  });

  it('--debug adds the stack trace', () => {
    const r = vnpress('extract', 'no-such-file.html', '--debug');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/InputError: no-such-file\.html: no such file/);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('a bad date is bad usage', () => {
    writeFileSync(join(dir.path, 'a.txt'), 'Nội dung bài viết đủ dài để đọc.');
    const r = vnpress('extract', 'a.txt', '--published-on', '25/12/2022');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('vnpress: --published-on "25/12/2022" is not a date; write it as YYYY-MM-DD');
  });
});

describe('help', () => {
  it.each(['crawl', 'extract', 'search', 'export', 'stats'])('%s --help shows an example', (verb) => {
    const r = vnpress(verb, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n\s+\$ vnpress /);
  });
  it('an unknown verb is bad usage', () => {
    expect(vnpress('frobnicate').code).toBe(2);
  });
});

describe('reading a database that does not exist', () => {
  it('stats says what to do', () => {
    const r = vnpress('stats', '--db', 'missing.db');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('vnpress: database missing.db does not exist; run `npm start` or `vnpress crawl` first, or pass --db');
  });
});

describe('commands on a database filled by the demo', () => {
  it('demo, then stats, decree, search and export read it', () => {
    const demo = vnpress('demo', '--db', 'demo.db');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/articles\s+41\b/);
    expect(demo.stdout).toContain('npx vnpress search');

    const stats = JSON.parse(vnpress('stats', '--db', 'demo.db', '--json').stdout);
    expect(stats.articles).toBe(41);

    const decree = vnpress('decree', '13/2023/ND-CP', '--db', 'demo.db');
    expect(decree.code).toBe(0);
    expect(decree.stdout).toMatch(/^Nghị định 13\/2023\/NĐ-CP ngày 2023-04-17 của Chính phủ/);
    expect(decree.stdout).toContain('cited by 3 articles'); // two Vietnamese pages and en.baochinhphu.vn
    const missing = vnpress('decree', '999/2099/NĐ-CP', '--db', 'demo.db');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('vnpress: no article in demo.db cites 999/2099/NĐ-CP; check the number (e.g. 42/2022/NĐ-CP) or crawl more sources');

    const search = vnpress('search', 'nghi', 'dinh', '--db', 'demo.db', '--nl');
    expect(search.code).toBe(0);
    expect(search.stdout.trim().split('\n').length).toBeGreaterThan(3);
    const bad = vnpress('search', 'AND (', '--raw', '--db', 'demo.db');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);

    const csv = vnpress('export', 'claims', '--db', 'demo.db');
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFid,metric,')).toBe(true);
    const cited = vnpress('export', 'documents', '--document', '13/2023/ND-CP', '--nl', '--db', 'demo.db');
    expect(cited.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ number: '13/2023/NĐ-CP', articles: 3 })]);
    const over = vnpress('export', 'claims', '--qualifier', 'hơn', '--nl', '--db', 'demo.db');
    expect(over.code).toBe(0);
    expect(over.stdout.trim().split('\n').every((l) => JSON.parse(l).approx === 'over')).toBe(true);
    const of2024 = vnpress('export', 'claims', '--period', '2024', '--unit', '%', '--nl', '--db', 'demo.db');
    expect(of2024.code).toBe(0);
    const rows2024 = of2024.stdout.trim().split('\n').map((l) => JSON.parse(l) as { period: string; unit: string });
    expect(rows2024.length).toBeGreaterThan(0);
    expect(rows2024.every((r) => (r.period === '2024' || r.period.startsWith('2024-')) && r.unit === '%')).toBe(true);
    expect(vnpress('export', 'articles', '--period', '2024', '--db', 'demo.db').stderr).toMatch(/--period and --unit filter claims/);

    const officials = JSON.parse(vnpress('officials', '--db', 'demo.db', '--limit', '3', '--json').stdout);
    expect(officials[0]).toMatchObject({ name: 'Phạm Minh Chính', latest_title: expect.stringMatching(/^Thủ tướng/) });
    const timeline = vnpress('official', 'Pham Minh Chinh', '--db', 'demo.db');
    expect(timeline.code).toBe(0);
    expect(timeline.stdout).toMatch(/^Phạm Minh Chính: \d+ articles, titles as reported/);
    expect(timeline.stdout).toContain('Chủ tịch Ủy ban Quốc gia về chuyển đổi số');
    const held = JSON.parse(vnpress('official', '--title', 'Thủ tướng', '--on', '2023-06-17', '--db', 'demo.db', '--json').stdout);
    expect(held.held.map((h: { name: string }) => h.name)).toEqual(['Phạm Minh Chính']);
    const nobody = vnpress('official', 'Không Có Ai', '--db', 'demo.db');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^vnpress: no official named "Không Có Ai" in demo\.db/);
    // A reader that stops early closes the pipe: the output ends there, quietly.
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" export claims --nl --db demo.db | head -1`], { encoding: 'utf8', cwd: dir.path });
    expect([piped.status, piped.stderr, piped.stdout.split('\n').length]).toEqual([0, '', 2]);
    const badDay = vnpress('official', '--title', 'Thủ tướng', '--on', '17/6/2023', '--db', 'demo.db');
    expect(badDay.code).toBe(1);
    expect(badDay.stderr.trim()).toBe('vnpress: --on must be a day written YYYY-MM-DD, not "17/6/2023"');
  });
});
