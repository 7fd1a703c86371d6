/**
 * moit.gov.vn, Cổng Thông tin điện tử Bộ Công Thương (Ministry of Industry and Trade; it kept its name and
 * portfolio in the 2025 reorganization, so no successor). The portal runs on the VHV CMS. News lives under
 * /tin-tuc/: a category is /tin-tuc/<chuyen-muc> (sometimes nested, /tin-tuc/hoat-dong/hoat-dong-cua-lanh-dao-bo),
 * an article /tin-tuc/[<chuyen-muc>/[<chuyen-muc-con>/]]<slug>.html, the slug being the headline without
 * diacritics and no numeric id (…/phat-trien-nang-luong/gioi-thieu-luat-dien-luc-so-61-2024-qh15.html). A slug
 * may hold dots or end in a dash ("…-hon-3.980-mw.html", "…-2026-2030-.html"). Older articles sit directly
 * under /tin-tuc/ with no category, and an article keeps its URL when it is moved to another category.
 *
 * What is known (third-party crawlers and citations of the live site) and what is not:
 * - known: the URL scheme above, the categories hoat-dong (with hoat-dong-cua-lanh-dao-bo and
 *   hoat-dong-cua-cac-don-vi), phat-trien-nang-luong, thi-truong-trong-nuoc, thi-truong-nuoc-ngoai, thong-bao;
 *   listing items as `a.article-title.common-title` with `span.article-date`; article pages carrying
 *   `<meta property="article:published_time">`; the visible date written "Thứ 2, 27/07/2026 | 14:19".
 * - not known, chosen here: the article page's class names (modeled on the VHV template of the listing:
 *   `h1.article-title`, `.article-time`, `.article-brief`, `.article-content`, `.author`), the sitemap path,
 *   the feed path (third-party lists of ministry feeds give https://moit.gov.vn/rss, not confirmed) and the
 *   pagination URL (see notes).
 */
import { validateSource } from './source.js';

export default validateSource({
  id: 'moit',
  name: 'Bộ Công Thương',
  hosts: ['moit.gov.vn', 'www.moit.gov.vn'],
  lang: 'vi',
  startUrls: ['https://moit.gov.vn/', 'https://moit.gov.vn/tin-tuc'],
  // Guess: no sitemap address is known; /sitemap.xml is the convention.
  sitemaps: ['https://moit.gov.vn/sitemap.xml'],
  // Guess: cited in third-party lists, not confirmed.
  feeds: ['https://moit.gov.vn/rss'],
  listings: [
    { url: 'https://moit.gov.vn/tin-tuc/hoat-dong', pagination: 'https://moit.gov.vn/tin-tuc/hoat-dong?page={page}' },
    { url: 'https://moit.gov.vn/tin-tuc/phat-trien-nang-luong', pagination: 'https://moit.gov.vn/tin-tuc/phat-trien-nang-luong?page={page}' },
    { url: 'https://moit.gov.vn/tin-tuc/thi-truong-nuoc-ngoai', pagination: 'https://moit.gov.vn/tin-tuc/thi-truong-nuoc-ngoai?page={page}' },
  ],
  // Up to two category levels before the slug; listings (no .html) and search pages (/tim-kiem.html, /?page=search) do not match.
  articleUrlPattern: String.raw`^https://(?:www\.)?moit\.gov\.vn/tin-tuc/(?:[a-z0-9-]+/){0,2}[a-z0-9][a-z0-9.-]*\.html$`,
  article: {
    title: 'h1.article-title, .article-detail h1',
    date: '.article-detail .article-time, .article-time',
    author: '.article-detail .author',
    lead: '.article-brief',
    body: '.article-content',
    tags: '.article-tags a',
    category: '.breadcrumb li:last-child a',
    remove: ['figure', 'figcaption', '.image-caption', '.article-related', '.article-tools', '.other-news'],
  },
  pacing: { delayMs: 1000, concurrency: 1 },
  notes: 'Listing pages render their first page on the server and load later pages by AJAX (the VHV service '
    + 'Content.Article.selectAll with pageNo and the category id); a third-party crawler reports that ?page=N is '
    + 'answered with the first page, since "page" is the CMS\'s own module parameter (/?page=search&keyword=…). '
    + 'The pagination URLs here are the conventional form (and what the local mirror serves); on the live site '
    + 'older articles are reached through the sitemap and the feed. The same crawler reports that the site drops '
    + 'connections from foreign data-centre addresses. Legal documents have their own section (/van-ban-phap-luat/), '
    + 'not crawled.',
});
