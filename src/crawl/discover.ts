/**
 * Finding article URLs: sitemaps (index or urlset, gzipped or not), RSS and Atom feeds, and listing pages
 * (links matching the source's article pattern, plus the next page of the listing).
 */
import { load } from 'cheerio/slim';
import { canonicalizeUrl } from './url.js';
import { parseDateTime } from '../text/dates.js';

export interface Discovered {
  url: string;
  /** A date the sitemap, feed or listing gave for the URL (ISO). */
  date: string | null;
  kind: 'article' | 'sitemap' | 'listing';
}

/** Reads a sitemap: an index lists more sitemaps, a urlset lists pages with an optional lastmod. */
export function parseSitemap(xml: string, base: string): Discovered[] {
  const $ = load(xml, { xml: true });
  const out: Discovered[] = [];
  $('sitemapindex > sitemap').each((_, el) => {
    const loc = canonicalizeUrl($(el).find('loc').first().text().trim(), base);
    if (loc) out.push({ url: loc, date: parseDateTime($(el).find('lastmod').first().text()) ?? null, kind: 'sitemap' });
  });
  $('urlset > url').each((_, el) => {
    const loc = canonicalizeUrl($(el).find('loc').first().text().trim(), base);
    const date = $(el).find('lastmod').first().text() || $(el).find('news\\:publication_date').first().text();
    if (loc) out.push({ url: loc, date: date ? parseDateTime(date) : null, kind: 'article' });
  });
  return out;
}

/** Reads an RSS 2.0 or Atom feed. */
export function parseFeed(xml: string, base: string): Discovered[] {
  const $ = load(xml, { xml: true });
  const out: Discovered[] = [];
  $('item').each((_, el) => {
    const link = $(el).find('link').first().text().trim() || $(el).find('guid').first().text().trim();
    const url = canonicalizeUrl(link, base);
    const date = $(el).find('pubDate').first().text();
    if (url) out.push({ url, date: date ? toIso(date) : null, kind: 'article' });
  });
  $('entry').each((_, el) => {
    const href = $(el).find('link[rel="alternate"]').attr('href') ?? $(el).find('link').attr('href') ?? '';
    const url = canonicalizeUrl(href, base);
    const date = $(el).find('published').first().text() || $(el).find('updated').first().text();
    if (url) out.push({ url, date: date ? toIso(date) : null, kind: 'article' });
  });
  return out;
}

/** RFC 822 dates of RSS ("Mon, 08 Aug 2022 11:55:00 +0700") or ISO dates of Atom. */
function toIso(s: string): string | null {
  const iso = parseDateTime(s);
  if (iso && /^\s*\d{4}-/.test(s)) return iso;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/** Links on a listing or home page: articles matching the pattern, with a date shown beside them if any. */
export function parseListing(html: string, base: string, articlePattern: RegExp): Discovered[] {
  const $ = load(html);
  const out = new Map<string, Discovered>();
  $('a[href]').each((_, el) => {
    const url = canonicalizeUrl($(el).attr('href')!, base);
    if (!url || !articlePattern.test(url) || out.has(url)) return;
    const item = $(el).closest('li, article, .item, .story, tr, .box-stream-item');
    const dateText = item.find('time, [class*="time"], [class*="date"]').first().attr('datetime') ?? item.find('time, [class*="time"], [class*="date"]').first().text();
    out.set(url, { url, date: dateText ? parseDateTime(dateText) : null, kind: 'article' });
  });
  return [...out.values()];
}
