/**
 * Query latency and export memory on a large database:
 *
 *   npm run bench:query [-- --db /tmp/big.db] [--queries 200] [--small-db /tmp/small.db] [--no-export] [--rank-cache MB]
 *
 * Without --db, a database of 20,000 articles and 100,000 claims is generated in a temporary directory
 * (scripts/gen-db.ts); make a large one with `npm run gen:db -- --articles 200000 --claims 1000000 --out /tmp/big.db`.
 *
 * 1. Search: queries drawn (seeded) from realistic user input — words with and without diacritics, decree
 *    numbers, names, prefixes ("chuyển đổi*"), phrases — through search() of src/query/search.ts on articles
 *    and on claims, after one warm-up pass. Baselines, measured in the same run and taking turns with it: the
 *    bare FTS lookup `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 20` for the same FTS
 *    query (what any search must do), and the same ranked by bm25 (`ORDER BY rank`: what a ranked search must
 *    do), and bm25 with search()'s column weights sorted by SQLite (`bm25(...) AS r ORDER BY r LIMIT 20`: the
 *    floor of an exact ranking through FTS5, which search() still uses for raw FTS5 syntax; words, prefixes
 *    and phrases are ranked from the ranking index, src/query/rank.ts), and COUNT(*) of the matches (what visiting every
 *    match costs). Also
 *    search() with --source (the smallest source) and --since (the last year), on every fourth query.
 *    Reported: p50 / p95 / p99 in ms and the ratio of each to the bare lookup and to the bm25 floor, on the same
 *    queries; the slowest queries with their number of matches.
 * 2. Export: `vnpress export claims --csv` (the real CLI, stdout to /dev/null) in a child process under
 *    /usr/bin/time -v: rows/s and peak resident memory, against a baseline child that only steps through the
 *    same SELECT with better-sqlite3. On the given database and, when it holds more than 100,000 claims, on a
 *    100,000-claim one (--small-db, or generated): memory should not grow with the number of rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/store/db.js';
import { search, toFtsQuery } from '../src/query/search.js';
import { EXPORTS } from '../src/query/export.js';
import { RANK_CACHE } from '../src/query/rank.js';
import { generate } from './gen-db.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ROOT = fileURLToPath(new URL(existsSync(fileURLToPath(new URL('../bin', import.meta.url))) ? '../' : '../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'vnpress.js');

// The baseline child for the export: the export's SELECT, stepped through, nothing written.
if (arg('export-baseline')) {
  const db = openDb(arg('export-baseline')!, { readonly: true });
  // The export's own statement with no filter, as `vnpress export claims` runs it.
  const sql = EXPORTS.claims!.sql.replace('%FILTERS%', '');
  let n = 0;
  for (const _row of db.prepare(sql).iterate()) n++;
  db.close();
  process.stderr.write(`${n} claims exported\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------
// Queries

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** What people type: with and without diacritics, names, numbers, prefixes, phrases. */
const FIXED = [
  'hoa don dien tu', 'hóa đơn điện tử', 'nghị định 13', 'nghi dinh 123', 'GDP tang', 'tăng trưởng GDP', 'tang truong gdp 2023', 'chuyển đổi*',
  'chuyen doi so', 'chuyển đổi số', '"6 tháng đầu năm"', '"kim ngạch xuất khẩu" 2022', '"6 thang dau nam 2024" xuat khau', 'pham minh chinh',
  'Phạm Minh Chính', 'thủ tướng phạm minh chính', 'lạm phát', 'lam phat co ban', 'CPI', 'chỉ số giá tiêu dùng', 'xuat khau nong san',
  'nhà ở xã hội', 'nha o xa hoi', 'giai ngan von dau tu cong', 'giải ngân vốn đầu tư công 2024', 'dịch vụ công trực tuyến', 'dich vu cong*',
  'bảo vệ dữ liệu cá nhân', 'lương cơ sở', 'luong toi thieu vung', 'FDI', 'von fdi dang ky', 'Bộ Tài chính', 'bo truong bo cong thuong',
  'cao tốc bắc nam', 'đường cao tốc Bắc - Nam', 'thien tai', 'phòng, chống thiên tai', 'IUU', 'đề án 06', 'khách quốc tế', 'thu ngan sach',
  'thu ngân sách nhà nước', 'tỷ giá', 'giá vàng', 'quý II/2023', 'quy 3/2022', 'năng lượng tái tạo', 'an ninh mạng', 'xuất*', 'doanh nghiep*',
  'tham nhũng', 'doanh nghiệp thành lập mới', 'tổng mức bán lẻ', 'chỉ số sản xuất công nghiệp', 'ty le that nghiep', 'tín dụng tăng',
  'Trần Hồng Hà', 'tran hong ha', 'Hồ Đức Phớc', 'nguyen manh hung', 'Bộ trưởng Bộ Công an', 'UBND tỉnh Quảng Ninh', 'Hà Nội', 'Đà Nẵng',
  'quyết định QĐ-TTg', 'công điện thủ tướng', 'nghị quyết QH15', 'thông tư BTC', 'cải cách thủ tục hành chính', 'kinh tế số', 'kinh te so*',
  'hơn 10 tỷ USD', 'tăng 7%', 'so với cùng kỳ năm trước', 'sắp xếp tổ chức bộ máy', 'giáo dục nghề nghiệp', 'bảo hiểm xã hội', 'du lịch',
  'nông thôn mới', 'giảm nghèo', 'đổi mới sáng tạo', 'chuyển đổi xanh', 'thị trường vốn', 'ổn định kinh tế vĩ mô', 'y tế', 'hội nghị trực tuyến',
];
const TEMPLATES: ((r: () => number) => string)[] = [
  (r) => `nghị định ${1 + Math.floor(r() * 350)}`,
  (r) => `nghi dinh ${1 + Math.floor(r() * 350)}/${2015 + Math.floor(r() * 11)}`,
  (r) => `${String(1 + Math.floor(r() * 350)).padStart(2, '0')}/${2015 + Math.floor(r() * 11)}/NĐ-CP`,
  (r) => `quyết định ${1 + Math.floor(r() * 350)}/QĐ-TTg`,
  (r) => `xuất khẩu ${2019 + Math.floor(r() * 7)}`,
  (r) => `"6 tháng đầu năm ${2019 + Math.floor(r() * 7)}"`,
  (r) => `gdp quy ${1 + Math.floor(r() * 4)} ${2019 + Math.floor(r() * 7)}`,
  (r) => `giai ngan ${2019 + Math.floor(r() * 7)}`,
];

