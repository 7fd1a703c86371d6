import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import type { Db } from '../../src/store/db.js';
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
