import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openDb, type Db } from '../../src/store/db.js';
import { tempDir } from '../helpers.js';
import { exportTable, EXPORTS } from '../../src/query/export.js';
import { InputError } from '../../src/errors.js';
import { fixtureDb } from './fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

function sink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  return { out: new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } }), text: () => chunks.join('') };
}

describe('exportTable', () => {
  it('writes CSV with a BOM, a header and one line per row', async () => {
    const s = sink();
    const n = await exportTable(db, 'claims', s.out, { format: 'csv' });
    const text = s.text();
    expect(text.startsWith('\uFEFFid,metric,metric_key,value,unit')).toBe(true);
    expect(n).toBe((db.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n);
    expect(text).toContain(',7.72,%,');
  });
  it('writes valid JSON and JSON lines for every table', async () => {
    for (const table of Object.keys(EXPORTS)) {
      const j = sink();
      const n = await exportTable(db, table, j.out, { format: 'json' });
      expect(JSON.parse(j.text())).toHaveLength(n);
      const l = sink();
      await exportTable(db, table, l.out, { format: 'nl' });
      expect(l.text().trim().split('\n').map((x) => JSON.parse(x))).toHaveLength(n);
    }
  });
  it('filters by source and dates', async () => {
    const s = sink();
    const n = await exportTable(db, 'articles', s.out, { format: 'nl', source: 'mpi', since: '2024-01-01' });
    const rows = s.text().trim().split('\n').map((x) => JSON.parse(x));
    expect(n).toBeGreaterThan(0);
    expect(rows.every((r) => r.source === 'mpi' && r.published_at >= '2024-01-01')).toBe(true);
  });
  it('an unknown table is an InputError naming the choices', async () => {
    await expect(exportTable(db, 'people', sink().out, { format: 'csv' })).rejects.toThrow(InputError);
    await expect(exportTable(db, 'people', sink().out, { format: 'csv' })).rejects.toThrow(/articles, claims, officials, documents, meetings/);
  });
});

describe('exportTable at scale', () => {
  /** A forced collection, so that heap sizes compare live objects, not garbage awaiting collection. */
  function collect(): void {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
  }

  it('streams 200,000 claims to a file with flat memory and bounded buffering', async () => {
    const big = openDb(':memory:');
    const dir = tempDir();
    try {
      big.exec(`INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES ('mpi', 'Bộ Kế hoạch và Đầu tư', '["mpi.gov.vn"]', 'vi', '2024-01-01');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
        INSERT INTO articles (id, url, source_id, title, published_at, text, method, text_hash, extracted_at)
          SELECT i, 'https://mpi.gov.vn/bai-' || i || '.htm', 'mpi', 'Tăng trưởng GDP quý ' || (i % 4 + 1), printf('2024-%02d-%02dT08:00:00+07:00', i % 12 + 1, i % 28 + 1),
            'GDP tăng 7,72% so với cùng kỳ năm trước.', 'profile', 'h' || i, '2024-01-01T00:00:00Z' FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
        INSERT INTO claims (id, article_id, metric, metric_key, value, unit, approx, period, change, comparison, source, sentence, span_start, span_end, quote)
          SELECT i, i % 2000 + 1, 'GDP', 'gdp-growth|rate', 7.72 + i % 100, '%', 'exact', '2024-Q' || (i % 4 + 1), 'up', 'so với cùng kỳ năm trước',
            'Tổng cục Thống kê', 'GDP tăng ' || i || '%, "theo báo cáo", so với cùng kỳ năm trước.', 4, 8, '7,72' FROM n;`);
      const file = join(dir.path, 'claims.csv');
      const out = createWriteStream(file);
      // Backpressure: what the stream holds unwritten never grows past its buffer and a row.
      let maxBuffered = 0;
      const write = out.write.bind(out) as (chunk: string) => boolean;
      out.write = ((chunk: string) => { const ok = write(chunk); maxBuffered = Math.max(maxBuffered, out.writableLength); return ok; }) as typeof out.write;
      collect();
      const before = process.memoryUsage().heapUsed;
      const n = await exportTable(big, 'claims', out, { format: 'csv' });
      out.end();
      await once(out, 'finish');
      collect();
      const grown = process.memoryUsage().heapUsed - before;
      expect(n).toBe(200_000);
      expect(grown).toBeLessThan(4 * 1024 * 1024);
      expect(maxBuffered).toBeLessThan(out.writableHighWaterMark + 4096);
      // One header and one CRLF-ended line per row (no cell here holds a line break), counted as the file streams
      // by: by their "\n", which a chunk boundary cannot split.
      let lines = 0;
      let first = '';
      for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
        if (!first) first = (chunk as string).slice(0, 600);
        lines += (chunk as string).split('\n').length - 1;
      }
      expect(lines).toBe(200_001);
      expect(first.startsWith('\uFEFFid,metric,metric_key,value,unit')).toBe(true);
      expect(first).toMatch(/"GDP tăng \d+%, ""theo báo cáo"", so với cùng kỳ năm trước\."/);
    } finally {
      big.close();
      dir.cleanup();
    }
  }, 120_000);
});
