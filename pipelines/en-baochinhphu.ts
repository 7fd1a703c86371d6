/**
 * en.baochinhphu.vn, the English edition of Báo điện tử Chính phủ (VGP News, Viet Nam Government Portal), on
 * the same CMS as baochinhphu.vn. Article URLs end in "-111" and an id: current articles carry "111", the
 * publication time as yymmddhhmmss and three digits (…-111230418090045622.htm), some 17-digit ids are seen
 * too, and articles carried over from the earlier portal keep a short number after "111"
 * (…-11110061.htm). Category pages are /<slug>.htm (/politics.htm, /economy.htm, /policies.htm); later
 * pages are taken to follow the Vietnamese edition's /<slug>/trang-<n>.htm. Tag pages are /<tag>.html and are
 * not followed. The lead opens with a "VGP - " dateline; the visible date reads "April 24, 2024 4:42 PM
 * GMT+7", so the date comes from `article:published_time`. The sitemap and RSS paths are the Vietnamese
 * edition's, assumed for this one.
 */
import { validateSource } from './source.js';
import { DETAIL_CMS } from './detail-cms.js';

export default validateSource({
  id: 'en-baochinhphu',
  name: 'Vietnam Government Portal / VGP News',
  hosts: ['en.baochinhphu.vn'],
  lang: 'en',
  startUrls: ['https://en.baochinhphu.vn/'],
  sitemaps: ['https://en.baochinhphu.vn/sitemap.xml'],
  feeds: ['https://en.baochinhphu.vn/rss/home.rss'],
  listings: [
    { url: 'https://en.baochinhphu.vn/politics.htm', pagination: 'https://en.baochinhphu.vn/politics/trang-{page}.htm' },
    { url: 'https://en.baochinhphu.vn/economy.htm', pagination: 'https://en.baochinhphu.vn/economy/trang-{page}.htm' },
    { url: 'https://en.baochinhphu.vn/policies.htm', pagination: 'https://en.baochinhphu.vn/policies/trang-{page}.htm' },
  ],
  articleUrlPattern: String.raw`^https://en\.baochinhphu\.vn/[a-z0-9-]+-111\d{5,15}\.htm$`,
  // The English edition names its authors at the top of the article.
  article: { ...DETAIL_CMS, author: '.detail-author-top-name, .detail-author .author, .detail-author' },
  pacing: { delayMs: 1000, concurrency: 1 },
});