function queries(n: number, seed = 7): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r() < 0.7 ? FIXED[Math.floor(r() * FIXED.length)]! : TEMPLATES[Math.floor(r() * TEMPLATES.length)]!(r));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Search

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!; };
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1).padStart(8);

interface Variant {
  name: string;
  kind: 'articles' | 'claims';
  run: (q: string, fts: string) => unknown;
  /** Run for every `every`-th query only: the filtered searches, to keep the run short. */
  every: number;
}

function benchSearch(dbPath: string, count: number): void {
  const db = openDb(dbPath, { readonly: true });
  const counts = db.prepare('SELECT (SELECT COUNT(*) FROM articles) AS a, (SELECT COUNT(*) FROM claims) AS c').get() as { a: number; c: number };
  console.log(`\n## search: ${dbPath} (${counts.a} articles, ${counts.c} claims), ${count} queries`);
  const qs = queries(count);
  const bare = { articles: db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 20'), claims: db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT 20') };
  const ranked = { articles: db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20'), claims: db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT 20') };
  // The ranking search() computes (the column weights of articles included), sorted by SQLite with its LIMIT:
  // the least an exact bm25 ranking costs with FTS5, which scores every match.
  const bm25 = {
    articles: db.prepare('SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS r FROM articles_fts WHERE articles_fts MATCH ? ORDER BY r LIMIT 20'),
    claims: db.prepare('SELECT rowid, bm25(claims_fts) AS r FROM claims_fts WHERE claims_fts MATCH ? ORDER BY r LIMIT 20'),
  };
  const matches = { articles: db.prepare('SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH ?'), claims: db.prepare('SELECT COUNT(*) AS n FROM claims_fts WHERE claims_fts MATCH ?') };
  // Filters as a user gives them: the smallest source (selective), the last year of the database (recent).
  const source = (db.prepare('SELECT source_id AS s FROM articles GROUP BY source_id ORDER BY COUNT(*), source_id LIMIT 1').get() as { s: string }).s;
  const since = `${(db.prepare('SELECT substr(MAX(published_at), 1, 4) AS y FROM articles').get() as { y: string }).y}-01-01`;
  const variants: Variant[] = [];
  for (const kind of ['articles', 'claims'] as const) {
    variants.push({ name: `${kind}: bare MATCH LIMIT 20 (baseline)`, kind, every: 1, run: (_q, fts) => bare[kind].all(fts) });
    variants.push({ name: `${kind}: COUNT(*) of every match`, kind, every: 1, run: (_q, fts) => matches[kind].get(fts) });
    variants.push({ name: `${kind}: MATCH ORDER BY rank LIMIT 20`, kind, every: 1, run: (_q, fts) => ranked[kind].all(fts) });
    variants.push({ name: `${kind}: bm25() ORDER BY LIMIT 20 (floor)`, kind, every: 1, run: (_q, fts) => bm25[kind].all(fts) });
    variants.push({ name: `${kind}: search()`, kind, every: 1, run: (q) => search(db, q, { in: kind }) });
    variants.push({ name: `${kind}: search() --source ${source}`, kind, every: 4, run: (q) => search(db, q, { in: kind, source }) });
    variants.push({ name: `${kind}: search() --since ${since}`, kind, every: 4, run: (q) => search(db, q, { in: kind, since }) });
  }
  const ftsOf = qs.map((q) => toFtsQuery(q));
  const runs = (v: Variant, i: number) => i % v.every === 0;
  // Warm-up: every query once through every variant (JIT, statement cache, pages into the OS cache).
  qs.forEach((q, i) => { for (const v of variants) if (runs(v, i)) v.run(q, ftsOf[i]!); });
  // Measured taking turns, query by query, so that a busy moment of the machine falls on all of them.
  const times = variants.map(() => new Map<number, number>());
  qs.forEach((q, i) => {
    variants.forEach((v, k) => {
      if (!runs(v, i)) return;
      const t = performance.now();
      v.run(q, ftsOf[i]!);
      times[k]!.set(i, performance.now() - t);
    });
  });
  console.log(`${'variant'.padEnd(48)}      p50      p95      p99      max   p95 vs baseline, vs floor`);
  variants.forEach((v, k) => {
    const t = [...times[k]!.values()];
    // Compared on the same queries: the filtered searches ran on every fourth one only.
    const on = (name: string) => [...times[variants.findIndex((b) => b.kind === v.kind && b.name.endsWith(name))]!.entries()].filter(([i]) => times[k]!.has(i)).map(([, ms]) => ms);
    const ratio = (name: string) => `${(pct(t, 0.95) / pct(on(name), 0.95)).toFixed(1)}x`;
    console.log(`${v.name.padEnd(48)}${fmt(pct(t, 0.5))} ${fmt(pct(t, 0.95))} ${fmt(pct(t, 0.99))} ${fmt(Math.max(...t))}   ${ratio('(baseline)').padStart(6)}, ${ratio('(floor)').padStart(6)}${v.every > 1 ? `   (${t.length} queries)` : ''}`);
  });
  console.log('The bm25 floor is FTS5 scoring every match (and reading each phrase\'s whole doclist for its idf). search() ranks words,\n' +
    'prefixes and phrases from the ranking index (src/query/rank.ts, the same scores), and raw FTS5 queries through FTS5 (the floor).');
  for (const kind of ['articles', 'claims'] as const) {
    const k = variants.findIndex((v) => v.name === `${kind}: search()`);
    const slow = qs.map((q, i) => ({ q, ms: times[k]!.get(i)!, fts: ftsOf[i]! }))
      .filter((x, i, all) => all.findIndex((y) => y.q === x.q) === i).sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`slowest ${kind} searches:`);
    for (const s of slow) {
      const n = (matches[kind].get(s.fts) as { n: number }).n;
      console.log(`  ${fmt(s.ms)} ms  ${String(n).padStart(8)} matches  ${s.q}`);
    }
  }
  db.close();
}

