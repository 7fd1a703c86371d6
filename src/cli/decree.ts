/** `vnpress decree <number>`: a legal document and the articles citing it, by date. */
import { openDb } from '../store/db.js';
import { findDocuments } from '../query/documents.js';
import { formatOf, writeRows } from './output.js';
import { VnpressError } from '../errors.js';

export function runDecree(number: string, opts: { db: string; json?: boolean; nl?: boolean; csv?: boolean }): void {
  const db = openDb(opts.db, { readonly: true });
  try {
    const docs = findDocuments(db, number);
    if (!docs.length) throw new VnpressError(`no article in ${opts.db} cites ${number}; check the number (e.g. 42/2022/NĐ-CP) or crawl more sources`);
    const format = formatOf(opts);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(docs, null, 2)}\n`);
      return;
    }
    const rows = docs.flatMap((d) => d.citations.map((c) => ({
      number: d.number, type: d.type, issued_on: d.issued_on, published_at: c.published_at?.slice(0, 10) ?? null, source: c.source, title: c.title, url: c.url,
    })));
    if (format === 'table') {
      for (const d of docs) {
        process.stdout.write(`${d.type ?? 'Văn bản'} ${d.number}${d.issued_on ? ` ngày ${d.issued_on}` : ''}${d.issuer ? ` của ${d.issuer}` : ''}\n`);
        if (d.subject) process.stdout.write(`${d.subject}\n`);
        process.stdout.write(`cited by ${d.citations.length} article${d.citations.length === 1 ? '' : 's'}:\n`);
      }
      writeRows(rows.map(({ published_at, source, title, url }) => ({ published_at, source, title, url })), 'table');
      return;
    }
    writeRows(rows, format);
  } finally {
    db.close();
  }
}
