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
  /** Claims of this period, or of periods it starts: "2024" matches 2024, 2024-Q1, 2024-H1, 2024-06 … */
  period?: string | null;
  /** Claims in this unit ("%", "USD"). */
  unit?: string | null;
}

/** The filters checked and resolved: what the SQL below, and the columns kept in memory (claim-scan.ts), test. */
export interface ParsedFilters {
  source: string | null;
  since: string | null;
  until: string | null;
  /** The persons an --official names, the documents a --document names (ids), null when not filtered. */
  persons: number[] | null;
  documents: number[] | null;
  metric: string | null;
  approx: Approx | null;
  period: string | null;
  unit: string | null;
  /** The persons' names and the documents' numbers matched, to show. */
  officials: string[];
  documentNumbers: string[];
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

/**
 * Checks the filters and resolves them: dates must be dates, an official or a document must be one the
 * database knows, a qualifier one of the words, a period a period. `claims`: the claim filters are allowed.
 */
export function parseFilters(db: Db, f: Filters, opts: { claims?: boolean } = {}): ParsedFilters {
  for (const [name, value] of [['since', f.since], ['until', f.until]] as const) {
    if (value && !DATE.test(value)) throw new InputError(`--${name} "${value}" is not a date; write it as YYYY-MM-DD`);
  }
  const p: ParsedFilters = {
    source: f.source || null, since: f.since || null, until: f.until || null, persons: null, documents: null,
    metric: null, approx: null, period: null, unit: null, officials: [], documentNumbers: [],
  };
  if (f.official) {
    const persons = findPersons(db, f.official);
    if (!persons.length) throw new InputError(`no official named "${f.official}" in the database; \`vnpress officials\` lists the names it knows`);
    p.persons = persons.map((x) => x.id);
    p.officials = [...new Set(persons.map((x) => x.name))];
  }
  if (f.document) {
    const docs = findDocumentIds(db, f.document);
    if (!docs.length) throw new InputError(`no legal document numbered "${f.document}" in the database; write it as in the articles, e.g. 13/2023/NĐ-CP (ND for NĐ works)`);
    p.documents = docs;
    const number = db.prepare<[number], { number: string }>('SELECT number FROM legal_documents WHERE id = ?');
    p.documentNumbers = [...new Set(docs.map((id) => number.get(id)!.number))];
  }
  if (f.metric || f.qualifier || f.period || f.unit) {
    if (!opts.claims) throw new InputError('--metric, --qualifier, --period and --unit filter claims: add --in claims');
    // Catalog keys are lower case ("gdp-growth", "exports|usd"): "CPI" is typed as often as "cpi".
    if (f.metric?.trim()) p.metric = f.metric.trim().toLowerCase();
    if (f.qualifier) p.approx = parseQualifier(f.qualifier);
    if (f.period) {
      if (!/^\d{4}(?:-[\w/-]+)?$/.test(f.period)) throw new InputError(`--period "${f.period}" is not a period; write 2024, 2024-Q2, 2024-H1 or 2024-06`);
      p.period = f.period;
    }
    if (f.unit) p.unit = f.unit;
  }
  return p;
}

/**
 * A key and the keys it starts, before `sep`: "exports" and "exports|usd", "2024" and "2024-Q1". As a range of
 * the binary collation (`sep` and the character after it), so that it is exact and can use an index, where
 * LIKE would ignore case and read `_` as any character.
 */
function keyOrChild(column: string, param: string, sep: '|' | '-'): string {
  const next = String.fromCharCode(sep.charCodeAt(0) + 1);
  return `(${column} = @${param} OR (${column} >= @${param} || '${sep}' AND ${column} < @${param} || '${next}'))`;
}

/** Conditions on an article aliased `a` (and, with claims, on a claim aliased `c`). */
export function filterSql(db: Db, f: Filters, opts: { claims?: boolean } = {}): SqlFilter {
  const p = parseFilters(db, f, opts);
  const parts: string[] = [];
  const params: Record<string, string | null> = {};
  if (p.source) { parts.push('a.source_id = @f_source'); params.f_source = p.source; }
  if (p.since) { parts.push('a.published_at >= @f_since'); params.f_since = p.since; }
  if (p.until) { parts.push('substr(a.published_at, 1, 10) <= @f_until'); params.f_until = p.until; }
  if (p.persons) {
    parts.push('EXISTS (SELECT 1 FROM official_mentions m WHERE m.article_id = a.id AND m.person_id IN (SELECT value FROM json_each(@f_persons)))');
    params.f_persons = JSON.stringify(p.persons);
  }
  if (p.documents) {
    parts.push('EXISTS (SELECT 1 FROM legal_refs r WHERE r.article_id = a.id AND r.document_id IN (SELECT value FROM json_each(@f_docs)))');
    params.f_docs = JSON.stringify(p.documents);
  }
  // A catalog key matches it with any unit class ("exports" finds "exports|usd" and "exports|rate").
  if (p.metric) { parts.push(keyOrChild('c.metric_key', 'f_metric', '|')); params.f_metric = p.metric; }
  if (p.approx) { parts.push('c.approx = @f_approx'); params.f_approx = p.approx; }
  if (p.period) { parts.push(keyOrChild('c.period', 'f_period', '-')); params.f_period = p.period; }
  if (p.unit) { parts.push('c.unit = @f_unit'); params.f_unit = p.unit; }
  return { sql: parts.map((x) => ` AND ${x}`).join(''), params, officials: p.officials, documents: p.documentNumbers };
}
