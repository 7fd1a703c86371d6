/**
 * Re-reading the archive without the network: every stored article page is decoded again from its raw bytes
 * and run through article and fact extraction, so a better extractor (or a fixed site profile) updates the
 * whole database. Articles whose text and facts come out the same are left untouched.
 */
import type { Db } from '../store/db.js';
import { PageStore } from '../store/pages.js';
import { ArticleStore } from '../store/articles.js';
import { decodeBody } from '../article/decode.js';
import { NotAnArticleError, describeError } from '../errors.js';
import { sourceForUrl, type SourceDefinition } from '../../pipelines/source.js';
import { factCount, readArticle } from './process-page.js';

export interface ReextractStats {
  pages: number;
  articles: number;
  changed: number;
  notArticles: number;
  failed: number;
  facts: number;
  /** Pages that failed, by error message (the first few). */
  failures: { url: string; error: string }[];
}

export type ReextractEvent =
  | { type: 'article'; url: string; title: string | null; changed: boolean; facts: number }
  | { type: 'failed'; url: string; error: string }
  | { type: 'progress'; done: number; total: number };

export function reextract(
  db: Db,
  sources: readonly SourceDefinition[],
  options: { source?: string | null; onEvent?: (e: ReextractEvent) => void } = {},
): ReextractStats {
  const pages = new PageStore(db);
  const articles = new ArticleStore(db);
  const emit = options.onEvent ?? (() => {});
  const patterns = sources.map((s) => [s, new RegExp(s.articleUrlPattern)] as const);
  const stats: ReextractStats = { pages: 0, articles: 0, changed: 0, notArticles: 0, failed: 0, facts: 0, failures: [] };
  const total = pages.count(options.source ?? null);
  let done = 0;
  for (const page of pages.archive(options.source ?? null)) {
    done++;
    if (done % 200 === 0) emit({ type: 'progress', done, total });
    const source = (page.sourceId ? sources.find((s) => s.id === page.sourceId) : undefined) ?? sourceForUrl(sources, page.url) ?? null;
    // Article pages: as the frontier filed them, or, for pages it does not know, by the source's URL pattern.
    const isArticle = page.kind ? page.kind === 'article' : patterns.some(([s, re]) => s === source && re.test(page.url));
    if (!isArticle || page.status >= 300) continue;
    stats.pages++;
    try {
      const text = page.legacyText ?? decodeBody(page.raw(), page.headers['content-type']).text;
      const read = readArticle(text, page.url, source);
      const saved = articles.save({ ...read.article, url: page.url }, read.facts, page.id);
      pages.markNotArticle(page.url, null);
      stats.articles++;
      stats.facts += factCount(read.facts);
      if (saved.changed) stats.changed++;
      emit({ type: 'article', url: page.url, title: read.article.title, changed: saved.changed, facts: factCount(read.facts) });
    } catch (e) {
      if (e instanceof NotAnArticleError) {
        pages.markNotArticle(page.url, e.kind);
        stats.notArticles++;
        continue;
      }
      // One bad page is recorded and the run goes on.
      stats.failed++;
      const error = describeError(e);
      if (stats.failures.length < 20) stats.failures.push({ url: page.url, error });
      emit({ type: 'failed', url: page.url, error });
    }
  }
  articles.flushIndex();
  emit({ type: 'progress', done, total });
  return stats;
}
