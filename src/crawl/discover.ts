/**
 * Finding article URLs: sitemaps (index or urlset, gzipped or not) and RSS and Atom feeds, read as streams
 * of elements, and listing pages (links matching the source's article pattern, with the date shown beside
 * them).
 */
import { load } from 'cheerio/slim';
import { Parser } from 'htmlparser2';
import { canonicalizeUrl } from './url.js';
import { parseDateTime } from '../text/dates.js';

export interface Discovered {
  url: string;
  /** A date the sitemap, feed or listing gave for the URL (ISO). */
  date: string | null;
  kind: 'article' | 'sitemap' | 'listing';
}

/**
 * Reads an XML document as a stream of elements, handing `onElement` each element named in `wanted` with the
 * text of its children (by local name, namespace prefixes dropped) once it closes. No tree is built: a
 * sitemap of 50,000 URLs (the most the protocol allows) is read in the memory of its text and its results.
 */
function readXmlRecords(xml: string, wanted: ReadonlySet<string>, onElement: (name: string, fields: Map<string, string>, attrs: Record<string, string>[]) => void): void {
  let record: { name: string; fields: Map<string, string>; links: Record<string, string>[] } | null = null;
  let field: string | null = null;
  let text = '';
  const local = (name: string) => name.slice(name.indexOf(':') + 1).toLowerCase();
  const parser = new Parser({
    onopentag(name, attrs) {
      const n = local(name);
      if (wanted.has(n) && !record) record = { name: n, fields: new Map(), links: [] };
      else if (record) {
        // Atom's <link href="…"/> carries its value in attributes.
        if (n === 'link' && attrs.href) record.links.push(attrs);
        field = n;
        text = '';
      }
    },
    ontext(t) {
      if (field) text += t;
    },
    onclosetag(name) {
      const n = local(name);
      if (record && n === record.name) {
        onElement(record.name, record.fields, record.links);
        record = null;
      } else if (record && field === n) {
        if (!record.fields.has(n)) record.fields.set(n, text.trim());
        field = null;
      }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
}

const SITEMAP_ELEMENTS = new Set(['sitemap', 'url']);

/** Reads a sitemap: an index lists more sitemaps, a urlset lists pages with an optional lastmod. */
export function parseSitemap(xml: string, base: string): Discovered[] {
  const out: Discovered[] = [];
  readXmlRecords(xml, SITEMAP_ELEMENTS, (name, f) => {
    const loc = canonicalizeUrl(f.get('loc') ?? '', base);
    if (!loc) return;
    // Google News sitemaps give the publication date apart from lastmod.
    const date = f.get('lastmod') || f.get('publication_date');
    out.push({ url: loc, date: date ? parseDateTime(date) ?? null : null, kind: name === 'sitemap' ? 'sitemap' : 'article' });
  });
  return out;
}

const FEED_ELEMENTS = new Set(['item', 'entry']);

/** Reads an RSS 2.0 or Atom feed. */
export function parseFeed(xml: string, base: string): Discovered[] {
  const out: Discovered[] = [];
  readXmlRecords(xml, FEED_ELEMENTS, (name, f, links) => {
    let href: string;
    let date: string | undefined;
    if (name === 'item') {
      href = f.get('link') || f.get('guid') || '';
      date = f.get('pubdate') || f.get('date');
    } else {
      href = (links.find((l) => l.rel === 'alternate') ?? links.find((l) => !l.rel) ?? links[0])?.href ?? '';
      date = f.get('published') || f.get('updated');
    }
    const url = canonicalizeUrl(href, base);
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
