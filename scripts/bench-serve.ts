/**
 * `vnpress serve` under load: 50 concurrent clients searching a database of 1,000,000 claims on loopback.
 *
 *   npm run bench:serve [-- --db /tmp/big.db] [--clients 50] [--seconds 20] [--warmup 3] [--rounds 4] [--server-times] [--no-cache]
 *                       [--filters source=mpi,qualifier=over,period=2024] [--timeout 60] [--settle 120]
 *
 * Without --db, a database of 20,000 articles and 100,000 claims is generated in a temporary directory
 * (scripts/gen-db.ts); the target is the one of 200,000 articles and 1,000,000 claims
 * (`npm run gen:db -- --articles 200000 --claims 1000000 --out /tmp/big.db`). The database is only read.
 *
 * The real server runs as a child process (`node bin/vnpress.js serve --db <db> --port 0`, stopped with SIGINT
 * at the end); the load comes from this process through one undici Pool of `--clients` connections: that many
 * clients in a closed loop, each sending its next request when the previous one has been answered in full.
 * Latency is from sending a request to the last byte of its body, so it includes the wait in the server's
 * queue: the server is one thread, and 50 clients keep up to 50 requests waiting on it.
 *
 * The search mix, drawn (seeded) from journalist queries with and without diacritics: 60% `/claims?q=…` (the
 * HTML page: the ranked search, the facets, the form), 20% the same with a filter (`&source=mpi`,
 * `&qualifier=over` or `&period=2024`, one each in turn; --filters to choose others), 10% `/claims.json?q=…`
 * (a third of them filtered), 10% `/articles/<id>`, the ids sampled from the database (read-only).
 * Baseline, same clients and settings, taking turns with the search (`--rounds` rounds of search, then of
 * baseline for half as long): `/style.css` of the same server, what HTTP costs on this machine with no
 * database work, the server's own floor. Warm-up first (`--warmup` seconds of the search mix, untimed).
 * A phase lasts from its first request to its last answer (the requests in flight at its end are waited
 * for); a request unanswered after --timeout seconds is an error, counted with that latency. Before each
 * phase the server must answer a /style.css (a request it abandoned still runs to its end in the server);
 * if it does not within --settle seconds, the rounds stop there and the report says so.
 *
 * Reported: requests, requests/s, p50 / p95 / p99 / max latency in ms and errors (status 4xx/5xx or a network
 * error) for the baseline, the whole mix and each kind of request; the ratios of the search to the floor;
 * whether the search's p99 is under 100 ms; the 5 slowest requests; the server's peak memory. With
 * --server-times the server runs with --log, and the time it spent on each request (handler only, no
 * queueing) is reported too, per kind: what latency would be with one client. The logging slows the server
 * a little; compare runs with and without.
 *
 * The server keeps rendered pages until the database changes (src/serve/cache.ts), and the mix repeats its
 * queries, as a newsroom does: the report says how many requests were sent from that cache, with their
 * latency apart from the rendered ones. --no-cache runs the server without it: every request is rendered.
 *
 * To profile the server, pass node flags through BENCH_SERVE_NODE_ARGS, e.g.
 * `BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:serve -- --db /tmp/big.db`:
 * the profile is written when the server stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { loadMigrations, openDb } from '../src/store/db.js';
import { generate } from './gen-db.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ROOT = fileURLToPath(new URL(existsSync(fileURLToPath(new URL('../bin', import.meta.url))) ? '../' : '../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'vnpress.js');

const CLIENTS = Number(arg('clients') ?? 50);
const SECONDS = Number(arg('seconds') ?? 20);
const WARMUP = Number(arg('warmup') ?? 3);
const ROUNDS = Math.max(1, Number(arg('rounds') ?? 4));
/** The server renders every page (no page cache): what a mix of never-repeated searches would cost. */
const NO_CACHE = args.includes('--no-cache');
const SERVER_TIMES = args.includes('--server-times');
const TIMEOUT = Number(arg('timeout') ?? 60) * 1000;
const SETTLE = Number(arg('settle') ?? 120) * 1000;
const TARGET_P99 = 100;

