/**
 * `vnpress crawl`: crawl sources into the database. Ctrl-C stops cleanly and running the same command again
 * resumes (so does a crawl that was killed). A progress line on stderr when it is a terminal, JSON log lines
 * on stdout with --log-json, a closing summary with failures grouped by cause, and `--status` for a running
 * or stopped job.
 */
import { openDb } from '../store/db.js';
import { crawl, type CrawlEvent, type CrawlOptions, type CrawlProgress, type CrawlStats } from '../crawl/crawler.js';
import { readCrawlStatus, type CrawlStatus } from '../crawl/status.js';
import { SOURCES, getSource, type SourceDefinition } from '../../pipelines/index.js';
import { InputError } from '../errors.js';
import { log } from './output.js';

export interface CrawlCommandOptions {
  all?: boolean;
  db: string;
  since?: string;
  maxPages?: number;
  maxBytes?: string;
  concurrency?: number;
  resolve?: string[];
  delay?: number;
  userAgent?: string;
  contact?: string;
  ignoreRobots?: boolean;
  allowPrivate?: boolean;
  fetchOnly?: boolean;
  logJson?: boolean;
  status?: boolean;
  json?: boolean;
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

/** "10MB", "500kB", "2MiB", "1048576" → bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?\s*$/i.exec(text);
  if (!m) throw new InputError(`--max-bytes "${text}" is not a size; write it like 10MB, 500kB or 1048576`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const scale = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * scale);
}

const duration = (s: number) => {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}h${String(m).padStart(2, '0')}m` : `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
};

export function progressLine(p: CrawlProgress): string {
  return `${p.fetched} fetched, ${p.articles} articles, ${p.queued} queued, ${p.rate.toFixed(1)} pages/s, `
    + `${p.failed} failed, ${p.retried} retries, ${duration(p.elapsedSeconds)} elapsed`
    + (p.etaSeconds !== null && p.queued > 0 ? `, ETA ${duration(p.etaSeconds)}` : '');
}

/**
 * Where events go. On a terminal, the progress line is redrawn in place and log lines are written above it;
 * with --log-json every event is one JSON object per line on stdout, for jq and log collectors.
 */
export function eventLogger(opts: { quiet?: boolean; logJson?: boolean; progress?: boolean } = {}): (e: CrawlEvent) => void {
  if (opts.logJson) {
    return (e) => { process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...e })}\n`); };
  }
  const tty = opts.progress ?? Boolean(process.stderr.isTTY);
  let shown = false;
  const line = (text: string) => {
    if (shown) process.stderr.write('\r\x1b[K');
    shown = false;
    log(text);
  };
  return (e) => {
    if (e.type === 'progress') {
      if (!tty) return;
      process.stderr.write(`\r\x1b[K${progressLine(e)}`);
      shown = true;
    } else if (e.type === 'start') {
      if (e.reclaimed) line(`resuming: ${e.reclaimed} URLs that a stopped crawl had in flight are queued again`);
    } else if (e.type === 'failed') line(`${e.willRetry ? 'retry' : 'FAILED'} ${e.url}: ${e.error}`);
    else if (e.type === 'skipped') line(`skipped ${e.url}: ${e.reason}`);
    else if (e.type === 'warning') line(`warning ${e.url}: ${e.message}`);
    else if (!opts.quiet && e.type === 'article') line(`article ${e.changed ? 'stored ' : 'unchanged'} ${e.facts.toString().padStart(3)} facts  ${e.title ?? e.url}`);
  };
}

export function summarizeCrawl(s: CrawlStats): string {
  const lines = [`crawl ${s.interrupted ? 'interrupted' : 'finished'}: ${s.fetched} fetched (${s.notModified} not modified, ${s.unchanged} unchanged), ${s.articles} articles read (${s.articlesChanged} new or changed), ${s.discovered} URLs discovered, ${s.retried} retries, ${s.failed} failed, ${s.skipped} skipped, ${s.pending} still queued${s.postponed ? ` (${s.postponed} waiting for a robots.txt that could not be read)` : ''}`];
  const causes = Object.entries(s.failures).sort((a, b) => b[1].count - a[1].count);
  if (causes.length) {
    lines.push('failed or skipped, by cause:');
    for (const [cause, g] of causes) lines.push(`  ${String(g.count).padStart(5)}  ${cause.padEnd(14)} e.g. ${g.example.error}`);
  }
  if (s.interrupted || s.pending) lines.push('run the same command again to continue');
  return lines.join('\n');
}

const ago = (iso: string | null, now: number) => (iso ? `${Math.max(0, Math.round((now - Date.parse(iso)) / 1000))} s ago` : 'never');

export function formatStatus(st: CrawlStatus, now = Date.now()): string {
  const out: string[] = [];
  const r = st.run;
  if (!r) out.push('no crawl has run on this database yet; start one with `vnpress crawl <source>`');
  else {
    const where = r.pid ? ` (process ${r.pid} on ${r.hostname ?? '?'})` : '';
    const state = {
      running: `running${where}, last heartbeat ${ago(r.heartbeatAt, now)}`,
      killed: `stopped without closing${where}: killed or crashed, last heartbeat ${ago(r.heartbeatAt, now)}; run the crawl again to resume`,
      interrupted: `interrupted at ${r.finishedAt}; run the crawl again to resume`,
      finished: `finished at ${r.finishedAt}`,
      failed: `failed at ${r.finishedAt}`,
    }[r.state];
    out.push(`run ${r.id} of ${r.sources.join(', ')}: ${state}`);
    out.push(`  started ${r.startedAt}; this run fetched ${r.fetched} pages, read ${r.articles} articles, ${r.failed} failed`);
  }
  out.push(`  fetched in the last 5 minutes: ${(st.recentRate * 60).toFixed(1)} pages/min`);
  if (st.nextDue && st.totals.queued) out.push(`  next URL due: ${st.nextDue}`);
  out.push('', 'frontier:');
  const cols = ['source', 'queued', 'leased', 'done', 'failed', 'skipped'] as const;
  const rows = [...st.frontier.map((f) => ({ ...f, source: f.source ?? '(none)' })), { source: 'total', ...st.totals }];
  const w = cols.map((c) => Math.max(c.length, ...rows.map((x) => String(x[c]).length)));
  const fmt = (cells: string[]) => `  ${cells.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join('  ')}`;
  out.push(fmt([...cols]), ...rows.map((x) => fmt(cols.map((c) => String(x[c])))));
  if (st.failures.length) {
    out.push('', 'failures and retries by cause:');
    for (const f of st.failures) out.push(`  ${String(f.count).padStart(5)}  ${f.cause.padEnd(14)} e.g. ${f.example.error ?? f.example.url}`);
  }
  return out.join('\n');
}

export function runCrawlStatus(opts: { db: string; json?: boolean }): void {
  const db = openDb(opts.db, { readonly: true });
  try {
    const st = readCrawlStatus(db);
    process.stdout.write(opts.json ? `${JSON.stringify(st, null, 2)}\n` : `${formatStatus(st)}\n`);
  } finally {
    db.close();
  }
}

export async function runCrawl(ids: string[], opts: CrawlCommandOptions): Promise<void> {
  if (opts.status) return runCrawlStatus(opts);
  const sources = pickSources(ids, opts.all);
  if (opts.since && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) throw new InputError(`--since "${opts.since}" is not a date; write it as YYYY-MM-DD`);
  if (opts.maxPages !== undefined && !(opts.maxPages > 0)) throw new InputError('--max-pages must be a positive number');
  if (opts.concurrency !== undefined && !(opts.concurrency >= 1)) throw new InputError('--concurrency must be 1 or more');
  const db = openDb(opts.db);
  const controller = new AbortController();
  const onSignal = () => {
    log('\nstopping: finishing the requests in flight; run the same command again to continue');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const options: CrawlOptions = {
      sources, resolve: parseResolve(opts.resolve), since: opts.since ?? null, maxPages: opts.maxPages ?? null,
      delayMs: opts.delay ?? null, concurrency: opts.concurrency ?? null, userAgent: opts.userAgent, contact: opts.contact ?? null,
      ignoreRobots: opts.ignoreRobots, allowPrivate: opts.allowPrivate, extract: !opts.fetchOnly,
      maxBytes: opts.maxBytes ? parseSize(opts.maxBytes) : undefined,
      signal: controller.signal, onEvent: eventLogger({ quiet: opts.quiet, logJson: opts.logJson }),
    };
    const stats = await crawl(db, options);
    if (process.stderr.isTTY && !opts.logJson) process.stderr.write('\r\x1b[K');
    if (opts.logJson) process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), type: 'summary', ...stats })}\n`);
    log(summarizeCrawl(stats));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    db.close();
  }
}
