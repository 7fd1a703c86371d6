/**
 * Streaming export of a table as CSV (RFC 4180, UTF-8 with BOM, ISO dates, "." decimals, formulas
 * neutralized), JSON or JSON lines. Rows are read with a cursor and written as they come, so memory stays
 * flat however many rows there are; writing waits for the output to drain.
 */
import type { Writable } from 'node:stream';
import type { Db } from '../store/db.js';
import { toCsvRow } from './csv.js';
import { InputError } from '../errors.js';
import { filterSql, type Filters } from './filters.js';

export const EXPORTS: Readonly<Record<string, { sql: string; columns: string[] }>> = {
  articles: {
    sql: `SELECT a.id, a.url, a.source_id AS source, a.title, a.published_at, a.author, a.category, a.lang, length(a.text) AS chars
      FROM articles a WHERE 1 = 1 %FILTERS% ORDER BY a.published_at, a.id`,
    columns: ['id', 'url', 'source', 'title', 'published_at', 'author', 'category', 'lang', 'chars'],
  },
  claims: {
    sql: `SELECT c.id, c.metric, c.metric_key, c.value, c.unit, c.approx, c.period, c.change, c.comparison, c.source AS attributed_to, c.sentence,
        a.published_at, a.source_id AS source, a.title AS article_title, a.url AS article_url, c.span_start, c.span_end
      FROM claims c JOIN articles a ON a.id = c.article_id WHERE 1 = 1 %FILTERS% ORDER BY a.published_at, c.id`,
    columns: ['id', 'metric', 'metric_key', 'value', 'unit', 'approx', 'period', 'change', 'comparison', 'attributed_to', 'sentence', 'published_at', 'source', 'article_title', 'article_url', 'span_start', 'span_end'],
  },
  officials: {
    sql: `SELECT p.name, t.title, MIN(substr(a.published_at, 1, 10)) AS first_seen, MAX(substr(a.published_at, 1, 10)) AS last_seen,
        COUNT(DISTINCT a.id) AS articles
      FROM official_titles t JOIN persons p ON p.id = t.person_id JOIN articles a ON a.id = t.article_id WHERE 1 = 1 %FILTERS%
      GROUP BY p.id, t.title ORDER BY p.name, first_seen`,
    columns: ['name', 'title', 'first_seen', 'last_seen', 'articles'],
  },
  documents: {
    sql: `SELECT d.number, d.type, d.issued_on, d.issuer, d.subject, COUNT(DISTINCT a.id) AS articles,
        MIN(substr(a.published_at, 1, 10)) AS first_cited, MAX(substr(a.published_at, 1, 10)) AS last_cited
      FROM legal_documents d JOIN legal_refs r ON r.document_id = d.id JOIN articles a ON a.id = r.article_id WHERE 1 = 1 %FILTERS%
      GROUP BY d.id ORDER BY articles DESC, d.number`,
    columns: ['number', 'type', 'issued_on', 'issuer', 'subject', 'articles', 'first_cited', 'last_cited'],
  },
  meetings: {
    sql: `SELECT m.id, m.kind, m.ordinal, m.body, m.date, m.chair, m.mode, m.location, m.purpose,
        (SELECT group_concat(value, '; ') FROM json_each(m.participants)) AS participants, a.published_at, a.source_id AS source,
        a.title AS article_title, a.url AS article_url
      FROM meetings m JOIN articles a ON a.id = m.article_id WHERE 1 = 1 %FILTERS% ORDER BY COALESCE(m.date, a.published_at), m.id`,
    columns: ['id', 'kind', 'ordinal', 'body', 'date', 'chair', 'mode', 'location', 'purpose', 'participants', 'published_at', 'source', 'article_title', 'article_url'],
  },
};

export interface ExportOptions extends Filters {
  format: 'csv' | 'json' | 'nl';
}

/**
 * The filters narrow the articles a row comes from (source, dates, an official named, a document cited);
 * --metric, --qualifier, --period and --unit apply to claims only. In the officials and documents tables --official and
 * --document also pick the rows themselves: that person's titles, that document's line, rather than
 * everyone named beside them.
 */
function tableFilter(db: Db, table: string, options: ExportOptions): { sql: string; params: Record<string, string | null> } {
  if ((options.metric || options.qualifier || options.period || options.unit) && table !== 'claims') {
    throw new InputError(`--metric, --qualifier, --period and --unit filter claims; \`vnpress export claims\` takes them, ${table} does not`);
  }
  const f = filterSql(db, options, { claims: table === 'claims' });
  let sql = f.sql;
  if (table === 'officials' && f.params.f_persons) sql += ' AND p.id IN (SELECT value FROM json_each(@f_persons))';
  if (table === 'documents' && f.params.f_docs) sql += ' AND d.id IN (SELECT value FROM json_each(@f_docs))';
  return { sql, params: f.params };
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Streams a table to `out`; returns the number of rows written. */
export async function exportTable(db: Db, table: string, out: Writable, options: ExportOptions): Promise<number> {
  const spec = EXPORTS[table];
  if (!spec) throw new InputError(`unknown table "${table}"; choose one of ${Object.keys(EXPORTS).join(', ')}`);
  const { sql, params } = tableFilter(db, table, options);
  const stmt = db.prepare(spec.sql.replace('%FILTERS%', sql));
  let n = 0;
  if (options.format === 'csv') await write(out, `\uFEFF${toCsvRow(spec.columns)}`);
  if (options.format === 'json') await write(out, '[');
  for (const row of stmt.iterate(params) as Iterable<Record<string, unknown>>) {
    if (options.format === 'csv') await write(out, toCsvRow(spec.columns.map((c) => row[c])));
    else if (options.format === 'nl') await write(out, `${JSON.stringify(row)}\n`);
    else await write(out, `${n ? ',' : ''}\n${JSON.stringify(row)}`);
    n++;
  }
  if (options.format === 'json') await write(out, n ? '\n]\n' : ']\n');
  return n;
}
