/**
 * `vnpress trend`: the run functions called as the CLI calls them, stdout captured, on a database file
 * written for the test; and the compiled command as a user runs it (npm test builds first).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openDb } from '../../src/store/db.js';
import { canonicalKey, foldKey } from '../../src/text/normalize.js';
import { InputError } from '../../src/errors.js';
import { runTrendMentions, runTrendMetric, runTrendTerms } from '../../src/cli/trend.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('vnpress-trend-');
const DB = join(dir.path, 'trend.db');

beforeAll(() => {
  const db = openDb(DB);
  for (const id of ['baochinhphu', 'mpi']) db.prepare("INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES (?, ?, '[]', 'vi', '2025-01-01')").run(id, id);
  db.prepare("INSERT INTO persons (person_key, name) VALUES (?, 'Tô Lâm')").run(canonicalKey('Tô Lâm'));
  const rows: [string, string, string, number][] = [
    ['baochinhphu', '2024-04-10', 'Tổng Bí thư Tô Lâm chủ trì. Chuyển đổi số quốc gia.', 5.66],
    ['mpi', '2024-04-12', 'Tô Lâm phát biểu. Chuyển đổi số doanh nghiệp.', 5.7],
  ];
  rows.forEach(([source, day, text, value], i) => {
    const id = i + 1;
    db.prepare(`INSERT INTO articles (id, url, source_id, title, published_at, text, method, text_hash, extracted_at)
      VALUES (?, ?, ?, NULL, ?, ?, 'text', ?, '2025-01-01')`).run(id, `https://${source}.vn/tin-${id}.htm`, source, `${day}T08:00:00+07:00`, text, `h${id}`);
    db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?, '', ?)").run(id, foldKey(text));
    db.prepare("INSERT INTO official_mentions (article_id, person_id, mentions, span_start, span_end, quote) VALUES (?, 1, 1, 0, 6, 'Tô Lâm')").run(id);
    db.prepare(`INSERT INTO claims (article_id, metric, metric_key, value, unit, approx, period, sentence, span_start, span_end, quote)
      VALUES (?, 'GDP', 'gdp-growth|rate', ?, '%', 'exact', '2024-Q1', '', 0, 1, '')`).run(id, value);
  });
  db.close();
});
afterAll(() => dir.cleanup());

let out = '';
function capture(): void {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => { out += String(chunk); return true; }) as typeof process.stdout.write);
}
afterEach(() => vi.restoreAllMocks());

describe('runTrendMetric', () => {
  it('prints the series and the conflict as tables', () => {
    capture();
    runTrendMetric('tang truong GDP', { db: DB });
    expect(out).toContain('Tăng trưởng GDP (gdp-growth|rate): 2 figures, 1 period with conflicting values');
    expect(out).toMatch(/2024-Q1 +5\.66 +% +baochinhphu +2024-04-10 +yes/);
    expect(out).toContain('conflict for 2024-Q1 in %:');
    expect(out).toContain('https://mpi.vn/tin-2.htm');
  });
  it('writes CSV rows with the conflicting values spelled out', () => {
    capture();
    runTrendMetric('gdp-growth', { db: DB, csv: true });
    const lines = out.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('period,value,qualifier,unit,comparison,source,published_at,url,others,conflict,conflicting,metric_key');
    expect(lines[1]).toContain('5.66');
    expect(lines[1]).toContain('5.7 % (mpi 2024-04-12)');
  });
  it('gives the whole answer as JSON', () => {
    capture();
    runTrendMetric('gdp-growth', { db: DB, json: true });
    const s = JSON.parse(out);
    expect(s.conflicts[0].values.map((v: { value: number }) => v.value)).toEqual([5.7, 5.66]);
  });
  it('refuses an unknown metric, naming the closest known ones', () => {
    expect(() => runTrendMetric('gdp-grwth', { db: DB })).toThrow(InputError);
    expect(() => runTrendMetric('gdp-grwth', { db: DB })).toThrow(/closest known: gdp-growth/);
  });
});

describe('runTrendMentions', () => {
  it('prints a zero-filled weekly series as JSON lines', () => {
    capture();
    runTrendMentions({ db: DB, official: 'To Lam', every: 'week', since: '2024-04-01', until: '2024-04-21', nl: true });
    expect(out.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { period: '2024-W14', from: '2024-04-01', to: '2024-04-07', articles: 0, stories: 0 },
      { period: '2024-W15', from: '2024-04-08', to: '2024-04-14', articles: 2, stories: 2 },
      { period: '2024-W16', from: '2024-04-15', to: '2024-04-21', articles: 0, stories: 0 },
    ]);
  });
  it('asks for --official, --document or --term', () => {
    expect(() => runTrendMentions({ db: DB })).toThrow(InputError);
    expect(() => runTrendMentions({ db: DB, term: 'x', every: 'day' })).toThrow(/week or month/);
  });
});

describe('runTrendTerms', () => {
  it('lists each month\'s top phrases', () => {
    capture();
    runTrendTerms({ db: DB, every: 'month', limit: '2', json: true });
    expect(JSON.parse(out).map((t: { term: string }) => t.term)).toEqual(['chuyển đổi', 'tô lâm']);
  });
});

describe('vnpress trend (compiled CLI)', () => {
  const BIN = join(__dirname, '..', '..', 'bin', 'vnpress.js');
  const vnpress = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  it('runs trend metric, trend mentions and trend terms', () => {
    const metric = vnpress('trend', 'metric', 'gdp-growth', '--db', DB, '--json');
    expect(metric.status).toBe(0);
    expect(JSON.parse(metric.stdout).keys).toEqual(['gdp-growth|rate']);
    const mentions = vnpress('trend', 'mentions', '--term', 'chuyển đổi số', '--every', 'month', '--db', DB, '--csv');
    expect(mentions.status).toBe(0);
    expect(mentions.stdout).toContain('2024-04,2024-04-01,2024-04-30,2,2');
    expect(vnpress('trend', 'terms', '--db', DB, '--nl').status).toBe(0);
  });
  it('exits 2 with one line for an unknown metric', () => {
    const r = vnpress('trend', 'metric', 'gdp-grwth', '--db', DB);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('closest known: gdp-growth');
  });
});
