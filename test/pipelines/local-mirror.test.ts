import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { gunzipSync } from 'node:zlib';
import { categoryMatches, categoryName, categoryOf, startMirror, type Mirror } from '../../pipelines/local-mirror.js';
import { SOURCES } from '../../pipelines/index.js';

let mirror: Mirror;
beforeAll(async () => { mirror = await startMirror(); });
afterAll(() => mirror.close());

async function get(host: string, path: string, headers: Record<string, string> = {}) {
  const res = await request(`${mirror.origin}${path}`, { headers: { host, ...headers } });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body };
}

describe('local mirror', () => {
  it('binds 127.0.0.1 and serves at least 20 articles on the real URL schemes', () => {
    expect(mirror.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mirror.articles.length).toBeGreaterThanOrEqual(20);
    expect(mirror.hosts).toEqual(expect.arrayContaining(['baochinhphu.vn', 'chinhphu.vn', 'www.mpi.gov.vn', 'mic.gov.vn', 'mst.gov.vn', 'mof.gov.vn', 'hanoi.gov.vn', 'vnexpress.net', 'moit.gov.vn', 'en.baochinhphu.vn', 'english.mic.gov.vn']));
  });
  it('serves an article by Host header and path, with an ETag and 304', async () => {
    const a = mirror.articles.find((x) => x.host === 'www.mpi.gov.vn')!;
    const first = await get(a.host, a.path);
    expect(first.status).toBe(200);
    expect(first.body.toString('utf8')).toContain('content-news');
    const again = await get(a.host, a.path, { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });
  it('paginates listings and links the next page', async () => {
    const page1 = (await get('baochinhphu.vn', '/thoi-su.htm')).body.toString('utf8');
    expect(page1).toContain('/thoi-su/trang-2.htm');
    expect((await get('baochinhphu.vn', '/thoi-su/trang-2.htm')).status).toBe(200);
  });
  it('serves the listings of the new sources on their own URL schemes, paginated', async () => {
    // mic.gov.vn: /<slug>.htm, later pages /<slug>/trang-<n>.htm; three articles in two pages.
    const mic1 = (await get('mic.gov.vn', '/tin-tuc-su-kien.htm')).body.toString('utf8');
    expect(mic1).toContain('/tin-tuc-su-kien/trang-2.htm');
    const mic2 = await get('mic.gov.vn', '/tin-tuc-su-kien/trang-2.htm');
    expect(mic2.status).toBe(200);
    expect(mic2.body.toString('utf8')).toMatch(/-197\d+\.htm/);
    // vnexpress.net: /<slug> without extension; the English editions: en.baochinhphu.vn /<slug>.htm, english.mic.gov.vn /news-gallery/<slug>.htm; mof.gov.vn: a nested path; hanoi.gov.vn: /<category>; moit.gov.vn: /tin-tuc/<category>.
    for (const [host, path] of [['vnexpress.net', '/thoi-su'], ['vnexpress.net', '/kinh-doanh'], ['mof.gov.vn', '/bo-tai-chinh/tin-tuc-tai-chinh'], ['hanoi.gov.vn', '/tin-so-nganh'], ['mst.gov.vn', '/tin-tuc-su-kien.htm'], ['moit.gov.vn', '/tin-tuc/phat-trien-nang-luong'],
      ['en.baochinhphu.vn', '/politics.htm'], ['en.baochinhphu.vn', '/economy.htm'], ['en.baochinhphu.vn', '/policies.htm'], ['english.mic.gov.vn', '/news-gallery/news-and-press-release.htm']] as const) {
      const page = (await get(host, path)).body.toString('utf8');
      const linked = mirror.articles.filter((a) => a.host === host && page.includes(`href="${a.path}"`));
      expect(linked.length, `${host}${path}`).toBeGreaterThan(0);
    }
  });
  it('serves robots.txt, a sitemap index with a gzipped sitemap, and RSS', async () => {
    expect((await get('chinhphu.vn', '/robots.txt')).body.toString()).toMatch(/Sitemap: https:\/\/chinhphu\.vn\/sitemap\.xml/);
    expect((await get('chinhphu.vn', '/sitemap.xml')).body.toString()).toContain('<sitemapindex');
    const gz = await get('chinhphu.vn', '/sitemaps/articles.xml.gz');
    expect(gunzipSync(gz.body).toString()).toContain('<urlset');
    expect((await get('chinhphu.vn', '/rss/tin-moi.rss')).body.toString()).toContain('<rss version="2.0">');
  });
  it('knows the category of every listing URL scheme and a name for each', () => {
    expect(categoryOf('https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=188&trang=2')).toBe('188');
    expect(categoryOf('https://baochinhphu.vn/thoi-su.htm')).toBe('thoi-su');
    expect(categoryOf('https://vnexpress.net/thoi-su')).toBe('thoi-su');
    expect(categoryOf('https://hanoi.gov.vn/tin-so-nganh')).toBe('tin-so-nganh');
    expect(categoryOf('https://mof.gov.vn/bo-tai-chinh/tin-tuc-tai-chinh')).toBe('tin-tuc-tai-chinh');
    expect(categoryMatches('https://mic.gov.vn/tin-tuc-su-kien.htm', 'tin-tuc-su-kien')).toBe(true);
    expect(categoryMatches('https://mic.gov.vn/tin-tuc-su-kien.htm', '')).toBe(false);
    expect(categoryMatches('https://mof.gov.vn/bo-tai-chinh/tin-tuc-tai-chinh', 'bo-tai-chinh')).toBe(false);
    for (const l of SOURCES.flatMap((s) => s.listings)) expect(categoryName(l.url), l.url).not.toBe(categoryOf(l.url));
  });
  it('answers 404 for unknown paths', async () => {
    expect((await get('chinhphu.vn', '/khong-co.htm')).status).toBe(404);
  });
});
