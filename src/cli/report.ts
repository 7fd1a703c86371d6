/**
 * `vnpress report --out report.html`: the database's findings as one self-contained HTML file with SVG charts
 * (metric series, most-cited documents, officials by mentions, meetings by month, crawl coverage). The file is
 * written beside its destination and renamed into place, so an interrupted run never leaves half a report.
 */
import { renameSync, writeFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDb } from '../store/db.js';
import { reportData } from '../query/report-data.js';
import { renderReport } from '../report/html.js';
import { InputError } from '../errors.js';

export interface ReportCliOptions {
  db: string;
  out: string;
  since?: string;
  until?: string;
  source?: string;
  metric?: string[];
  top?: string;
}

export function runReport(opts: ReportCliOptions): void {
  const started = performance.now();
  const db = openDb(opts.db, { readonly: true });
  let html: string;
  let summary: string;
  try {
    const top = opts.top === undefined ? undefined : Number(opts.top);
    if (top !== undefined && !(Number.isInteger(top) && top > 0)) throw new InputError(`--top must be a whole number above 0, not "${opts.top}"`);
    const data = reportData(db, { since: opts.since, until: opts.until, source: opts.source, metrics: opts.metric, top });
    html = renderReport(data);
    summary = `${data.totals.articles} articles, ${data.metrics.length} metric charts, ${data.documents.length} documents, ${data.officials.length} officials`;
  } finally {
    db.close();
  }
  if (opts.out === '-') {
    process.stdout.write(html);
  } else {
    const out = resolve(opts.out);
    const tmp = `${out}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, html);
      renameSync(tmp, out);
    } catch (e) {
      rmSync(tmp, { force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EROFS' || code === 'EISDIR' || code === 'ENOTDIR') {
        throw new InputError(`cannot write the report to ${opts.out} (${code}); check that its folder exists and is writable`);
      }
      throw e;
    }
  }
  process.stderr.write(`${opts.out === '-' ? 'report' : opts.out}: ${summary}, ${(html.length / 1024).toFixed(0)} KB, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
