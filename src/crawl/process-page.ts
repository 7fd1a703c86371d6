/**
 * What a fetched page leads to, written together: the page itself (raw bytes, compressed), the URLs a
 * sitemap, feed or listing gives (with the listing's next page, down to --since), or the article and its
 * facts, and the frontier's record that the URL is done. They commit together (with other pages' writes, in
 * a group commit), so a crawl killed before the commit fetches the URL again and one killed after finds it
 * done. Extraction and compression happen before, so the database is never held while a page is read.
 */
import type { Db } from '../store/db.js';
import type { SourceDefinition } from '../../pipelines/source.js';
import type { Article, Facts } from '../types.js';
import type { Frontier, FrontierEntry, EnqueueItem } from './frontier.js';
import type { FetchResult } from './fetcher.js';
import { parseFeed, parseListing, parseSitemap, type Discovered } from './discover.js';
import { PageStore, packRaw, sha256Bytes } from '../store/pages.js';
import { WriteBatch } from '../store/write-batch.js';
import { ArticleStore } from '../store/articles.js';
import { extractArticle } from '../article/extract.js';
import { extractFacts } from '../facts/index.js';
import { NotAnArticleError } from '../errors.js';
import { canonicalizeUrl } from './url.js';

export interface Processed {
  notModified: boolean;
  /** Fetched again with the same bytes as stored: nothing was read from it. */
  unchanged: boolean;
  /** URLs new to the frontier. */
  added: { url: string; host: string }[];
  article: { title: string | null; changed: boolean; facts: number } | null;
  /** Why an article URL held no article ("not an article: … is a listing"), when it did not. */
  notArticle: string | null;
  warnings: string[];
}

/** An article read from a page, with its facts: ready to store. */
export interface ReadArticle {
  article: Article;
  facts: Facts;
}

/** Reads the article of a page and its facts; a page that holds no article throws NotAnArticleError. */
export function readArticle(body: string, url: string, source: SourceDefinition | null): ReadArticle {
  const article = extractArticle(body, { url, source });
  const facts = extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title, lang: article.lang });
  return { article, facts };
}

export const factCount = (f: Facts) => f.legalRefs.length + f.officials.length + f.meetings.length + f.claims.length;

export class PageProcessor {
  readonly pages: PageStore;
  readonly articles: ArticleStore;
  private readonly bySource: Map<string, SourceDefinition>;
  private readonly patterns: Map<string, RegExp>;
  private readonly articleRead;
  private readonly batch: WriteBatch;

  constructor(
    db: Db,
    private readonly frontier: Frontier,
    sources: readonly SourceDefinition[],
    private readonly opts: { since: string | null; extract: boolean },
  ) {
    this.pages = new PageStore(db);
    this.articles = new ArticleStore(db);
    this.bySource = new Map(sources.map((s) => [s.id, s]));
    this.patterns = new Map(sources.map((s) => [s.id, new RegExp(s.articleUrlPattern)]));
    // Read before: an article was made, or the page was found to hold none.
    this.articleRead = db.prepare('SELECT 1 FROM articles WHERE url = @url UNION ALL SELECT 1 FROM pages WHERE url = @url AND page_kind IS NOT NULL');
    // Pages wait up to 10 ms for others to share their commit: the crawl goes on meanwhile (the request slot
    // is given back before the store), and a commit of twenty pages costs less than half of twenty commits.
    this.batch = new WriteBatch(db, 10);
  }

