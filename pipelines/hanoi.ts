/**
 * hanoi.gov.vn, Cổng giao tiếp điện tử thành phố Hà Nội (the city's portal). Articles sit under their
 * category and end in a 16-digit id: "4", the publication time as yymmddhhmmss, then three digits
 * (/tin-so-nganh/…-4250808215021297.htm). Category pages are /<category> without an extension, later pages
 * /<category>/trang-<n>.htm.
 */
import { validateSource } from './source.js';

export default validateSource({
  id: 'hanoi',
  name: 'Cổng giao tiếp điện tử thành phố Hà Nội',
  hosts: ['hanoi.gov.vn', 'www.hanoi.gov.vn'],
  lang: 'vi',
  startUrls: ['https://hanoi.gov.vn/'],
  sitemaps: ['https://hanoi.gov.vn/sitemap.xml'],
  feeds: ['https://hanoi.gov.vn/rss/home.rss'],
  listings: [
    { url: 'https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat', pagination: 'https://hanoi.gov.vn/tin-tuc-su-kien-noi-bat/trang-{page}.htm' },
    { url: 'https://hanoi.gov.vn/chi-dao-cua-ubnd-thanh-pho-ha-noi', pagination: 'https://hanoi.gov.vn/chi-dao-cua-ubnd-thanh-pho-ha-noi/trang-{page}.htm' },
    { url: 'https://hanoi.gov.vn/tin-so-nganh', pagination: 'https://hanoi.gov.vn/tin-so-nganh/trang-{page}.htm' },
  ],
  articleUrlPattern: String.raw`^https://(?:www\.)?hanoi\.gov\.vn/[a-z0-9-]+/[a-z0-9-]+-4\d{15}\.htm$`,
  article: {
    title: 'h1.detail-title, [data-role="title"]',
    date: '.detail-time [data-role="publishdate"], .detail-time',
    author: '.detail-author',
    lead: '.detail-sapo, [data-role="sapo"]',
    body: '.detail-content, [data-role="content"]',
    tags: '.detail-tag a',
    category: '.detail-cate a',
    remove: ['[type="RelatedNewsBox"]', 'figure', 'figcaption', '.PhotoCMS_Caption', '.detail-relate'],
  },
  pacing: { delayMs: 1000, concurrency: 1 },
});
