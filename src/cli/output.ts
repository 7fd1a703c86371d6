/**
 * Writing results the way sqlite-utils does: data on stdout as a table for terminals, or --json, --nl
 * (JSON lines), --csv; progress and logs on stderr.
 */
import { toCsvRow } from '../query/csv.js';

export type Format = 'table' | 'json' | 'nl' | 'csv';

export function formatOf(opts: { json?: boolean; nl?: boolean; csv?: boolean }): Format {
  return opts.json ? 'json' : opts.nl ? 'nl' : opts.csv ? 'csv' : 'table';
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Display width of a string: combining marks take no column. */
function width(s: string): number {
  return s.normalize('NFC').replace(/\p{M}/gu, '').length;
}

export function renderTable(rows: readonly Record<string, unknown>[], columns?: readonly string[], maxWidth = 60): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (!cols.length) return '';
  const cut = (s: string) => (width(s) > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const body = rows.map((r) => cols.map((c) => cut(cell(r[c]).replace(/\s+/g, ' '))));
  const widths = cols.map((c, i) => Math.max(width(c), ...body.map((r) => width(r[i]!))));
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** Writes rows to stdout in the chosen format. */
export function writeRows(rows: readonly Record<string, unknown>[], format: Format, columns?: readonly string[]): void {
  const out = process.stdout;
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  switch (format) {
    case 'json':
      out.write(`${JSON.stringify(rows, null, 2)}\n`);
      break;
    case 'nl':
      for (const r of rows) out.write(`${JSON.stringify(r)}\n`);
      break;
    case 'csv':
      out.write('\uFEFF');
      out.write(toCsvRow(cols));
      for (const r of rows) out.write(toCsvRow(cols.map((c) => r[c])));
      break;
    default:
      if (rows.length) out.write(`${renderTable(rows, cols)}\n`);
  }
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
