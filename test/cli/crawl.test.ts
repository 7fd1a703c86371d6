/**
 * `vnpress crawl` as a process: killed with SIGKILL at different instants, then run again. Every URL that was
 * queued or in flight gets fetched, nothing is stored twice, and the database holds exactly what a crawl that
 * was never interrupted stores. Also `--status` on a killed job, `--log-json`, `reextract` and `export-warc`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startMirror, type Mirror } from '../../pipelines/local-mirror.js';
import { openDb } from '../../src/store/db.js';
import { tempDir } from '../helpers.js';

const BIN = join(__dirname, '..', '..', 'bin', 'vnpress.js');
const dir = tempDir();
let mirror: Mirror;
let resolveArgs: string[];

beforeAll(async () => {
  mirror = await startMirror();
  resolveArgs = Object.entries(mirror.resolve).flatMap(([host, origin]) => ['--resolve', `${host}=${origin}`]);
});
afterAll(async () => {
  await mirror.close();
  dir.cleanup();
});

type Event = { type: string; [k: string]: unknown };

/** Runs `vnpress crawl … --log-json`; kills it with SIGKILL once it has fetched `killAfter` pages. */
function crawlProcess(db: string, killAfter: number | null): Promise<{ code: number | null; signal: string | null; events: Event[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'crawl', '--all', '--db', db, '--delay', '5', '--log-json', ...resolveArgs], { cwd: dir.path });
    const events: Event[] = [];
    let stderr = '';
    let fetched = 0;
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const e = JSON.parse(line) as Event;
      events.push(e);
      if (e.type === 'fetched' && ++fetched === killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, events, stderr }));
  });
}

const scalar = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

/** What a database holds, in a form two databases can be compared by. */
function contents(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT url, text_hash FROM articles ORDER BY url').all(),
      claims: scalar(db, 'SELECT COUNT(*) AS n FROM claims'),
      legalRefs: scalar(db, 'SELECT COUNT(*) AS n FROM legal_refs'),
      mentions: scalar(db, 'SELECT COUNT(*) AS n FROM official_mentions'),
      meetings: scalar(db, 'SELECT COUNT(*) AS n FROM meetings'),
      pages: db.prepare('SELECT url FROM pages ORDER BY url').all(),
      documents: db.prepare('SELECT number FROM legal_documents ORDER BY number').all(),
    };
  } finally {
    db.close();
  }
}

