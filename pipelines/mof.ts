/**
 * mof.gov.vn, Cổng Thông tin điện tử Bộ Tài chính; since 1 March 2025 also the news of the former Bộ Kế hoạch
 * và Đầu tư (mpi.gov.vn), which merged into it. Pages live under /bo-tai-chinh/: a category is
 * /bo-tai-chinh/<category> (later pages ?page=<n>), an article /bo-tai-chinh/<category>/<slug>, the slug
 * being the headline without diacritics and no numeric id
 * (/bo-tai-chinh/thong-bao-chi-dao-dieu-hanh/bo-tai-chinh-thong-bao-ve-viec-…).
 */
import { validateSource } from './source.js';

export default validateSource({
  id: 'mof',
  name: 'Bộ Tài chính',
  hosts: ['mof.gov.vn', 'www.mof.gov.vn'],
  lang: 'vi',
  startUrls: ['https://mof.gov.vn/'],
  sitemaps: ['https://mof.gov.vn/sitemap.xml'],
  feeds: ['https://mof.gov.vn/rss/tin-tuc-tai-chinh.rss'],
  listings: [
    { url: 'https://mof.gov.vn/bo-tai-chinh/tin-tuc-tai-chinh', pagination: 'https://mof.gov.vn/bo-tai-chinh/tin-tuc-tai-chinh?page={page}' },
    { url: 'https://mof.gov.vn/bo-tai-chinh/hoat-dong-cua-bo', pagination: 'https://mof.gov.vn/bo-tai-chinh/hoat-dong-cua-bo?page={page}' },
    { url: 'https://mof.gov.vn/bo-tai-chinh/thong-bao-chi-dao-dieu-hanh', pagination: 'https://mof.gov.vn/bo-tai-chinh/thong-bao-chi-dao-dieu-hanh?page={page}' },
  ],
  articleUrlPattern: String.raw`^https://(?:www\.)?mof\.gov\.vn/bo-tai-chinh/[a-z0-9-]+/[a-z0-9-]+$`,
  article: {
    title: 'h1.news-detail__title',
    date: '.news-detail__meta .news-detail__date',
    author: '.news-detail__author',
    lead: '.news-detail__summary',
    body: '.news-detail__content',
    tags: '.news-detail__tags a',
    category: '.breadcrumb li:last-child a',
    remove: ['figure', 'figcaption', '.image-caption', '.news-related', '.news-detail__share'],
  },
  pacing: { delayMs: 1000, concurrency: 1 },
});
