/**
 * mst.gov.vn, Cổng Thông tin điện tử Bộ Khoa học và Công nghệ: the Ministry formed on 1 March 2025 by merging
 * Bộ Khoa học và Công nghệ and Bộ Thông tin và Truyền thông (Nghị quyết 176/2025/QH15), on the former
 * mic.gov.vn portal. Article URLs end in "-197", the publication time as yymmddhhmmss and two or three digits
 * (…-197250107160615446.htm); category pages are /<slug>.htm, later pages /<slug>/trang-<n>.htm.
 */
import { validateSource } from './source.js';
import { DETAIL_CMS } from './detail-cms.js';

export default validateSource({
  id: 'mst',
  name: 'Bộ Khoa học và Công nghệ',
  hosts: ['mst.gov.vn', 'www.mst.gov.vn'],
  lang: 'vi',
  startUrls: ['https://mst.gov.vn/'],
  sitemaps: ['https://mst.gov.vn/sitemap.xml'],
  feeds: ['https://mst.gov.vn/rss/home.rss'],
  listings: [
    { url: 'https://mst.gov.vn/tin-tuc-su-kien.htm', pagination: 'https://mst.gov.vn/tin-tuc-su-kien/trang-{page}.htm' },
    { url: 'https://mst.gov.vn/khoa-hoc-va-cong-nghe.htm', pagination: 'https://mst.gov.vn/khoa-hoc-va-cong-nghe/trang-{page}.htm' },
    { url: 'https://mst.gov.vn/chuyen-doi-so.htm', pagination: 'https://mst.gov.vn/chuyen-doi-so/trang-{page}.htm' },
  ],
  articleUrlPattern: String.raw`^https://(?:www\.)?mst\.gov\.vn/[a-z0-9-]+-197\d{6,15}\.htm$`,
  article: { ...DETAIL_CMS, body: '.detail-content.afcbc-body, [data-role="content"]' },
  pacing: { delayMs: 1000, concurrency: 1 },
});
