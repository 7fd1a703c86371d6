/**
 * CSV cells per RFC 4180 (quote when needed, double the quotes, CRLF line ends), with cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) neutralized by a leading
 * apostrophe (OWASP's advice for CSV injection). Numbers stay numbers: "-2.3" is not a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else if (typeof value === 'object') s = JSON.stringify(value);
  else s = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
