/** `vnpress export <table>`: stream a table as CSV (default), JSON or JSON lines. */
import { openDb } from '../store/db.js';
import { exportTable } from '../query/export.js';

export async function runExport(table: string, opts: { db: string; json?: boolean; nl?: boolean; csv?: boolean; source?: string; since?: string; until?: string }): Promise<void> {
  const db = openDb(opts.db, { readonly: true });
  try {
    const format = opts.json ? 'json' : opts.nl ? 'nl' : 'csv';
    const n = await exportTable(db, table, process.stdout, { format, source: opts.source, since: opts.since, until: opts.until });
    process.stderr.write(`${n} ${table} exported\n`);
  } finally {
    db.close();
  }
}
