/** `vnpress stats`: what the database holds. */
import { openDb } from '../store/db.js';
import { readStats, type DbStats } from '../query/stats.js';
import { renderTable } from './output.js';

export function formatStats(s: DbStats): string {
  const lines = [
    `pages fetched  ${s.pages}`,
    `articles       ${s.articles}`,
    `facts          ${s.facts.legalRefs} legal references (${s.facts.documents} documents), ${s.facts.officials} official mentions (${s.facts.persons} persons), ${s.facts.meetings} meetings, ${s.facts.claims} claims`,
  ];
  if (s.bySource.length) lines.push('', 'Articles by source', renderTable(s.bySource));
  if (s.topDocuments.length) lines.push('', 'Most-cited legal documents', renderTable(s.topDocuments));
  if (s.topOfficials.length) lines.push('', 'Officials found', renderTable(s.topOfficials));
  return lines.join('\n');
}

export function runStats(opts: { db: string; json?: boolean }): void {
  const db = openDb(opts.db, { readonly: true });
  try {
    const s = readStats(db, opts.json ? 20 : 5);
    process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : `${formatStats(s)}\n`);
  } finally {
    db.close();
  }
}