  async process(entry: FrontierEntry, res: FetchResult): Promise<Processed> {
    const out: Processed = { notModified: res.notModified, unchanged: false, added: [], article: null, notArticle: null, warnings: [] };
    const source = entry.sourceId ? this.bySource.get(entry.sourceId) ?? null : null;
    // Work that needs no database: what the page lists, or its article.
    let found: EnqueueItem[] = [];
    let read: ReadArticle | null = null;
    let notArticle: NotAnArticleError | null = null;
    // A body the same as the stored one (by hash) has nothing new to give: no parsing, no extraction, unless
    // its article was never read (a --fetch-only crawl).
    const hash = res.notModified ? null : sha256Bytes(res.raw);
    out.unchanged = hash !== null && this.pages.hasBody(entry.url, hash)
      && (entry.kind !== 'article' || !this.opts.extract || this.articleRead.get({ url: entry.url }) !== undefined);
    if (!res.notModified && !out.unchanged) {
      if (entry.kind === 'article') {
        if (this.opts.extract) {
          try {
            read = readArticle(res.body, entry.url, source);
          } catch (e) {
            if (!(e instanceof NotAnArticleError)) throw e;
            notArticle = e;
          }
        }
      } else {
        found = this.discovered(entry, res);
      }
    }
    // Unchanged bytes are not compressed again: the stored copy is the same.
    const packed = hash === null || out.unchanged ? null : await packRaw(res.raw, hash);
    await this.batch.run(() => {
      if (!packed) {
        this.pages.seen(entry.url, res.fetchedAt, res.headers);
      } else {
        const saved = this.pages.save({ ...res, source: entry.sourceId ?? undefined }, packed);
        out.added = this.frontier.add(found);
        if (notArticle) {
          // A listing or error page at an article URL: kept as what it is, not retried, no article made.
          this.pages.markNotArticle(entry.url, notArticle.kind);
          out.notArticle = notArticle.message;
        } else if (read) {
          // Read only when the bytes changed or the article was never made (see `unchanged` above).
          const r = this.articles.save({ ...read.article, url: entry.url }, read.facts, saved.id);
          out.article = { title: read.article.title, changed: r.changed, facts: factCount(read.facts) };
          out.warnings = read.article.warnings;
        }
      }
      this.frontier.complete(entry.url, res.status);
    });
    return out;
  }

  /** The URLs a sitemap, feed, home page or listing gives, filtered to the source and to --since. */
  private discovered(entry: FrontierEntry, res: FetchResult): EnqueueItem[] {
    const pattern = entry.sourceId ? this.patterns.get(entry.sourceId) : undefined;
    let found: Discovered[];
    if (entry.kind === 'sitemap') found = parseSitemap(res.body, res.finalUrl);
    else if (entry.kind === 'feed') found = parseFeed(res.body, res.finalUrl);
    else {
      found = pattern ? parseListing(res.body, res.finalUrl, pattern) : [];
      if (entry.kind === 'listing') {
        const next = this.nextListingPage(entry, found, res.body);
        if (next) found = [...found, { url: next, date: null, kind: 'listing' }];
      }
    }
    return this.filter(entry, found);
  }

  private filter(entry: FrontierEntry, found: readonly Discovered[]): EnqueueItem[] {
    const source = entry.sourceId ? this.bySource.get(entry.sourceId) : undefined;
    const pattern = entry.sourceId ? this.patterns.get(entry.sourceId) : undefined;
    const since = this.opts.since;
    const items: EnqueueItem[] = [];
    for (const f of found) {
      // A sitemap last changed before --since lists nothing newer; an article dated before it is not wanted.
      if (since && f.date && f.date.slice(0, 10) < since && f.kind !== 'listing') continue;
      if (f.kind === 'article') {
        if (pattern && !pattern.test(f.url)) continue;
        items.push({ url: f.url, sourceId: entry.sourceId, kind: 'article', priority: 5, hintDate: f.date, from: entry.url });
      } else {
        if (source && !source.hosts.includes(new URL(f.url).hostname)) continue;
        items.push({ url: f.url, sourceId: entry.sourceId, kind: f.kind, priority: 15, hintDate: f.date, from: entry.url });
      }
    }
    return items;
  }

  /** The next page of a listing, when this URL is page n of one of the source's listings. */
  private nextListingPage(entry: FrontierEntry, found: readonly Discovered[], body: string): string | null {
    const source = entry.sourceId ? this.bySource.get(entry.sourceId) : undefined;
    if (!source) return null;
    const since = this.opts.since;
    for (const l of source.listings) {
      if (!l.pagination) continue;
      let page: number | null = null;
      if (canonicalizeUrl(l.url) === entry.url) page = 1;
      else {
        const re = new RegExp(`^${l.pagination.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{page\\}', '(\\d+)')}$`);
        const m = re.exec(entry.url) ?? re.exec(decodeURI(entry.url));
        if (m) page = Number(m[1]);
      }
      if (page === null) continue;
      if (page >= (l.maxPages ?? 5) || found.length === 0) return null;
      // Listings run newest first: once a whole page is older than --since, stop paging.
      if (since && found.every((f) => f.date !== null && f.date.slice(0, 10) < since)) return null;
      const next = l.pagination.replace('{page}', String(page + 1));
      // Follow the next page when the listing links to it, or when the page is full (sites that load
      // more with script have no link); a short page without a link is the last one.
      const nextPath = new URL(next).pathname + new URL(next).search;
      const linked = body.includes(nextPath) || body.includes(nextPath.replace(/&/g, '&amp;'));
      return linked || found.length >= 10 ? next : null;
    }
    return null;
  }
}
