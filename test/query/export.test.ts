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
  it('filters claims by metric and qualifier, rows from the articles an official or a document appears in', async () => {
    const all = db.prepare(`SELECT c.id, c.metric_key, c.approx FROM claims c`).all() as { id: number; metric_key: string; approx: string }[];
    const over = all.filter((c) => c.approx === 'over');
    expect(over.length).toBeGreaterThan(0);
    const s = sink();
    const n = await exportTable(db, 'claims', s.out, { format: 'nl', qualifier: 'hơn' });
    expect(n).toBe(over.length);
    expect(new Set(s.text().trim().split('\n').map((x) => JSON.parse(x).id))).toEqual(new Set(over.map((c) => c.id)));

    const key = all[0]!.metric_key.split('|')[0];
    const m = sink();
    const nm = await exportTable(db, 'claims', m.out, { format: 'nl', metric: key });
    expect(nm).toBe(all.filter((c) => c.metric_key === key || c.metric_key.startsWith(`${key}|`)).length);

    const person = db.prepare(`SELECT p.id, p.name FROM persons p JOIN official_mentions m ON m.person_id = p.id
      GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1`).get() as { id: number; name: string };
    const articleIds = (db.prepare('SELECT DISTINCT article_id FROM official_mentions WHERE person_id = ?').all(person.id) as { article_id: number }[]).map((r) => r.article_id);
    const meetings = sink();
    const nMeetings = await exportTable(db, 'meetings', meetings.out, { format: 'nl', official: person.name });
    expect(nMeetings).toBe((db.prepare(`SELECT COUNT(*) AS n FROM meetings WHERE article_id IN (${articleIds.join(',')})`).get() as { n: number }).n);
  });
  it('in the officials and documents tables, --official and --document pick that person and that document', async () => {
    const person = db.prepare(`SELECT p.name FROM persons p JOIN official_mentions m ON m.person_id = p.id
      GROUP BY p.id ORDER BY COUNT(*) DESC LIMIT 1`).get() as { name: string };
    const o = sink();
    const n = await exportTable(db, 'officials', o.out, { format: 'nl', official: person.name });
    expect(n).toBeGreaterThan(0);
    expect(new Set(o.text().trim().split('\n').map((x) => JSON.parse(x).name))).toEqual(new Set([person.name]));

    const doc = db.prepare(`SELECT d.number FROM legal_documents d JOIN legal_refs r ON r.document_id = d.id
      GROUP BY d.id ORDER BY COUNT(*) DESC LIMIT 1`).get() as { number: string };
    const d = sink();
    // Typed without the Đ, as a user on a plain keyboard would.
    expect(await exportTable(db, 'documents', d.out, { format: 'nl', document: doc.number.replace(/Đ/g, 'D') })).toBe(1);
    expect(JSON.parse(d.text()).number).toBe(doc.number);
  });
  it('--metric outside claims, and an unknown official, are InputErrors that say what to do', async () => {
    await expect(exportTable(db, 'articles', sink().out, { format: 'csv', metric: 'cpi' })).rejects.toThrow(/export claims/);
    await expect(exportTable(db, 'claims', sink().out, { format: 'csv', official: 'Không Ai Cả' })).rejects.toThrow(/vnpress officials/);
    await expect(exportTable(db, 'claims', sink().out, { format: 'csv', qualifier: 'maybe' })).rejects.toThrow(/hơn/);
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
