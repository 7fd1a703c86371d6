/**
 * mic.gov.vn, Cổng Thông tin điện tử Bộ Thông tin và Truyền thông. Article URLs end in "-197" and an id: the
 * portal's current articles carry "197", the publication time as yymmddhhmmss and three digits
 * (…-197241227124622733.htm); articles carried over from the earlier SharePoint portal keep their old
 * six-digit number after "197" (…-197159635.htm). Category pages are /<slug>.htm, later pages
 * /<slug>/trang-<n>.htm. The Ministry merged into Bộ Khoa học và Công nghệ on 1 March 2025 (Nghị quyết
 * 176/2025/QH15); its news continues on mst.gov.vn.
 */
import { validateSource } from './source.js';
import { DETAIL_CMS } from './detail-cms.js';

export default validateSource({
  id: 'mic',
  name: 'Bộ Thông tin và Truyền thông',
  hosts: ['mic.gov.vn', 'www.mic.gov.vn'],
  lang: 'vi',
  startUrls: ['https://mic.gov.vn/'],
  sitemaps: ['https://mic.gov.vn/sitemap.xml'],
  feeds: ['https://mic.gov.vn/rss/home.rss'],
  listings: [
    { url: 'https://mic.gov.vn/tin-tuc-su-kien.htm', pagination: 'https://mic.gov.vn/tin-tuc-su-kien/trang-{page}.htm' },
    { url: 'https://mic.gov.vn/chuyen-doi-so.htm', pagination: 'https://mic.gov.vn/chuyen-doi-so/trang-{page}.htm' },
    { url: 'https://mic.gov.vn/vien-thong.htm', pagination: 'https://mic.gov.vn/vien-thong/trang-{page}.htm' },
  ],
  articleUrlPattern: String.raw`^https://(?:www\.)?mic\.gov\.vn/[a-z0-9-]+-197\d{6,15}\.htm$`,
  article: DETAIL_CMS,
  pacing: { delayMs: 1000, concurrency: 1 },
  until: '2025-02-28',
  successor: 'mst',
});
