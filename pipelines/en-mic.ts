/**
 * english.mic.gov.vn, the English portal of the Ministry of Information and Communications, on the same CMS
 * family as mic.gov.vn. Article URLs end in "-197" and an id: current articles carry "197", the publication
 * time as yymmddhhmmss and three digits (…-197241205080947425.htm); pages carried over from the earlier
 * SharePoint portal (/Pages/TinTuc/….aspx) keep a six-digit number after "197" (…-197114238.htm). News is
 * listed under /news-gallery/news-and-press-release.htm; later pages are taken to follow mic.gov.vn's
 * /<listing>/trang-<n>.htm. The Ministry merged into the Ministry of Science and Technology on 1 March 2025
 * (Nghị quyết 176/2025/QH15); its news continues, in Vietnamese, on mst.gov.vn.
 */
import { validateSource } from './source.js';
import { DETAIL_CMS } from './detail-cms.js';

export default validateSource({
  id: 'en-mic',
  name: 'Ministry of Information and Communications (English portal)',
  hosts: ['english.mic.gov.vn'],
  lang: 'en',
  startUrls: ['https://english.mic.gov.vn/'],
  sitemaps: ['https://english.mic.gov.vn/sitemap.xml'],
  feeds: ['https://english.mic.gov.vn/rss/home.rss'],
  listings: [
    {
      url: 'https://english.mic.gov.vn/news-gallery/news-and-press-release.htm',
      pagination: 'https://english.mic.gov.vn/news-gallery/news-and-press-release/trang-{page}.htm',
    },
  ],
  articleUrlPattern: String.raw`^https://english\.mic\.gov\.vn/[a-z0-9-]+-197\d{6,15}\.htm$`,
  article: DETAIL_CMS,
  pacing: { delayMs: 1000, concurrency: 1 },
  until: '2025-02-28',
  successor: 'mst',
});
