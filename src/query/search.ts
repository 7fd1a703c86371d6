/**
 * Full-text search over the accent-folded FTS indexes. User input is quoted term by term (so FTS syntax in a
 * search box is just text); --raw passes FTS5 syntax through, and a malformed raw query becomes an
 * InputError with one line to show. Snippets are cut from the original text: the folded copy has the same
 * length, character for character, so offsets found in it are valid in the original.
 */
import type { Db } from '../store/db.js';
import { foldKey, foldSameLength } from '../text/normalize.js';
import { InputError } from '../errors.js';
import { filterSql, type Filters } from './filters.js';

export interface SearchOptions extends Filters {
  in?: 'articles' | 'claims' | 'officials' | 'documents';
  raw?: boolean;
  exact?: boolean;
  limit?: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  url: string;
  source: string | null;
  published_at: string | null;
  snippet: string;
  rank: number;
  /** For claims: the figure. */
  value?: number;
  unit?: string;
  metric?: string;
  approx?: string;
  period?: string | null;
  /** For officials and documents: how many articles name them. */
  articles?: number;
}

/** Turns user words into a safe FTS5 query: each word quoted, a trailing * kept as a prefix search, "phrases" kept. */
export function toFtsQuery(input: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) {
    const phrase = m[1] !== undefined ? foldKey(m[1]) : null;
    if (phrase) { parts.push(`"${phrase.replace(/"/g, '""')}"`); continue; }
    const word = m[2];
    if (!word) continue;
    const prefix = word.endsWith('*');
    const folded = foldKey(word.replace(/\*+$/, '')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!folded) continue;
    for (const w of folded.split(' ')) parts.push(`"${w}"`);
    if (prefix) parts[parts.length - 1] += '*';
  }
  return parts.join(' ');
}