// ---------------------------------------------------------------------------------------------------------
// Requests

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** What a journalist types in the search box, with and without diacritics. */
const WORDS = [
  'xuất khẩu', 'xuat khau', 'kim ngạch xuất khẩu', 'kim ngach xuat khau', 'GDP', 'tăng trưởng GDP', 'tang truong gdp', 'lạm phát',
  'lam phat', 'CPI', 'chỉ số giá tiêu dùng', 'chi so gia tieu dung', 'vốn FDI', 'von fdi dang ky', 'giải ngân vốn đầu tư công',
  'giai ngan', 'thu ngân sách', 'thu ngan sach nha nuoc', 'doanh nghiệp thành lập mới', 'doanh nghiep*', 'khách quốc tế', 'khach quoc te',
  'tổng mức bán lẻ', 'tong muc ban le', 'lương tối thiểu vùng', 'luong toi thieu', 'dịch vụ công trực tuyến', 'dich vu cong*',
  'nhập khẩu', 'nhap khau', 'sản xuất công nghiệp', 'san xuat cong nghiep', 'tỷ lệ thất nghiệp', 'ty le that nghiep', 'tín dụng',
  'tin dung tang', 'xuất khẩu gạo', 'xuat khau nong san', 'thặng dư thương mại', 'du lịch', 'tỷ USD', 'ty usd', 'so với cùng kỳ',
  '"6 tháng đầu năm"', '"quý II/2023"', 'quy 3 2022', 'Tổng cục Hải quan', 'tong cuc thong ke', 'năm 2024', 'hơn 10%', 'tăng 7%',
  'nông thôn mới', 'nha o xa hoi', 'chuyển đổi số', 'chuyen doi so', 'năng lượng tái tạo',
];
const FILTERS = (arg('filters') ?? 'source=mpi,qualifier=over,period=2024').split(',').filter(Boolean);

type Kind = 'html' | 'html+filter' | 'json' | 'article' | 'static';
interface Req { kind: Kind; path: string }

/** The search mix: `n` requests, cycled through in order by all the clients together. */
function mix(n: number, articleIds: number[], seed = 11): Req[] {
  const r = prng(seed);
  const out: Req[] = [];
  let f = 0;
  const q = () => `q=${encodeURIComponent(WORDS[Math.floor(r() * WORDS.length)]!)}`;
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.6) out.push({ kind: 'html', path: `/claims?${q()}` });
    else if (x < 0.8 && FILTERS.length) out.push({ kind: 'html+filter', path: `/claims?${q()}&${FILTERS[f++ % FILTERS.length]}` });
    else if (x < 0.8) out.push({ kind: 'html', path: `/claims?${q()}` });
    else if (x < 0.9) out.push({ kind: 'json', path: `/claims.json?${q()}${r() < 1 / 3 && FILTERS.length ? `&${FILTERS[f++ % FILTERS.length]}` : ''}` });
    else out.push({ kind: 'article', path: `/articles/${articleIds[Math.floor(r() * articleIds.length)]!}` });
  }
  return out;
}

/** Article ids spread over the table: the first id at or after random points of the id range. */
function sampleArticles(dbPath: string, n: number, seed = 5): number[] {
  const db = openDb(dbPath, { readonly: true });
  try {
    const { lo, hi } = db.prepare('SELECT MIN(id) AS lo, MAX(id) AS hi FROM articles').get() as { lo: number | null; hi: number | null };
    if (lo === null || hi === null) throw new Error(`${dbPath} holds no articles`);
    const next = db.prepare<[number], { id: number }>('SELECT id FROM articles WHERE id >= ? ORDER BY id LIMIT 1');
    const r = prng(seed);
    return Array.from({ length: n }, () => next.get(lo + Math.floor(r() * (hi - lo + 1)))!.id);
  } finally {
    db.close();
  }
}

