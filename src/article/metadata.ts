/**
 * Page metadata in order of trust: JSON-LD NewsArticle, OpenGraph and article:* meta, <time>, then the
 * visible byline (read by the caller through the site profile), then a date embedded in the URL. Dates are
 * never taken from related-article lists, comments or scripts other than JSON-LD.
 */
import { attrOf, textOf } from './dom-text.js';
import type { PageIndex } from './select.js';
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

function jsonLdArticle(page: PageIndex): JsonLdArticle | null {
  for (const el of page.all('script[type="application/ld+json"]')) {
    let data: unknown;
    try { data = JSON.parse(textOf(el)); } catch { continue; }
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

/**
 * The page's meta tags by key ("property=og:title", "name=description", "itemprop=datePublished"), the first
 * of each, read in one pass: a selector query per key walked the whole page a dozen times.
 */
function metaTags(page: PageIndex): (key: string) => string | null {
  const byKey = new Map<string, string | undefined>();
  for (const el of page.all('meta')) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = el.attribs[attr];
      if (value === undefined) continue;
      const key = `${attr}=${value}`;
      if (!byKey.has(key)) byKey.set(key, attrOf(el, 'content'));
    }
  }
  return (key) => {
    const v = byKey.get(key);
    return v ? tidy(v) : null;
  };
}

/** An attribute of the first element the selector matches, normalized. */
function attrOfFirst(page: PageIndex, selector: string, name: string): string | undefined {
  const el = page.first(selector);
  return el ? attrOf(el, name) : undefined;
}

export function readMeta(page: PageIndex): PageMeta {
  const ld = jsonLdArticle(page);
  const tag = metaTags(page);
  const published = ld?.datePublished ?? tag('property=article:published_time') ?? tag('itemprop=datePublished')
    ?? tag('name=pubdate') ?? tag('name=publishdate') ?? tag('name=article:published_time')
    ?? attrOfFirst(page, 'article time[datetime], time[itemprop="datePublished"]', 'datetime') ?? null;
  const updated = ld?.dateModified ?? tag('property=article:modified_time') ?? tag('itemprop=dateModified') ?? null;
  const siteName = tag('property=og:site_name');
  const publisherNames = [siteName, tag('name=copyright'), tag('name=application-name'), tag('name=apple-mobile-web-app-title')]
    .filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
  let authors = authorNames(ld?.author);
  if (!authors.length) {
    const a = tag('name=author') ?? tag('property=article:author');
    // Many sites put their own name in meta author ("Dân Trí"): that is the publisher, not an author.
    const isPublisher = (x: string) => publisherNames.some((n) => n.includes(x.toLowerCase()) || x.toLowerCase().includes(n));
    if (a && !isPublisher(a) && !/^https?:/.test(a) && a.split(/\s+/).length <= 6) authors = [a];
  }
  const keywords = ld?.keywords ?? tag('name=keywords') ?? tag('name=news_keywords');
  const tags = (Array.isArray(keywords) ? keywords : (keywords ?? '').split(',')).map((t) => tidy(t)).filter(Boolean);
  return {
    title: ld?.headline ? tidy(ld.headline) : tag('property=og:title'),
    publishedAt: published ? parseDateTime(published) : null,
    updatedAt: updated ? parseDateTime(updated) : null,
    authors,
    description: tag('property=og:description') ?? tag('name=description'),
    canonicalUrl: attrOfFirst(page, 'link[rel="canonical"]', 'href') ?? tag('property=og:url'),
    section: ld?.articleSection ?? tag('property=article:section'),
    tags,
    lang: page.first('html')?.attribs.lang?.slice(0, 2).toLowerCase() ?? null,
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