/** A window of the original text around the first match of any term, with the match marked [like this]. */
export function snippet(text: string, terms: readonly string[], radius = 80): string {
  const folded = foldSameLength(text).toLowerCase();
  let at = -1;
  let len = 0;
  for (const t of terms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    const m = re.exec(folded);
    if (m && (at < 0 || m.index < at)) { at = m.index; len = t.length; }
  }
  if (at < 0) return text.slice(0, radius * 2).replace(/\s+/g, ' ');
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + len + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}[${text.slice(at, at + len)}]${text.slice(at + len, end)}${end < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

/** Exact mode: every word of the query, diacritics included, appears in the text (case aside). */
function containsExactly(text: string, query: string): boolean {
  const hay = text.toLowerCase().normalize('NFC');
  return query.toLowerCase().normalize('NFC').replace(/["*]/g, ' ').split(/\s+/).filter(Boolean)
    .every((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(hay));
}

export function search(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const fts = options.raw ? query : toFtsQuery(query);
  if (!fts.trim()) throw new InputError('empty search: give at least one word');
  const terms = [...fts.matchAll(/"([^"]+)"|([\p{L}\p{N}]+)/gu)].map((m) => foldKey(m[1] ?? m[2]!)).filter((t) => !/^(?:and|or|not|near)$/i.test(t));
  if (options.in === 'officials' || options.in === 'documents') return searchNames(db, fts, terms, options);
  const claims = (options.in ?? 'articles') === 'claims';
  const filter = filterSql(db, options, { claims });
  const limit = options.limit ?? 20;
  // The best matches are ranked inside the FTS index alone, and only those are joined to their articles:
  // joining every match first (with its text) before the sort cost as much again as ranking. With filters
  // or exact mode some candidates drop out, so the window widens until `limit` hits are found or the
  // matches run out.
  const candidates = db.prepare(claims
    ? 'SELECT rowid AS id, bm25(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH @q ORDER BY rank LIMIT @n'
    : 'SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS rank FROM articles_fts WHERE articles_fts MATCH @q ORDER BY rank LIMIT @n');
  const row = db.prepare(claims
    ? `SELECT c.id, a.title, a.url, a.source_id AS source, a.published_at, c.sentence AS text, c.value, c.unit, c.metric, c.approx, c.period
        FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = @id ${filter.sql}`
    : `SELECT a.id, a.title, a.url, a.source_id AS source, a.published_at, a.text FROM articles a WHERE a.id = @id ${filter.sql}`);
  /** The hits among the best `n` matches (all of them for -1), and whether those were all the matches. */
  const collect = (n: number): { hits: SearchHit[]; all: boolean } => {
    const hits: SearchHit[] = [];
    const found = candidates.all({ q: fts, n }) as { id: number; rank: number }[];
    for (const c of found) {
      const r = row.get({ ...filter.params, id: c.id }) as (Omit<SearchHit, 'snippet' | 'rank'> & { text: string }) | undefined;
      if (!r) continue;
      const { text, ...rest } = r;
      if (options.exact && !containsExactly(claims ? text : `${r.title ?? ''}\n${text}`, query)) continue;
      hits.push({ ...rest, snippet: snippet(text, terms), rank: c.rank });
      if (hits.length >= limit) break;
    }
    return { hits, all: n < 0 || found.length < n };
  };
  try {
    if (filter.sql === '' && !options.exact) return collect(limit).hits;
    const first = collect(limit * 10);
    return first.hits.length >= limit || first.all ? first.hits : collect(-1).hits;
  } catch (e) {
    throw queryError(e);
  }
}

/**
 * Officials by name or by any title the articles gave them ("bo truong cong an"), and legal documents by
 * number, type or subject: ranked by bm25, each with how many articles name it.
 */
function searchNames(db: Db, fts: string, terms: readonly string[], options: SearchOptions): SearchHit[] {
  const limit = options.limit ?? 20;
  try {
    if (options.in === 'officials') {
      const rows = db.prepare(`SELECT p.id, p.name, (SELECT COUNT(*) FROM official_mentions m WHERE m.person_id = p.id) AS articles,
          (SELECT group_concat(title, ' | ') FROM (SELECT DISTINCT title FROM official_titles t WHERE t.person_id = p.id)) AS titles, bm25(officials_fts, 5.0, 1.0) AS rank
        FROM officials_fts JOIN persons p ON p.id = officials_fts.rowid WHERE officials_fts MATCH @q ORDER BY rank LIMIT @limit`)
        .all({ q: fts, limit }) as { id: number; name: string; articles: number; titles: string | null; rank: number }[];
      return rows.map((r) => ({ id: r.id, title: r.name, url: '', source: null, published_at: null, snippet: snippet(r.titles ?? '', terms), rank: r.rank, articles: r.articles }));
    }
    const rows = db.prepare(`SELECT d.id, d.number, d.type, d.issued_on, d.subject, (SELECT COUNT(*) FROM legal_refs r WHERE r.document_id = d.id) AS articles,
        bm25(documents_fts, 5.0, 1.0, 2.0) AS rank
      FROM documents_fts JOIN legal_documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH @q ORDER BY rank LIMIT @limit`)
      .all({ q: fts, limit }) as { id: number; number: string; type: string | null; issued_on: string | null; subject: string | null; articles: number; rank: number }[];
    return rows.map((r) => ({ id: r.id, title: `${r.type ? `${r.type} ` : ''}${r.number}`, url: '', source: null, published_at: r.issued_on,
      snippet: r.subject ? snippet(r.subject, terms) : '', rank: r.rank, articles: r.articles }));
  } catch (e) {
    throw queryError(e);
  }
}

/** A malformed --raw query is the user's to fix, in one line; anything else is ours. */
function queryError(e: unknown): unknown {
  if (e instanceof Error && /fts5|syntax|no such column|unterminated|malformed/i.test(e.message)) {
    return new InputError(`the search query is not valid FTS5 syntax (${e.message}); drop --raw to search the words as written`, { cause: e });
  }
  return e;
}