/** openDb upgrades an older database even for reading; a benchmark must not write to the file it is given. */
function assertCurrent(dbPath: string): void {
  const ro = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const done = new Set((ro.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const pending = loadMigrations().filter((m) => !done.has(m.version));
    if (pending.length) throw new Error(`${dbPath} lacks migration ${pending.map((m) => m.version).join(', ')}: the server would upgrade it on opening; run vnpress crawl --status on it (or on a copy) first`);
  } finally {
    ro.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The server

interface Server { child: ChildProcess; url: string; log: { path: string; ms: number }[]; logging: { on: boolean } }

async function startServer(db: string): Promise<Server> {
  const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--db', db, '--port', '0', ...(SERVER_TIMES ? ['--log'] : []), ...(NO_CACHE ? ['--no-cache'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: Server['log'] = [];
  const logging = { on: false };
  let stderr = '';
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const m = /^GET (\S+) \d+ ([\d.]+) ms$/.exec(line);
    if (m) { if (logging.on) log.push({ path: m[1]!, ms: Number(m[2]) }); } else stderr += `${line}\n`;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^vnpress serve: .* at (http:\/\/\S+?)\/ \(Ctrl-C to stop\)$/.exec(line);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}) before listening: ${stderr}`)); });
  });
  return { child, url, log, logging };
}

/** The server's peak resident memory (VmHWM), in MB, read before it stops. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill('SIGINT');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------------------
// Load

interface Sample { kind: Kind; ms: number; ok: boolean; hit: boolean }
interface Slow { path: string; ms: number; status: string }

class Recorder {
  samples: Sample[] = [];
  slowest: Slow[] = [];
  seconds = 0;
  bytes = 0;
  errors = new Map<string, number>();
  /** The first requests that failed, with why. */
  failed: Slow[] = [];
  add(req: Req, ms: number, status: number | string, bytes: number, hit = false): void {
    const ok = typeof status === 'number' && status < 400;
    this.samples.push({ kind: req.kind, ms, ok, hit });
    this.bytes += bytes;
    if (!ok) {
      this.errors.set(String(status), (this.errors.get(String(status)) ?? 0) + 1);
      if (this.failed.length < 5) this.failed.push({ path: req.path, ms, status: String(status) });
    }
    if (this.slowest.length < 5 || ms > this.slowest[4]!.ms) {
      this.slowest.push({ path: req.path, ms, status: String(status) });
      this.slowest.sort((a, b) => b.ms - a.ms);
      this.slowest.length = Math.min(5, this.slowest.length);
    }
  }
}

/** `CLIENTS` clients in a closed loop for `ms` milliseconds, each taking the next request of `reqs`. */
async function load(pool: Pool, reqs: Req[], ms: number, rec: Recorder | null): Promise<void> {
  let next = 0;
  const t0 = performance.now();
  const end = t0 + ms;
  const client = async () => {
    while (performance.now() < end) {
      const req = reqs[next++ % reqs.length]!;
      const t = performance.now();
      let status: number | string;
      let bytes = 0;
      let hit = false;
      try {
        const res = await pool.request({ path: req.path, method: 'GET', headersTimeout: TIMEOUT, bodyTimeout: TIMEOUT });
        status = res.statusCode;
        hit = res.headers['x-vnpress-cache'] === 'hit';
        bytes = (await res.body.arrayBuffer()).byteLength;
      } catch (e) {
        status = (e as { code?: string }).code ?? 'network error';
      }
      rec?.add(req, performance.now() - t, status, bytes, hit);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  if (rec) rec.seconds += (performance.now() - t0) / 1000;
}

/** Milliseconds until the server answers /style.css (it is done with what was sent before), or null after `max`. */
async function settle(pool: Pool, max: number): Promise<number | null> {
  const t = performance.now();
  try {
    const res = await pool.request({ path: '/style.css', method: 'GET', headersTimeout: max, bodyTimeout: max });
    await res.body.dump();
    return performance.now() - t;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
const f1 = (ms: number) => (Number.isNaN(ms) ? '–' : ms.toFixed(ms < 10 ? 2 : 1));

interface Stats { n: number; rps: number; p50: number; p95: number; p99: number; max: number; errors: number }

function stats(samples: Sample[], seconds: number): Stats {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { n: ms.length, rps: seconds > 0 ? ms.length / seconds : 0, p50: pct(ms, 0.5), p95: pct(ms, 0.95), p99: pct(ms, 0.99), max: ms[ms.length - 1] ?? NaN, errors: samples.filter((s) => !s.ok).length };
}

const row = (name: string, s: Stats) => `| ${name} | ${s.n} | ${s.rps.toFixed(0)} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${f1(s.max)} | ${s.errors} |`;

const KINDS: [Kind, string][] = [
  ['html', '· /claims?q= (HTML)'], ['html+filter', '· /claims?q=&filter (HTML)'], ['json', '· /claims.json?q='], ['article', '· /articles/<id>'],
];

function kindOf(path: string): Kind {
  if (path === '/style.css') return 'static';
  if (path.startsWith('/articles/')) return 'article';
  if (path.startsWith('/claims.json')) return 'json';
  return /[?&](source|qualifier|period)=/.test(path) ? 'html+filter' : 'html';
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'vnpress-bench-serve-'));
  let server: Server | null = null;
  try {
    let db = arg('db');
    if (!db) {
      db = join(tmp, 'bench.db');
      process.stderr.write('generating 20,000 articles and 100,000 claims (pass --db for a larger database)\n');
      generate({ articles: 20_000, claims: 100_000, out: db, seed: 1, quiet: true });
    }
    assertCurrent(db);
    const reqs = mix(20_000, sampleArticles(db, 2_000));
    const floor: Req[] = [{ kind: 'static', path: '/style.css' }];
    server = await startServer(db);
    const pool = new Pool(server.url, { connections: CLIENTS, pipelining: 1, keepAliveTimeout: 60_000 });
    process.stderr.write(`server at ${server.url}; ${CLIENTS} clients, ${WARMUP} s warm-up, then ${ROUNDS} rounds of ${SECONDS / ROUNDS} s search and ${SECONDS / ROUNDS / 2} s baseline\n`);
    await load(pool, floor, 300, null);
    const warm = new Recorder();
    await load(pool, reqs, WARMUP * 1000, warm);
    const search = new Recorder();
    const base = new Recorder();
    // Taking turns, so that a busy moment of the shared machine falls on both.
    const settles: number[] = [];
    let stalled = '';
    const ready = async (after: string) => {
      const ms = await settle(pool, SETTLE);
      if (ms === null) stalled = after;
      else settles.push(ms);
      return !stalled;
    };
    for (let i = 0; i < ROUNDS && !stalled; i++) {
      if (!(await ready(i ? `search round ${i}` : 'the warm-up'))) break;
      server.logging.on = true;
      await load(pool, reqs, (SECONDS * 1000) / ROUNDS, search);
      server.logging.on = false;
      if (!(await ready(`search round ${i + 1}`))) break;
      server.logging.on = true;
      await load(pool, floor, (SECONDS * 1000) / ROUNDS / 2, base);
      server.logging.on = false;
    }
    const rss = peakRssMb(server.child.pid);
    const handled = server.log;
    await pool.destroy();
    await stopServer(server);
    server = null;

    const counts = (() => {
      const d = openDb(db, { readonly: true });
      try { return d.prepare('SELECT (SELECT COUNT(*) FROM articles) AS a, (SELECT COUNT(*) FROM claims) AS c').get() as { a: number; c: number }; } finally { d.close(); }
    })();
    const s = stats(search.samples, search.seconds);
    const b = stats(base.samples, base.seconds);
    console.log(`database: ${db} (${(statSync(db).size / 1e6).toFixed(0)} MB, ${counts.a} articles, ${counts.c} claims); ${CLIENTS} clients, closed loop, loopback`);
    console.log(`search ${search.seconds.toFixed(1)} s, baseline ${base.seconds.toFixed(1)} s, in ${ROUNDS} turns; filters: ${FILTERS.join(', ') || 'none'}; server peak RSS ${rss === null ? '?' : `${rss.toFixed(0)} MB`}${SERVER_TIMES ? '; server logging on (--server-times)' : ''}`);
    console.log(`waits for the server to be idle before a phase: max ${f1(Math.max(0, ...settles))} ms${stalled ? `; STALLED after ${stalled}: the server did not answer /style.css within ${SETTLE / 1000} s, the rounds stopped there` : ''}`);
    console.log('');
    console.log('| requests | n | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(row('baseline: /style.css', b));
    console.log(row('search mix', s));
    for (const [kind, name] of KINDS) console.log(row(name, stats(search.samples.filter((x) => x.kind === kind), search.seconds)));
    const hits = search.samples.filter((x) => x.hit);
    if (!NO_CACHE) {
      console.log(row('search mix: sent from the page cache', stats(hits, search.seconds)));
      console.log(row('search mix: rendered', stats(search.samples.filter((x) => !x.hit), search.seconds)));
    }
    console.log('');
    console.log(NO_CACHE ? 'page cache: off (--no-cache), every page rendered' : `page cache: ${hits.length} of ${s.n} search requests (${((100 * hits.length) / Math.max(1, s.n)).toFixed(0)}%) sent from it; ${new Set(reqs.map((r) => r.path)).size} distinct URLs in the mix`);
    console.log(`search vs floor: ${b.n && s.n ? `${(s.rps / b.rps).toFixed(3)}x the requests/s, p99 ${(s.p99 / b.p99).toFixed(1)}x` : 'n/a (no baseline)'}; mean response ${(search.bytes / Math.max(1, s.n) / 1024).toFixed(1)} KB vs ${(base.bytes / Math.max(1, b.n) / 1024).toFixed(1)} KB`);
    console.log(`target search p99 under ${TARGET_P99} ms: ${s.p99 < TARGET_P99 ? 'met' : 'NOT met'} (${f1(s.p99)} ms)`);
    for (const [name, r] of [['warm-up, not counted above', warm], ['search', search], ['baseline', base]] as const) {
      if (!r.errors.size) continue;
      console.log(`errors (${name}): ${[...r.errors].map(([k, n]) => `${k} ×${n}`).join(', ')}; the first: ${r.failed.map((x) => `${decodeURIComponent(x.path)} (${x.status} after ${f1(x.ms)} ms)`).join(', ')}`);
    }
    console.log('');
    console.log('slowest search requests (latency, queueing included):');
    console.log('| ms | status | path |');
    console.log('|---|---|---|');
    for (const x of search.slowest) console.log(`| ${f1(x.ms)} | ${x.status} | ${decodeURIComponent(x.path)} |`);
    if (SERVER_TIMES) {
      console.log('');
      console.log('time in the server\'s handler (no queueing), from --log:');
      console.log('| requests | n | mean ms | p50 ms | p95 ms | p99 ms | max ms | share of server time |');
      console.log('|---|---|---|---|---|---|---|---|');
      const all = handled;
      const sum = all.reduce((t, x) => t + x.ms, 0);
      for (const [kind, name] of [['static', 'baseline: /style.css'], ...KINDS] as [Kind, string][]) {
        const ms = all.filter((x) => kindOf(x.path) === kind).map((x) => x.ms).sort((p, q) => p - q);
        const t = ms.reduce((a, x) => a + x, 0);
        console.log(`| ${name} | ${ms.length} | ${f1(t / Math.max(1, ms.length))} | ${f1(pct(ms, 0.5))} | ${f1(pct(ms, 0.95))} | ${f1(pct(ms, 0.99))} | ${f1(ms[ms.length - 1] ?? NaN)} | ${((100 * t) / Math.max(sum, 1e-9)).toFixed(0)}% |`);
      }
      console.log('');
      console.log('slowest requests in the handler:');
      console.log('| ms | path |');
      console.log('|---|---|');
      for (const x of [...all].sort((p, q) => q.ms - p.ms).slice(0, 5)) console.log(`| ${f1(x.ms)} | ${decodeURIComponent(x.path)} |`);
    }
  } finally {
    if (server) await stopServer(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
