import { describe, expect, it } from 'vitest';
import { parseFeed, parseListing, parseSitemap } from '../../src/crawl/discover.js';

describe('discovery', () => {
  it('reads a sitemap index and a urlset with lastmod', () => {
    const index = parseSitemap(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://baochinhphu.vn/sitemaps/2024-07.xml.gz</loc><lastmod>2024-07-31</lastmod></sitemap></sitemapindex>`, 'https://baochinhphu.vn/sitemap.xml');
    expect(index).toEqual([{ url: 'https://baochinhphu.vn/sitemaps/2024-07.xml.gz', date: '2024-07-31T00:00:00+07:00', kind: 'sitemap' }]);
    const urls = parseSitemap(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://baochinhphu.vn/a-102240701084512305.htm</loc>
      <lastmod>2024-07-01T08:45:00+07:00</lastmod></url></urlset>`, 'https://baochinhphu.vn/');
    expect(urls).toEqual([{ url: 'https://baochinhphu.vn/a-102240701084512305.htm', date: '2024-07-01T08:45:00+07:00', kind: 'article' }]);
  });
  it('reads RSS 2.0 and Atom', () => {
    const rss = parseFeed(`<rss version="2.0"><channel><item><title>A</title><link>https://chinhphu.vn/a-103240101000000000.htm</link>
      <pubDate>Mon, 01 Jul 2024 01:45:00 GMT</pubDate></item></channel></rss>`, 'https://chinhphu.vn/');
    expect(rss).toEqual([{ url: 'https://chinhphu.vn/a-103240101000000000.htm', date: '2024-07-01T08:45:00+07:00', kind: 'article' }]);
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/b.htm"/><published>2024-07-01T08:45:00+07:00</published></entry></feed>`, 'https://chinhphu.vn/');
    expect(atom).toEqual([{ url: 'https://chinhphu.vn/b.htm', date: '2024-07-01T08:45:00+07:00', kind: 'article' }]);
  });
  it('keeps listing links that match the article pattern, with the date shown beside them', () => {
    const html = `<ul><li><a href="/gdp-tang-102220629112046215.htm">GDP</a> <span class="time">29/06/2022 11:20</span></li>
      <li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="https://other.vn/x-102220629112046215.htm">x</a></li></ul>`;
    expect(parseListing(html, 'https://baochinhphu.vn/kinh-te.htm', /^https:\/\/baochinhphu\.vn\/[a-z0-9-]+-102\d{15}\.htm$/)).toEqual([
      { url: 'https://baochinhphu.vn/gdp-tang-102220629112046215.htm', date: '2022-06-29T11:20:00+07:00', kind: 'article' },
    ]);
  });
  it('reads Google News sitemaps, CDATA and entities, and a full 50,000-URL sitemap', () => {
    const news = parseSitemap(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc><![CDATA[https://vnexpress.net/a-4790000.html?x=1&y=2]]></loc><news:news><news:publication_date>2024-07-01T08:45:00+07:00</news:publication_date></news:news></url>
      <url><loc>https://vnexpress.net/b-4790001.html?x=1&amp;y=2</loc></url></urlset>`, 'https://vnexpress.net/');
    expect(news).toEqual([
      { url: 'https://vnexpress.net/a-4790000.html?x=1&y=2', date: '2024-07-01T08:45:00+07:00', kind: 'article' },
      { url: 'https://vnexpress.net/b-4790001.html?x=1&y=2', date: null, kind: 'article' },
    ]);
    const big = `<urlset>${Array.from({ length: 50_000 }, (_, i) => `<url><loc>https://mof.gov.vn/tin/${i}.htm</loc><lastmod>2025-03-01</lastmod></url>`).join('\n')}</urlset>`;
    const all = parseSitemap(big, 'https://mof.gov.vn/');
    expect(all.length).toBe(50_000);
    expect(all[49_999]).toEqual({ url: 'https://mof.gov.vn/tin/49999.htm', date: '2025-03-01T00:00:00+07:00', kind: 'article' });
  });
});
