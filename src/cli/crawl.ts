/** `vnpress crawl`: crawl sources into the database; Ctrl-C stops cleanly, and running again resumes. */
import { openDb } from '../store/db.js';
import { crawl, type CrawlEvent, type CrawlOptions, type CrawlStats } from '../crawl/crawler.js';
import { SOURCES, getSource, type SourceDefinition } from '../../pipelines/index.js';
import { InputError } from '../errors.js';
import { log } from './output.js';

export interface CrawlCommandOptions {
  all?: boolean;
  db: string;
  since?: string;
  maxPages?: number;
  resolve?: string[];
  delay?: number;
  userAgent?: string;
  contact?: string;
  ignoreRobots?: boolean;
  quiet?: boolean;
}

export function pickSources(ids: readonly string[], all: boolean | undefined): SourceDefinition[] {
  if (all) return [...SOURCES];
  if (!ids.length) throw new InputError(`name the sources to crawl (${SOURCES.map((s) => s.id).join(', ')}) or use --all`);
  return ids.map((id) => {
    const s = getSource(id);
    if (!s) throw new InputError(`unknown source "${id}"; run \`vnpress sources\` to see the ids`);
    return s;
  });
}

export function parseResolve(pairs: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const m = /^([a-z0-9.-]+)=(https?:\/\/[^\s/]+)\/?$/i.exec(p);
    if (!m) throw new InputError(`--resolve "${p}" must look like host=http://127.0.0.1:8080`);
    out[m[1]!.toLowerCase()] = m[2]!;
  }
  return out;
}

export function eventLogger(quiet = false): (e: CrawlEvent) => void {
  return (e) => {
    if (e.type === 'failed') log(`${e.willRetry ? 'retry' : 'FAILED'} ${e.url}: ${e.error}`);
    else if (e.type === 'skipped') log(`skipped ${e.url}: ${e.reason}`);
    else if (e.type === 'warning') log(`warning ${e.url}: ${e.message}`);
    else if (!quiet && e.type === 'article') log(`article ${e.changed ? 'stored ' : 'unchanged'} ${e.facts.toString().padStart(3)} facts  ${e.title ?? e.url}`);
  };
}

export function summarizeCrawl(s: CrawlStats): string {
  return `crawl ${s.interrupted ? 'interrupted' : 'finished'}: ${s.fetched} fetched (${s.notModified} not modified), ${s.articles} articles read (${s.articlesChanged} new or changed), ${s.discovered} URLs discovered, ${s.retried} retries, ${s.failed} failed, ${s.skipped} skipped by robots.txt, ${s.pending} still queued`;
}

export async function runCrawl(ids: string[], opts: CrawlCommandOptions): Promise<void> {
  const sources = pickSources(ids, opts.all);
  if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw new InputError(`--since "${opts.since}" is not a date; write it as YYYY-MM-DD`);
  if (opts.maxPages !== undefined && !(opts.maxPages > 0)) throw new InputError('--max-pages must be a positive number');
  const db = openDb(opts.db);
  const controller = new AbortController();
  const onSignal = () => {
    log('stopping: finishing the requests in flight; run the same command again to continue');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const options: CrawlOptions = {
      sources, resolve: parseResolve(opts.resolve), since: opts.since ?? null, maxPages: opts.maxPages ?? null,
      delayMs: opts.delay ?? null, userAgent: opts.userAgent, contact: opts.contact ?? null, ignoreRobots: opts.ignoreRobots,
      signal: controller.signal, onEvent: eventLogger(opts.quiet),
    };
    const stats = await crawl(db, options);
    log(summarizeCrawl(stats));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    db.close();
  }
}
