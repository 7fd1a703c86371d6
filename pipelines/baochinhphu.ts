/**
 * baochinhphu.vn, Báo điện tử Chính phủ (the Government's newspaper). Article URLs end in an 18-digit id:
 * "102", then the publication time as yymmddhhmmss, then three digits
 * (…-102220808115523486.htm). Category pages are /<slug>.htm, later pages /<slug>/trang-<n>.htm.
 */
import { validateSource } from './source.js';
import { DETAIL_CMS } from './detail-cms.js';

export default validateSource({
  id: 'baochinhphu',
  name: 'Báo điện tử Chính phủ',
  hosts: ['baochinhphu.vn'],
  lang: 'vi',
  startUrls: ['https://baochinhphu.vn/'],
  sitemaps: ['https://baochinhphu.vn/sitemap.xml'],
  feeds: ['https://baochinhphu.vn/rss/home.rss'],
  listings: [
    { url: 'https://baochinhphu.vn/thoi-su.htm', pagination: 'https://baochinhphu.vn/thoi-su/trang-{page}.htm' },
    { url: 'https://baochinhphu.vn/kinh-te.htm', pagination: 'https://baochinhphu.vn/kinh-te/trang-{page}.htm' },
    { url: 'https://baochinhphu.vn/chinh-sach-moi.htm', pagination: 'https://baochinhphu.vn/chinh-sach-moi/trang-{page}.htm' },
  ],
  articleUrlPattern: String.raw`^https://baochinhphu\.vn/[a-z0-9-]+-102\d{15}\.htm$`,
  article: DETAIL_CMS,
  pacing: { delayMs: 1000, concurrency: 1 },
});
