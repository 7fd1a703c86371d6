/**
 * vnexpress.net, Báo điện tử VnExpress: a general newspaper, not a government site. Articles are
 * /<slug>-<7-digit id>.html at the root whatever their section; sections are /<slug> (/thoi-su), their later
 * pages /<slug>-p<n> (/thoi-su-p2). The lead is p.description, the body article.fck_detail in p.Normal
 * paragraphs, and the byline the body's last, right-aligned paragraph.
 */
import { validateSource } from './source.js';

export default validateSource({
  id: 'vnexpress',
  name: 'Báo điện tử VnExpress',
  hosts: ['vnexpress.net'],
  lang: 'vi',
  startUrls: ['https://vnexpress.net/'],
  sitemaps: ['https://vnexpress.net/sitemap.xml'],
  feeds: ['https://vnexpress.net/rss/tin-moi-nhat.rss'],
  listings: [
    { url: 'https://vnexpress.net/thoi-su', pagination: 'https://vnexpress.net/thoi-su-p{page}' },
    { url: 'https://vnexpress.net/kinh-doanh', pagination: 'https://vnexpress.net/kinh-doanh-p{page}' },
    { url: 'https://vnexpress.net/phap-luat', pagination: 'https://vnexpress.net/phap-luat-p{page}' },
  ],
  articleUrlPattern: String.raw`^https://vnexpress\.net/[a-z0-9-]+-\d{7}\.html$`,
  article: {
    title: 'h1.title-detail',
    date: 'span.date',
    author: 'article.fck_detail p.Normal[style*="right"] strong, p.author_mail strong',
    lead: 'p.description',
    body: 'article.fck_detail',
    tags: '.tags .item-tag a',
    category: 'ul.breadcrumb li:first-child a',
    remove: ['figure', 'figcaption', '.tplCaption', 'p.Image', '.box_embed_video', '.box-tinlienquanv2', '.box_brief_info', '.location-stamp'],
  },
  pacing: { delayMs: 1000, concurrency: 1 },
});
