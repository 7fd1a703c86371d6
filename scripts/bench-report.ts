/**
 * The time `vnpress report` takes on a large database, as a user runs it (the compiled CLI, whole process):
 *
 *   npm run bench:report [-- --db /tmp/big.db] [--runs 3]
 *
 * Without --db, a database of 20,000 articles and 100,000 claims is generated in a temporary directory
 * (scripts/gen-db.ts); the target is the one of 200,000 articles and 1,000,000 claims
 * (`npm run gen:db -- --articles 200000 --claims 1000000 --out /tmp/big.db`).
 *
 * Baseline, measured in the same run and taking turns with the report: `vnpress stats --json`, the smallest
 * command that reads the same database whole (counts per table, the top documents and officials). Reported:
 * best and median seconds of each, their ratio, the report's size, and whether it is under 5 s.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generate } from './gen-db.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ROOT = fileURLToPath(new URL(existsSync(fileURLToPath(new URL('../bin', import.meta.url))) ? '../' : '../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'vnpress.js');

function timed(argv: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`vnpress ${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(): void {
  const tmp = mkdtempSync(join(tmpdir(), 'vnpress-bench-report-'));
  try {
    let db = arg('db');
    if (!db) {
      db = join(tmp, 'bench.db');
      process.stderr.write('generating 20,000 articles and 100,000 claims (pass --db for a larger database)\n');
      generate({ articles: 20_000, claims: 100_000, out: db, seed: 1, quiet: true });
    }
    const out = join(tmp, 'report.html');
    const runs = Number(arg('runs') ?? 3);
    const report: number[] = [];
    const stats: number[] = [];
    // One untimed pass each: the first read of a large file measures the disk, not the program.
    timed(['stats', '--json', '--db', db]);
    timed(['report', '--db', db, '--out', out]);
    for (let i = 0; i < runs; i++) {
      stats.push(timed(['stats', '--json', '--db', db]));
      report.push(timed(['report', '--db', db, '--out', out]));
    }
    const best = Math.min(...report);
    const base = Math.min(...stats);
    console.log(`database: ${db} (${(statSync(db).size / 1e6).toFixed(0)} MB)`);
    console.log('| | best s | median s |');
    console.log('|---|---|---|');
    console.log(`| vnpress report | ${(best / 1000).toFixed(2)} | ${(median(report) / 1000).toFixed(2)} |`);
    console.log(`| baseline: vnpress stats --json | ${(base / 1000).toFixed(2)} | ${(median(stats) / 1000).toFixed(2)} |`);
    console.log(`report / stats: ${(best / base).toFixed(2)}x; report ${(statSync(out).size / 1024).toFixed(0)} KB; target under 5 s: ${best < 5000 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
