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
import { inRankOrder, plainTerms, rankedMatches, restrict } from './rank.js';
import { claimColumns } from './claim-columns.js';
import { claimTest, passingMatches } from './claim-scan.js';

/**
 * How filters meet the ranking index. smallFilter: a filter allowing at most this many articles is applied as
 * a set of ids before ranking. filterChecks: a broader one is checked on the matches in rank order, and after
 * this many refusals FTS5 ranks the filtered matches instead. Every way gives the same hits (tests vary these).
 */
export const FILTER_TUNING = { smallFilter: 5000, filterChecks: 2000 };

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

/**
 * Exact mode: every word of the query, diacritics included, appears in the text (case aside). The patterns are
 * built once per search, not once per text: exact mode may test every match of a broad query.
 */
function exactMatcher(query: string): (text: string) => boolean {
  const words = query.toLowerCase().normalize('NFC').replace(/["*]/g, ' ').split(/\s+/).filter(Boolean)
    .map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
  return (text) => {
    const hay = text.toLowerCase().normalize('NFC');
    return words.every((re) => re.test(hay));
  };
}

export function search(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const fts = options.raw ? query : toFtsQuery(query);
  if (!fts.trim()) throw new InputError('empty search: give at least one word');
  const terms = [...fts.matchAll(/"([^"]+)"|([\p{L}\p{N}]+)/gu)].map((m) => foldKey(m[1] ?? m[2]!)).filter((t) => !/^(?:and|or|not|near)$/i.test(t));
  if (options.in === 'officials' || options.in === 'documents') return searchNames(db, fts, terms, options);
  const claims = (options.in ?? 'articles') === 'claims';
  const limit = options.limit ?? 20;
  // Words, prefixes and phrases are ranked from the ranking index (src/query/rank.ts): FTS5's bm25, score for
  // score, without FTS5 scoring every match through its auxiliary-function interface (130 ms at p95 on
  // 200,000 articles). --raw queries, and a database whose index is not ready, are ranked by FTS5 below.
  //
  // There, ranking is bm25 over every match, in the FTS index alone; only the best are joined to their rows
  // (joining every match, with its text, before the sort cost as much again as ranking). Ties are broken by
  // id so that the order, and the windows below, are the same every time. Filters are checked inside the
  // ranking query, so that bm25 is computed only for the matches that pass and the best `limit` of them are
  // exactly the first `limit` hits of the unfiltered ranking that pass. The articles a filter allows are a set
  // of ids, built once from the indexes on source and date (or by the filter's own subqueries). A match of
  // articles_fts is looked up in that set; the `+` keeps SQLite from handing the IN list to FTS5 as rowid
  // lookups, each of which would run the whole MATCH again. A match of claims_fts is looked up in claims by
  // primary key, where --metric and --qualifier are checked and its article is looked up in the set.
  const table = claims ? 'claims_fts' : 'articles_fts';
  const bm25 = claims ? 'bm25(claims_fts)' : 'bm25(articles_fts, 5.0, 1.0)';
  const ofArticles = filterSql(db, claims ? { ...options, metric: null, qualifier: null, period: null, unit: null } : options, { claims });
  const ofClaims = claims ? filterSql(db, { metric: options.metric, qualifier: options.qualifier, period: options.period, unit: options.unit }, { claims }) : null;
  const inArticles = ofArticles.sql ? `(SELECT a.id FROM articles a WHERE 1 ${ofArticles.sql})` : null;
  let filtered = '';
  if (!ofClaims) {
    if (inArticles) filtered = `AND +articles_fts.rowid IN ${inArticles}`;
  } else if (inArticles || ofClaims.sql) {
    filtered = `AND EXISTS (SELECT 1 FROM claims c WHERE c.id = claims_fts.rowid ${inArticles ? `AND c.article_id IN ${inArticles}` : ''} ${ofClaims.sql})`;
  }
  const params = { ...ofArticles.params, ...ofClaims?.params };
  const candidates = db.prepare(`SELECT ${table}.rowid AS id, ${bm25} AS rank FROM ${table} WHERE ${table} MATCH @q ${filtered}
    ORDER BY rank, id LIMIT @n OFFSET @offset`);
  const row = db.prepare(claims
    ? `SELECT c.id, a.title, a.url, a.source_id AS source, a.published_at, c.sentence AS text, c.value, c.unit, c.metric, c.approx, c.period
        FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?`
    : 'SELECT a.id, a.title, a.url, a.source_id AS source, a.published_at, a.text FROM articles a WHERE a.id = ?');
  /** The rows a selective filter allows (articles, or the claims of those articles), or null when it allows many. */
  const allowedIds = (): Set<number> | null => {
    if (!ofArticles.sql) return null; // --metric / --qualifier alone: checked match by match
    const articles = db.prepare(`SELECT a.id FROM articles a WHERE 1 ${ofArticles.sql} LIMIT ${FILTER_TUNING.smallFilter + 1}`).pluck().all(ofArticles.params) as number[];
    if (articles.length > FILTER_TUNING.smallFilter) return null;
    if (!claims) return new Set(articles);
    return new Set(db.prepare(`SELECT c.id FROM claims c WHERE c.article_id IN (SELECT value FROM json_each(@ids)) ${ofClaims?.sql ?? ''}`)
      .pluck().all({ ...ofClaims?.params, ids: JSON.stringify(articles) }) as number[]);
  };
  const exact = options.exact ? exactMatcher(query) : null;
  const hits: SearchHit[] = [];
  /** Adds a ranked match as a hit when its row exists and exact mode allows it; true once there are enough. */
  const add = (id: number, rank: number): boolean => {
    const r = row.get(id) as (Omit<SearchHit, 'snippet' | 'rank'> & { text: string }) | undefined;
    if (!r) return false;
    const { text, ...rest } = r;
    if (exact && !exact(claims ? text : `${r.title ?? ''}\n${text}`)) return false;
    // snippet() reads the whole text: only for the hits returned.
    hits.push({ ...rest, snippet: snippet(text, terms), rank });
    return hits.length >= limit;
  };
  try {
    // Plain words and prefixes are ranked from the ranking index (src/query/rank.ts: FTS5's bm25, without FTS5
    // scoring every match). Filters: see FILTER_TUNING. Every way gives the same hits.
    const words = options.raw ? null : plainTerms(fts);
    let ranked = words ? rankedMatches(db, claims ? 'claims' : 'articles', words) : null;
    if (ranked && filtered) {
      // With the claims' columns kept in memory (vnpress serve), every match is tested there, in nanoseconds.
      // Otherwise a selective filter (at most FILTER_TUNING.smallFilter articles) is a set of ids, and only the
      // matches in it are ranked; a broad one is checked on the matches in rank order.
      const cols = claims ? claimColumns(db) : null;
      const test = cols ? claimTest(db, cols, options) : null;
      const allowed = test ? null : allowedIds();
      if (test) ranked = passingMatches(ranked, test);
      else if (allowed) ranked = restrict(ranked, (id) => allowed.has(id));
    }
    if (ranked) {
      const check = filtered && ranked.restricted !== true ? db.prepare(claims
        ? `SELECT 1 FROM claims c WHERE c.id = @id ${ofClaims?.sql ?? ''} ${ofArticles.sql ? `AND EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id ${ofArticles.sql})` : ''}`
        : `SELECT 1 FROM articles a WHERE a.id = @id ${ofArticles.sql}`) : null;
      let refused = 0;
      let complete = true;
      for (const c of inRankOrder(ranked, Math.max(256, limit * 4))) {
        if (check && !check.get({ ...params, id: c.id })) {
          if (++refused > FILTER_TUNING.filterChecks) { complete = false; break; }
          continue;
        }
        if (add(c.id, c.rank)) break;
      }
      if (complete) return hits;
      hits.length = 0;
    }
    /** Adds the hits among the ranked matches offset … offset + n (all the rest for n = -1); returns how many matches it read. */
    const collect = (n: number, offset: number): number => {
      let read = 0;
      for (const c of candidates.iterate({ ...params, q: fts, n, offset }) as IterableIterator<{ id: number; rank: number }>) {
        read++;
        if (add(c.id, c.rank)) break;
      }
      return read;
    };
    if (!exact) {
      collect(limit, 0);
      return hits;
    }
    // Exact mode is checked here, on the text, so some of the best matches drop out: the best `limit * 10`
    // are read first (a bounded sort), and only when they hold too few exact hits is the rest of the ranking
    // read, in order, until there are enough or the matches run out.
    const window = limit * 10;
    if (collect(window, 0) === window && hits.length < limit) collect(-1, window);
    return hits;
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
