/** `vnpress export <table>`: stream a table as CSV (default), JSON or JSON lines. */
import { openDb } from '../store/db.js';
import { exportTable } from '../query/export.js';
import type { Filters } from '../query/filters.js';

export async function runExport(table: string, opts: Filters & { db: string; json?: boolean; nl?: boolean; csv?: boolean }): Promise<void> {
  const db = openDb(opts.db, { readonly: true });
  try {
    const format = opts.json ? 'json' : opts.nl ? 'nl' : 'csv';
    const n = await exportTable(db, table, process.stdout, { ...opts, format });
    process.stderr.write(`${n} ${table} exported\n`);
  } finally {
    db.close();
  }
}
