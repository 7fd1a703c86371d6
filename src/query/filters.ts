/**
 * The filters every listing shares (search, claims, export): source, date range, an official, a legal
 * document, a metric, a qualifier. Each becomes a SQL condition with named parameters; an official or a
 * document the database does not know is an InputError that says how to find the right name, not an empty
 * result that looks like "no articles".
 */
import type { Db } from '../store/db.js';
import type { Approx } from '../types.js';
import { InputError } from '../errors.js';
import { findPersons } from './officials.js';
import { findDocumentIds } from './documents.js';
import { foldKey } from '../text/normalize.js';

export interface Filters {
  source?: string | null;
  /** Published on or after (YYYY-MM-DD). */
  since?: string | null;
  /** Published on or before (YYYY-MM-DD). */
  until?: string | null;
  /** Articles naming this official (with or without diacritics). */
  official?: string | null;
  /** Articles citing this legal document ("13/2023/NĐ-CP", "13/2023/ND-CP"). */
  document?: string | null;
  /** Claims of this metric: a catalog key ("gdp-growth"), a full key ("exports|usd"). */
  metric?: string | null;
  /** Claims with this qualifier: a code ("over") or the Vietnamese word ("hơn"). */
  qualifier?: string | null;
}

export interface SqlFilter {
  /** Conditions to append after WHERE …: each starts with AND. */
  sql: string;
  params: Record<string, string | null>;
  /** The persons' names and the documents' numbers the --official and --document filters matched. */
  officials: string[];
  documents: string[];
}

/** The qualifier words of the articles, folded, and their codes: what a user may type. */
const QUALIFIERS: Record<string, Approx> = {
  exact: 'exact', over: 'over', under: 'under', about: 'about', nearly: 'nearly', at_least: 'at_least', at_most: 'at_most',
  'hon': 'over', 'tren': 'over', 'vuot': 'over', 'duoi': 'under', 'chua den': 'under', 'khoang': 'about', 'xap xi': 'about',
  'uoc': 'about', 'gan': 'nearly', 'it nhat': 'at_least', 'toi thieu': 'at_least', 'tu': 'at_least', 'toi da': 'at_most',
  'khong qua': 'at_most', 'chinh xac': 'exact',
};

export function parseQualifier(text: string): Approx {
  const q = QUALIFIERS[foldKey(text).replace(/[-\s]+/g, ' ').trim()] ?? QUALIFIERS[text.trim().toLowerCase()];
  if (!q) {
    throw new InputError(`--qualifier "${text}" is not one vnpress knows; use exact, over (hơn), under (dưới), about (khoảng), nearly (gần), at_least (ít nhất) or at_most (không quá)`);
  }
  return q;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Conditions on an article aliased `a` (and, with claims, on a claim aliased `c`). */
export function filterSql(db: Db, f: Filters, opts: { claims?: boolean } = {}): SqlFilter {
  const parts: string[] = [];
  const params: Record<string, string | null> = {};
  const officials: string[] = [];
  const documents: string[] = [];
  for (const [name, value] of [['since', f.since], ['until', f.until]] as const) {
    if (value && !DATE.test(value)) throw new InputError(`--${name} "${value}" is not a date; write it as YYYY-MM-DD`);
  }
  if (f.source) { parts.push('a.source_id = @f_source'); params.f_source = f.source; }
  if (f.since) { parts.push('a.published_at >= @f_since'); params.f_since = f.since; }
  if (f.until) { parts.push('substr(a.published_at, 1, 10) <= @f_until'); params.f_until = f.until; }
  if (f.official) {
    const persons = findPersons(db, f.official);
    if (!persons.length) throw new InputError(`no official named "${f.official}" in the database; \`vnpress officials\` lists the names it knows`);
    parts.push('EXISTS (SELECT 1 FROM official_mentions m WHERE m.article_id = a.id AND m.person_id IN (SELECT value FROM json_each(@f_persons)))');
    params.f_persons = JSON.stringify(persons.map((p) => p.id));
    officials.push(...new Set(persons.map((p) => p.name)));
  }
  if (f.document) {
    const docs = findDocumentIds(db, f.document);
    if (!docs.length) throw new InputError(`no legal document numbered "${f.document}" in the database; write it as in the articles, e.g. 13/2023/NĐ-CP (ND for NĐ works)`);
    parts.push('EXISTS (SELECT 1 FROM legal_refs r WHERE r.article_id = a.id AND r.document_id IN (SELECT value FROM json_each(@f_docs)))');
    params.f_docs = JSON.stringify(docs);
    const number = db.prepare<[number], { number: string }>('SELECT number FROM legal_documents WHERE id = ?');
    documents.push(...new Set(docs.map((id) => number.get(id)!.number)));
  }
  if (f.metric || f.qualifier) {
    if (!opts.claims) throw new InputError('--metric and --qualifier filter claims: add --in claims');
    if (f.metric) {
      // A catalog key matches it with any unit class ("exports" finds "exports|usd" and "exports|rate").
      parts.push("(c.metric_key = @f_metric OR c.metric_key LIKE @f_metric || '|%')");
      params.f_metric = f.metric.trim();
    }
    if (f.qualifier) { parts.push('c.approx = @f_approx'); params.f_approx = parseQualifier(f.qualifier); }
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params, officials, documents };
}
