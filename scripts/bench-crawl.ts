/**
 * Crawl throughput and frontier memory, on loopback with politeness off:
 *
 *   npm run bench:crawl [-- --pages 20000 --concurrency 16]
 *
 * 1. Throughput: the crawler (lease from the SQLite frontier, fetch, decode, store the raw page compressed,
 *    mark done; no extraction, as `crawl --fetch-only`) against a bare undici GET loop over the same URLs at
 *    the same concurrency, in the same run, taking turns. The server runs in a child process, so the client
 *    side is what is measured. Reported: pages/s of each and their ratio.
 * 2. Memory: a crawl whose frontier grows to 10,000, 50,000, 100,000 and 200,000 URLs (found in a sitemap
 *    index of sitemaps of 50,000 URLs each, as a large site publishes them), each in a fresh process that
 *    fetches the sitemaps and the first 2,000 pages, one request at a time as a polite crawl does (no delay).
 *    Reported: each process's peak resident memory.
 */
import { createServer } from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { loadFixtureArticles } from '../pipelines/local-mirror.js';
import { validateSource } from '../pipelines/source.js';
import { openDb } from '../src/store/db.js';
import { crawl } from '../src/crawl/crawler.js';
import { Frontier } from '../src/crawl/frontier.js';
import { PageStore } from '../src/store/pages.js';

const HOST = 'bench.example.vn';
const SITEMAP_SIZE = 50_000;
const args = process.argv.slice(2);
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

const articleUrl = (i: number) => `https://${HOST}/tin/bai-viet-so-${i}.htm`;

const benchSource = (sitemaps: string[]) => validateSource({
  id: 'bench', name: 'Benchmark site', hosts: [HOST], lang: 'vi', startUrls: [], sitemaps, feeds: [], listings: [],
  articleUrlPattern: String.raw`^https://bench\.example\.vn/tin/[a-z0-9-]+\.htm$`,
  article: { title: 'h1', date: 'time', body: 'article' },
  pacing: { delayMs: 1000, concurrency: 1 },
});

/** The server: fixture pages at every article URL, and a sitemap index over `total` URLs. */
function serve(total: number): void {
  const pages = loadFixtureArticles().map((f) => Buffer.from(f.html));
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const m = /^\/tin\/bai-viet-so-(\d+)\.htm$/.exec(path);
    if (m) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[Number(m[1]) % pages.length]);
    } else if (path === '/sitemap.xml') {
      const n = Math.ceil(total / SITEMAP_SIZE);
      res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${
        Array.from({ length: n }, (_, k) => `<sitemap><loc>https://${HOST}/sitemap-${k}.xml</loc></sitemap>`).join('')}</sitemapindex>`);
    } else if (/^\/sitemap-\d+\.xml$/.test(path)) {
      const k = Number(/\d+/.exec(path)![0]);
      const from = k * SITEMAP_SIZE;
      const parts = ['<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
      for (let i = from; i < Math.min(total, from + SITEMAP_SIZE); i++) parts.push(`<url><loc>${articleUrl(i)}</loc><lastmod>2024-05-01</lastmod></url>`);
      parts.push('</urlset>');
      res.writeHead(200, { 'content-type': 'application/xml' }).end(parts.join('\n'));
    } else {
      res.writeHead(404).end();
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const a = server.address();
    process.send!({ port: typeof a === 'object' && a ? a.port : 0 });
  });
}

function startServer(total: number): Promise<{ origin: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', String(total)], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ origin: `http://127.0.0.1:${m.port}`, child })));
}

async function bareLoop(origin: string, n: number, concurrency: number): Promise<number> {
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  let next = 0;
  let bytes = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const u = new URL(articleUrl(next++));
      const res = await request(`${origin}${u.pathname}`, { dispatcher: agent, headers: { host: HOST } });
      bytes += (await res.body.arrayBuffer()).byteLength;
    }
  }));
  const ms = performance.now() - t;
  await agent.close();
  if (bytes === 0) throw new Error('the bare loop read nothing');
  return n / (ms / 1000);
}

