/**
 * Page metadata in order of trust: JSON-LD NewsArticle, OpenGraph and article:* meta, <time>, then the
 * visible byline (read by the caller through the site profile), then a date embedded in the URL. Dates are
 * never taken from related-article lists, comments or scripts other than JSON-LD.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { parseDateTime } from '../text/dates.js';
import { tidy } from '../text/normalize.js';

export interface PageMeta {
  title: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  authors: string[];
  description: string | null;
  canonicalUrl: string | null;
  section: string | null;
  tags: string[];
  lang: string | null;
  siteName: string | null;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  author?: unknown;
  articleSection?: string;
  keywords?: string | string[];
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/;

function jsonLdArticle($: CheerioAPI): JsonLdArticle | null {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try { data = JSON.parse($(el).text()); } catch { continue; }
    const items: unknown[] = Array.isArray(data) ? data : [data];
    for (const item of items.flatMap((x) => (x && typeof x === 'object' && '@graph' in x ? (x as { '@graph': unknown[] })['@graph'] : [x]))) {
      if (!item || typeof item !== 'object') continue;
      const type = (item as { '@type'?: unknown })['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && (item as JsonLdArticle).headline) return item as JsonLdArticle;
    }
  }
  return null;
}

function authorNames(author: unknown): string[] {
  const list = Array.isArray(author) ? author : author ? [author] : [];
  return list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : ''))
    .map((s) => tidy(s))
    .filter(Boolean);
}

const meta = ($: CheerioAPI, selector: string): string | null => {
  const v = $(selector).first().attr('content');
  return v ? tidy(v) : null;
};

export function readMeta($: CheerioAPI): PageMeta {
  const ld = jsonLdArticle($);
  const published = ld?.datePublished ?? meta($, 'meta[property="article:published_time"]') ?? meta($, 'meta[itemprop="datePublished"]')
    ?? meta($, 'meta[name="pubdate"]') ?? meta($, 'meta[name="publishdate"]') ?? meta($, 'meta[name="article:published_time"]')
    ?? $('article time[datetime], time[itemprop="datePublished"]').first().attr('datetime') ?? null;
  const updated = ld?.dateModified ?? meta($, 'meta[property="article:modified_time"]') ?? meta($, 'meta[itemprop="dateModified"]') ?? null;
  const siteName = meta($, 'meta[property="og:site_name"]');
  const publisherNames = [siteName, meta($, 'meta[name="copyright"]'), meta($, 'meta[name="application-name"]'), meta($, 'meta[name="apple-mobile-web-app-title"]')]
    .filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
  let authors = authorNames(ld?.author);
  if (!authors.length) {
    const a = meta($, 'meta[name="author"]') ?? meta($, 'meta[property="article:author"]');
    // Many sites put their own name in meta author ("Dân Trí"): that is the publisher, not an author.
    const isPublisher = (x: string) => publisherNames.some((n) => n.includes(x.toLowerCase()) || x.toLowerCase().includes(n));
    if (a && !isPublisher(a) && !/^https?:/.test(a) && a.split(/\s+/).length <= 6) authors = [a];
  }
  const keywords = ld?.keywords ?? meta($, 'meta[name="keywords"]') ?? meta($, 'meta[name="news_keywords"]');
  const tags = (Array.isArray(keywords) ? keywords : (keywords ?? '').split(',')).map((t) => tidy(t)).filter(Boolean);
  return {
    title: ld?.headline ? tidy(ld.headline) : meta($, 'meta[property="og:title"]'),
    publishedAt: published ? parseDateTime(published) : null,
    updatedAt: updated ? parseDateTime(updated) : null,
    authors,
    description: meta($, 'meta[property="og:description"]') ?? meta($, 'meta[name="description"]'),
    canonicalUrl: $('link[rel="canonical"]').attr('href') ?? meta($, 'meta[property="og:url"]'),
    section: ld?.articleSection ?? meta($, 'meta[property="article:section"]'),
    tags,
    lang: $('html').attr('lang')?.slice(0, 2).toLowerCase() ?? null,
    siteName,
  };
}

/**
 * A publication time embedded in a URL, last resort only: an 18-digit id "1xx" + yymmddhhmmss + 3 digits
 * (baochinhphu.vn, chinhphu.vn: …-102220808115523486.htm), a 17-digit yyyymmddhhmmss + milliseconds
 * (dantri.com.vn: …-20221224012650880.htm), or /yyyy/mm/dd/ in the path.
 */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const id = /-(\d{14,18})\.html?(?:$|[?#])/.exec(url)?.[1];
  if (id) {
    const stamp = id.length === 18 && id.startsWith('1') ? `20${id.slice(3, 15)}` : id.startsWith('20') ? id.slice(0, 14) : null;
    if (stamp) {
      const [y, mo, d, h, mi, sec] = [stamp.slice(0, 4), stamp.slice(4, 6), stamp.slice(6, 8), stamp.slice(8, 10), stamp.slice(10, 12), stamp.slice(12, 14)];
      if (+h < 24 && +mi < 60 && +sec < 60) {
        const iso = parseDateTime(`${y}-${mo}-${d}T${h}:${mi}:${sec}+07:00`);
        if (iso) return iso;
      }
    }
  }
  const path = /\/(20\d{2})\/(\d{2})\/(\d{2})\//.exec(url);
  return path ? parseDateTime(`${path[1]}-${path[2]}-${path[3]}`) : null;
}