describe('a crawl killed with SIGKILL and run again', () => {
  const killed = join(dir.path, 'killed.db');
  const clean = join(dir.path, 'clean.db');
  let final: Awaited<ReturnType<typeof crawlProcess>>;
  const kills: Awaited<ReturnType<typeof crawlProcess>>[] = [];

  beforeAll(async () => {
    // Three kills at different points: among the entry points, in the thick of the articles, near the end.
    for (const at of [3, 25, 50]) kills.push(await crawlProcess(killed, at));
    final = await crawlProcess(killed, null);
    const reference = await crawlProcess(clean, null);
    expect(reference.code).toBe(0);
  }, 90_000);

  it('each kill really killed the process mid-crawl', () => {
    for (const k of kills) {
      expect(k.signal).toBe('SIGKILL');
      expect(k.events.some((e) => e.type === 'summary')).toBe(false);
    }
  });

  it('the next run takes back the URLs the killed one had in flight, at once', () => {
    const start = final.events.find((e) => e.type === 'start')!;
    expect(start.reclaimed as number).toBeGreaterThan(0);
    expect(final.code).toBe(0);
    const summary = final.events.find((e) => e.type === 'summary')!;
    expect(summary).toMatchObject({ failed: 0, pending: 0, interrupted: false });
  });

  it('ends with exactly what an uninterrupted crawl stores: nothing lost, nothing twice', () => {
    const a = contents(killed);
    const b = contents(clean);
    expect(a.articles.length).toBe(mirror.articles.length);
    expect(a).toEqual(b);
    const db = new Database(killed, { readonly: true });
    try {
      expect(scalar(db, "SELECT COUNT(*) AS n FROM frontier WHERE state != 'done'")).toBe(0);
      expect(scalar(db, 'SELECT COUNT(*) AS n FROM articles WHERE page_id IS NULL')).toBe(0);
      expect((db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT status FROM crawl_runs ORDER BY id').all().map((r) => (r as { status: string }).status))
        .toEqual(['interrupted', 'interrupted', 'interrupted', 'finished']);
    } finally {
      db.close();
    }
  });
});

describe('vnpress crawl --status', () => {
  it('tells a killed job from a finished one, and counts the frontier', async () => {
    const db = join(dir.path, 'status.db');
    const k = await crawlProcess(db, 20);
    expect(k.signal).toBe('SIGKILL');
    const st = spawnSync(process.execPath, [BIN, 'crawl', '--status', '--db', db], { encoding: 'utf8' });
    expect(st.status).toBe(0);
    expect(st.stdout).toMatch(/^run 1 of baochinhphu, .*: stopped without closing \(process \d+ on .*\): killed or crashed/);
    expect(st.stdout).toMatch(/run the crawl again to resume/);
    const json = JSON.parse(spawnSync(process.execPath, [BIN, 'crawl', '--status', '--json', '--db', db], { encoding: 'utf8' }).stdout);
    expect(json.run).toMatchObject({ id: 1, state: 'killed' });
    expect(json.totals.done).toBeGreaterThan(0);
    expect(json.totals.leased + json.totals.queued).toBeGreaterThan(0);
    await crawlProcess(db, null);
    const done = JSON.parse(spawnSync(process.execPath, [BIN, 'crawl', '--status', '--json', '--db', db], { encoding: 'utf8' }).stdout);
    expect(done.run).toMatchObject({ id: 2, state: 'finished' });
    expect(done.totals).toMatchObject({ queued: 0, leased: 0, failed: 0 });
  }, 60_000);

  it('says so when no crawl has run, or when there is no database', () => {
    const db = join(dir.path, 'empty.db');
    openDb(db).close();
    const none = spawnSync(process.execPath, [BIN, 'crawl', '--status', '--db', db], { encoding: 'utf8' });
    expect(none.status).toBe(0);
    expect(none.stdout).toMatch(/^no crawl has run on this database yet; start one with `vnpress crawl <source>`/);
    const missing = spawnSync(process.execPath, [BIN, 'crawl', '--status', '--db', join(dir.path, 'missing.db')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/does not exist; run `npm start` or `vnpress crawl` first/);
  });
});

describe('vnpress reextract and export-warc', () => {
  it('re-reads the archive without the network, and writes it as WARC', async () => {
    const db = join(dir.path, 'archive.db');
    const r = await crawlProcess(db, null);
    expect(r.code).toBe(0);
    await mirror.close();
    const re = spawnSync(process.execPath, [BIN, 'reextract', '--db', db], { encoding: 'utf8' });
    expect(re.status).toBe(0);
    expect(re.stderr).toMatch(new RegExp(`re-read ${mirror.articles.length} article pages in [\\d.]+ s: ${mirror.articles.length} articles \\(0 changed\\)`));
    const out = join(dir.path, 'warc');
    const w = spawnSync(process.execPath, [BIN, 'export-warc', '--db', db, '--out', out, '--max-size', '100kB'], { encoding: 'utf8' });
    expect(w.status).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.warc.gz'));
    expect(files.length).toBeGreaterThan(1);
    expect(w.stderr).toMatch(new RegExp(`wrote \\d+ pages to ${files.length} WARC files`));
    mirror = await startMirror();
  }, 60_000);
});

describe('crawl output', () => {
  it('reads sizes, draws the progress line, and sums up failures by cause', async () => {
    const { parseSize, progressLine, summarizeCrawl } = await import('../../src/cli/crawl.js');
    expect([parseSize('10MB'), parseSize('500kB'), parseSize('1048576'), parseSize('1.5 MiB')]).toEqual([10485760, 512000, 1048576, 1572864]);
    expect(() => parseSize('ten')).toThrow(/--max-bytes "ten" is not a size; write it like 10MB/);
    expect(progressLine({ fetched: 1200, articles: 800, failed: 3, retried: 7, queued: 4500, rate: 2.5, etaSeconds: 1800, elapsedSeconds: 480 }))
      .toBe('1200 fetched, 800 articles, 4500 queued, 2.5 pages/s, 3 failed, 7 retries, 8:00 elapsed, ETA 30:00');
    const text = summarizeCrawl({
      runId: 3, fetched: 10, notModified: 2, unchanged: 1, postponed: 0, articles: 5, articlesChanged: 4, failed: 3, retried: 2, skipped: 1, discovered: 12,
      pending: 4, reclaimed: 0, interrupted: true,
      failures: { 'http 404': { count: 2, example: { url: 'https://mpi.gov.vn/x', error: 'https://mpi.gov.vn/x answered HTTP 404' } }, robots: { count: 1, example: { url: 'u', error: 'robots.txt of mpi.gov.vn disallows this URL' } } },
    });
    expect(text.split('\n')).toEqual([
      'crawl interrupted: 10 fetched (2 not modified, 1 unchanged), 5 articles read (4 new or changed), 12 URLs discovered, 2 retries, 3 failed, 1 skipped, 4 still queued',
      'failed or skipped, by cause:',
      '      2  http 404       e.g. https://mpi.gov.vn/x answered HTTP 404',
      '      1  robots         e.g. robots.txt of mpi.gov.vn disallows this URL',
      'run the same command again to continue',
    ]);
  });
});