// ---------------------------------------------------------------------------------------------------------
// Export

interface ExportRun { rows: number; ms: number; peakMb: number }

function timed(cmd: string[]): ExportRun {
  const devnull = openSync('/dev/null', 'w');
  try {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { stdio: ['ignore', devnull, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 20 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    const rows = /(\d+) claims exported/.exec(r.stderr);
    if (!rss || !rows) throw new Error(`cannot read the child's report: ${r.stderr}`);
    return { rows: Number(rows[1]), ms, peakMb: Number(rss[1]) / 1024 };
  } finally {
    closeSync(devnull);
  }
}

function benchExport(dbPath: string): void {
  const self = fileURLToPath(import.meta.url);
  const runs = [
    ['baseline: SELECT stepped through', () => timed([process.execPath, self, '--export-baseline', dbPath])],
    ['vnpress export claims --csv', () => timed([process.execPath, BIN, 'export', 'claims', '--csv', '--db', dbPath])],
  ] as const;
  // Taking turns, best of two each (the first run also warms the OS cache).
  const best = runs.map(() => null as ExportRun | null);
  for (let i = 0; i < 2; i++) runs.forEach(([, run], k) => { const r = run(); if (!best[k] || r.ms < best[k]!.ms) best[k] = r; });
  console.log(`\n## export: ${dbPath}`);
  runs.forEach(([name], k) => {
    const r = best[k]!;
    console.log(`${name.padEnd(36)} ${String(r.rows).padStart(8)} rows  ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${Math.round(r.rows / (r.ms / 1000)).toString().padStart(7)} rows/s  peak RSS ${r.peakMb.toFixed(0).padStart(4)} MB`);
  });
  console.log(`export / baseline: ${(best[1]!.ms / best[0]!.ms).toFixed(1)}x the time, ${(best[1]!.peakMb - best[0]!.peakMb).toFixed(0)} MB more peak RSS`);
}

// ---------------------------------------------------------------------------------------------------------

const count = Number(arg('queries') ?? 200);
// --rank-cache <MB>: the decoded postings a process keeps (src/query/rank.ts), to see what a smaller cache costs.
if (arg('rank-cache')) RANK_CACHE.bytes = Number(arg('rank-cache')) * 2 ** 20;
console.log(`postings cache: ${RANK_CACHE.bytes / 2 ** 20} MB`);
let tmp: string | null = null;
const tmpDir = () => (tmp ??= mkdtempSync(join(tmpdir(), 'vnpress-bench-query-')));
try {
  let dbPath = arg('db');
  if (!dbPath) {
    dbPath = join(tmpDir(), 'bench.db');
    console.log('generating 20,000 articles and 100,000 claims (pass --db for a larger database)');
    generate({ articles: 20_000, claims: 100_000, out: dbPath, quiet: true });
  }
  benchSearch(dbPath, count);
  if (!args.includes('--no-export')) {
    benchExport(dbPath);
    const db = openDb(dbPath, { readonly: true });
    const claims = (db.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n;
    db.close();
    if (claims > 100_000) {
      let small = arg('small-db');
      if (!small) {
        small = join(tmpDir(), 'small.db');
        console.log('\ngenerating 20,000 articles and 100,000 claims to compare the export\'s memory');
        generate({ articles: 20_000, claims: 100_000, out: small, quiet: true });
      }
      benchExport(small);
    }
  }
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
