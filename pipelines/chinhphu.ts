/**
 * chinhphu.vn, Cổng Thông tin điện tử Chính phủ (the Government portal). Article URLs end in an 18-digit id
 * that starts with "103" followed by the publication time (yymmddhhmmss) and three digits.
 */
import { validateSource } from './source.js';

export default validateSource({
  id: 'chinhphu',
  name: 'Cổng Thông tin điện tử Chính phủ',
  hosts: ['chinhphu.vn'],
  lang: 'vi',
  startUrls: ['https://chinhphu.vn/'],
  sitemaps: ['https://chinhphu.vn/sitemap.xml'],
  feeds: ['https://chinhphu.vn/rss/tin-moi.rss'],
  listings: [
    { url: 'https://chinhphu.vn/chi-dao-dieu-hanh.htm', pagination: 'https://chinhphu.vn/chi-dao-dieu-hanh/trang-{page}.htm' },
    { url: 'https://chinhphu.vn/van-ban-moi.htm', pagination: 'https://chinhphu.vn/van-ban-moi/trang-{page}.htm' },
    { url: 'https://chinhphu.vn/hoat-dong-bo-nganh.htm', pagination: 'https://chinhphu.vn/hoat-dong-bo-nganh/trang-{page}.htm' },
  ],
  articleUrlPattern: String.raw`^https://chinhphu\.vn/[a-z0-9-]+-103\d{15}\.htm$`,
  article: {
    title: 'h1.article__title',
    date: '.article__meta .article__date',
    author: '.article__author',
    lead: '.article__sapo',
    body: '.article__body',
    tags: '.article__tags a',
    category: '.breadcrumbs li:last-child a',
    remove: ['table.image-caption', '.caption', '.article__related', 'figure'],
  },
  pacing: { delayMs: 1000, concurrency: 1 },
});