async function crawlerRun(origin: string, n: number, concurrency: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vnpress-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const source = benchSource([]);
    new PageStore(db).upsertSource(source);
    new Frontier(db).add(Array.from({ length: n }, (_, i) => ({ url: articleUrl(i), sourceId: source.id, kind: 'article' as const })));
    const t = performance.now();
    const stats = await crawl(db, {
      sources: [source], resolve: { [HOST]: origin }, delayMs: 0, concurrency, ignoreRobots: true, extract: false, maxIdleWaitMs: 0,
    });
    const ms = performance.now() - t;
    if (stats.fetched !== n) throw new Error(`the crawler fetched ${stats.fetched} of ${n} pages`);
    return n / (ms / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One crawl whose frontier grows to `total` URLs; prints its peak resident memory in MB. */
async function memoryChild(total: number): Promise<void> {
  const { origin, child } = await startServer(total);
  const dir = mkdtempSync(join(tmpdir(), 'vnpress-bench-'));
  const db = openDb(join(dir, 'bench.db'));
  try {
    const stats = await crawl(db, {
      sources: [benchSource([`https://${HOST}/sitemap.xml`])], resolve: { [HOST]: origin }, delayMs: 0, concurrency: 1,
      ignoreRobots: true, extract: false, maxPages: 2_000 + Math.ceil(total / SITEMAP_SIZE) + 1, maxIdleWaitMs: 0,
    });
    const frontier = (db.prepare('SELECT COUNT(*) AS n FROM frontier').get() as { n: number }).n;
    process.send!({ frontier, fetched: stats.fetched, peakMb: process.resourceUsage().maxRSS / 1024 });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    child.kill();
  }
}

async function main(): Promise<void> {
  const n = arg('pages', 20_000);
  const concurrency = arg('concurrency', 16);
  const { origin, child } = await startServer(n);
  try {
    console.log(`throughput: ${n} pages of ${loadFixtureArticles().length} fixture pages, concurrency ${concurrency}, loopback, politeness off, no extraction`);
    // Warm both paths, then take turns; the best of three each.
    await bareLoop(origin, 2_000, concurrency);
    await crawlerRun(origin, 2_000, concurrency);
    const bare: number[] = [];
    const ours: number[] = [];
    for (let r = 0; r < 3; r++) {
      bare.push(await bareLoop(origin, n, concurrency));
      ours.push(await crawlerRun(origin, n, concurrency));
    }
    const b = Math.max(...bare);
    const o = Math.max(...ours);
    console.log(`bare undici GET loop:        ${b.toFixed(0).padStart(6)} pages/s`);
    console.log(`vnpress crawl (fetch-only):  ${o.toFixed(0).padStart(6)} pages/s  (${(o / b).toFixed(2)}x the bare loop)`);
  } finally {
    child.kill();
  }
  console.log('\nmemory: a crawl whose frontier grows to N URLs (sitemaps of 50,000), fetching 2,000 pages one at a time, each in a fresh process');
  for (const total of [10_000, 50_000, 100_000, 200_000]) {
    const c = fork(fileURLToPath(import.meta.url), ['--memory', String(total)], { stdio: 'inherit' });
    const r = await new Promise<{ frontier: number; fetched: number; peakMb: number }>((resolve, reject) => {
      c.once('message', resolve);
      c.once('exit', (code) => { if (code) reject(new Error(`memory run for ${total} URLs exited with ${code}`)); });
    });
    console.log(`frontier ${String(r.frontier).padStart(7)} URLs: peak ${r.peakMb.toFixed(0).padStart(4)} MB resident (${r.fetched} pages fetched)`);
  }
}

if (args[0] === '--serve') serve(Number(args[1]));
else if (args[0] === '--memory') await memoryChild(Number(args[1]));
else await main();
