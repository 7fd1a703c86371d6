/**
 * What a source definition says about a site: where to start, what to follow, how to read an article,
 * how fast to go. Definitions are data, validated when loaded; an error names the source and the field.
 */
import { ConfigError } from '../src/errors.js';

export interface ArticleSelectors {
  /** CSS selector of the headline. */
  title: string;
  /** Selector of the visible date line (read when the page has no machine-readable date). */
  date: string;
  /** Selector of the byline. */
  author?: string;
  /** Selector of the lead (sapo). */
  lead?: string;
  /** Selector of the element holding the body paragraphs. */
  body: string;
  tags?: string;
  category?: string;
  /** Selectors left out of the body and the lead when reading them: related boxes, captions, share bars, datelines. */
  remove?: string[];
}

export interface Listing {
  /** First page of a category listing. */
  url: string;
  /** Later pages: the URL with `{page}` for the page number (2, 3, …). */
  pagination?: string;
  /** How many pages to follow at most when no `--since` stops earlier. @default 5 */
  maxPages?: number;
}

export interface SourceDefinition {
  /** Short id used on the command line: `vnpress crawl baochinhphu`. */
  id: string;
  name: string;
  /** Host names the source serves; the first is the main one. */
  hosts: string[];
  lang: 'vi' | 'en';
  /** Home page and other entry points. */
  startUrls: string[];
  sitemaps: string[];
  feeds: string[];
  listings: Listing[];
  /** Regular expression (source text) that an article URL matches. */
  articleUrlPattern: string;
  article: ArticleSelectors;
  pacing: {
    /** Milliseconds between two requests to the same host. @default 1000 (be a good citizen) */
    delayMs: number;
    /** Requests in flight per host. @default 1 */
    concurrency: number;
  };
  /** The site stopped publishing under this name on this date (mpi.gov.vn after the March 2025 merger). */
  until?: string;
  /** Source id that took over. */
  successor?: string;
  notes?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** Checks a definition and returns it typed; throws ConfigError naming the first bad field. */
export function validateSource(def: unknown, origin = 'source'): SourceDefinition {
  const fail = (field: string, why: string): never => {
    throw new ConfigError(`${origin}: field "${field}" ${why}; fix the definition in pipelines/`);
  };
  if (typeof def !== 'object' || def === null) fail('(root)', 'must be an object');
  const d = def as Record<string, unknown>;
  if (!isString(d.id) || !/^[a-z0-9-]+$/.test(d.id)) fail('id', 'must be lowercase letters, digits and dashes');
  const where = `${origin} "${String(d.id)}"`;
  const failIn = (field: string, why: string): never => {
    throw new ConfigError(`${where}: field "${field}" ${why}; fix the definition in pipelines/`);
  };
  if (!isString(d.name)) failIn('name', 'must be a non-empty string');
  if (!isStringArray(d.hosts) || d.hosts.length === 0) failIn('hosts', 'must list at least one host name');
  for (const h of d.hosts as string[]) if (!/^[a-z0-9.-]+$/.test(h)) failIn('hosts', `has an invalid host name "${h}"`);
  if (d.lang !== 'vi' && d.lang !== 'en') failIn('lang', 'must be "vi" or "en"');
  for (const f of ['startUrls', 'sitemaps', 'feeds'] as const) {
    if (!isStringArray(d[f]) && !(Array.isArray(d[f]) && (d[f] as unknown[]).length === 0)) failIn(f, 'must be a list of URLs');
    for (const u of d[f] as string[]) {
      let url: URL;
      try { url = new URL(u); } catch { return failIn(f, `has an invalid URL "${u}"`); }
      if (!(d.hosts as string[]).includes(url.hostname)) failIn(f, `has a URL on another host "${u}"`);
    }
  }
  if (!Array.isArray(d.listings)) failIn('listings', 'must be a list');
  (d.listings as unknown[]).forEach((l, i) => {
    const x = l as Record<string, unknown>;
    if (!isString(x?.url)) failIn(`listings[${i}].url`, 'must be a URL');
    if (x.pagination !== undefined && (!isString(x.pagination) || !x.pagination.includes('{page}'))) failIn(`listings[${i}].pagination`, 'must contain {page}');
  });
  if (!isString(d.articleUrlPattern)) failIn('articleUrlPattern', 'must be a regular expression');
  try { new RegExp(d.articleUrlPattern as string); } catch (e) { failIn('articleUrlPattern', `is not a valid regular expression (${(e as Error).message})`); }
  const a = d.article as Record<string, unknown> | undefined;
  if (typeof a !== 'object' || a === null) failIn('article', 'must give the selectors of the article page');
  for (const f of ['title', 'date', 'body'] as const) if (!isString(a![f])) failIn(`article.${f}`, 'must be a CSS selector');
  if (a!.remove !== undefined && !isStringArray(a!.remove)) failIn('article.remove', 'must be a list of CSS selectors');
  const p = d.pacing as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null) failIn('pacing', 'must give delayMs and concurrency');
  if (typeof p!.delayMs !== 'number' || p!.delayMs < 0) failIn('pacing.delayMs', 'must be a number of milliseconds ≥ 0');
  if (typeof p!.concurrency !== 'number' || p!.concurrency < 1 || !Number.isInteger(p!.concurrency)) failIn('pacing.concurrency', 'must be an integer ≥ 1');
  return d as unknown as SourceDefinition;
}

/** The source whose hosts include the URL's host, if any. */
export function sourceForUrl(sources: readonly SourceDefinition[], url: string): SourceDefinition | undefined {
  let host: string;
  try { host = new URL(url).hostname.toLowerCase(); } catch { return undefined; }
  return sources.find((s) => s.hosts.includes(host));
}
