/**
 * Ranking plain-word searches from the ranking index (src/store/rank-index.ts) instead of FTS5's bm25().
 *
 * FTS5 computes bm25 for every match, through its auxiliary-function interface, and scans each phrase's whole
 * doclist again for its idf: 130 ms at p95 on 200,000 articles, whatever the LIMIT. Here the postings of the
 * query's terms are read as arrays (one row per term and segment), intersected, and scored in a tight loop:
 * the same formula with the same statistics — k1 = 1.2, b = 0.75, idf = ln((N − n + 0.5) / (n + 0.5)) (at
 * least 1e-6), the column weights, the row's length in tokens over all columns, the average over the table —
 * so the ranking is FTS5's, score for score (test/query/rank.test.ts compares them).
 *
 * Queries of words, prefixes and phrases joined by AND (what toFtsQuery makes of typed words and quotes) are
 * answered here. A phrase is turned into postings of its own, as a term has: the rows holding all its words,
 * where their positions follow one another, with its count per column (FTS5 counts overlapping instances, and
 * so does this). Raw FTS5 syntax returns null, and so does a table whose index is not built, a prefix of more
 * than PREFIX_TERMS_MAX terms, a phrase ending in a prefix, or more rows waiting than OVERLAY_MAX: the caller
 * then asks FTS5. Rows written since their segment was (the rank_dirty list) are tokenized here, from the FTS
 * table's own text, and take the place of their old postings.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.js';
import { RANKED, rowTerms, SEG_BITS, SEG_SIZE, type RankedTable } from '../store/rank-index.js';
import { ftsTokens } from '../text/fts-tokens.js';

const K1 = 1.2;
const B = 0.75;
/** More rows than this waiting for their segment to be rewritten, and FTS5 ranks instead. */
export const OVERLAY_MAX = 4096;

/** The column weights search() gives bm25() (title counts five times for articles). */
export const WEIGHTS: Record<RankedTable, readonly number[]> = { articles: [5, 1], claims: [1, 1] };

export interface RankedMatches {
  /** Rowids of every match, and their scores (higher is better; FTS5's rank is −score). */
  ids: Float64Array;
  scores: Float64Array;
  count: number;
  /** Only the matches a filter allows (restrict()). */
  restricted?: boolean;
  /**
   * The positions of the best matches, best first, as far as inRankOrder has ordered them: a page's list and
   * its facets read the same matches (kept by rankedMatches), and each ordering passes over all of them.
   */
  best?: number[];
}

/** The matches whose rowid `allows`. */
export function restrict(m: RankedMatches, allows: (id: number) => boolean): RankedMatches {
  const ids = new Float64Array(m.count);
  const scores = new Float64Array(ids.length);
  let j = 0;
  for (let i = 0; i < m.count; i++) {
    if (!allows(m.ids[i]!)) continue;
    ids[j] = m.ids[i]!;
    scores[j++] = m.scores[i]!;
  }
  return { ids: ids.subarray(0, j), scores: scores.subarray(0, j), count: j, restricted: true };
}

/**
 * The phrases of an FTS5 query when it is a plain AND of quoted phrases, each maybe a prefix (`"a" "b c"
 * "d"*`), else null: a word as its token, a prefix as its token followed by `*`, a phrase of several tokens as
 * its tokens joined by a space (a prefix of several tokens is left to FTS5). Duplicates are kept (FTS5 scores
 * each phrase, twice if twice).
 */
export function plainTerms(fts: string): string[] | null {
  const terms: string[] = [];
  const re = /\s*"((?:[^"]|"")*)"(\*?)\s*/y;
  let at = 0;
  while (at < fts.length) {
    re.lastIndex = at;
    const m = re.exec(fts);
    if (!m) return null;
    const tokens = ftsTokens(m[1]!.replace(/""/g, '"'));
    if (tokens.length === 0 || (tokens.length > 1 && m[2])) return null;
    terms.push(tokens.join(' ') + m[2]!);
    at = re.lastIndex;
  }
  return terms.length ? terms : null;
}

/** A prefix matching more terms than this is left to FTS5. */
export const PREFIX_TERMS_MAX = 256;

interface Segment { gen: number; docs: number; tokens: number; lens: Int32Array }
type Part = { seg: number; slots: Uint16Array; freqs: Uint16Array };
interface TableCache {
  segments: Map<number, Segment>;
  /** The segments and their gens when the caches below were filled; any rewrite empties them. */
  sig: string;
  /** Per term: its rows per segment. Per prefix: its terms. */
  counts: Map<string, { seg: number; n: number }[]>;
  prefixes: Map<string, string[]>;
  /**
   * Decoded postings, the most recently used last, RANK_CACHE.bytes at most: per term, its postings in
   * every segment; per term again (key `\u0001` + term), its positions; per phrase of several words (its
   * words joined by spaces), the postings found for it.
   */
  parts: Map<string, { value: unknown; bytes: number }>;
  bytes: number;
  /**
   * Recent results by query, the most recently used last, RANK_CACHE.results bytes at most, for the database
   * state `recentStamp`: a page's list and its facets ask for the same matches, and so do the pages a
   * journalist opens from one search (a facet, the next page, its .json and .csv).
   */
  recent: Map<string, RankedMatches>;
  recentBytes: number;
  recentStamp: string;
}
/**
 * Decoded postings kept per connection and table: a long-running server reads the same common terms often,
 * and reading a common term's postings again from SQLite costs 2-3 ms a megabyte. With 64 MB, the benchmark's
 * mix of searches (scripts/bench-query.ts, about 150 distinct words) kept evicting them: search p95 31 ms on
 * 200,000 articles (26 ms on a million claims), 17-18 ms with 256 MB (`--rank-cache` there). `vnpress serve` divides its budget between its worker threads
 * (src/serve/pool.ts). Filled only as searches need it.
 */
export const RANK_CACHE = { bytes: 256 << 20, results: 64 << 20 };

/** The bytes of decoded postings a connection keeps for a table (what the cache's tests check). */
export function cachedBytes(db: Db, tbl: RankedTable): number {
  return caches.get(db)?.get(tbl)?.bytes ?? 0;
}

/**
 * Per connection: the segments' row lengths, reread only for the segments rewritten since (their gen), and
 * the terms' counts and postings, kept until a segment is rewritten (by this process or another).
 */
const caches = new WeakMap<Db, Map<RankedTable, TableCache>>();

function statements(db: Db) {
  return {
    state: db.prepare<[string], { built: number }>('SELECT built FROM rank_state WHERE tbl = ?'),
    // Any commit by another connection, or any write by this one, since a result was kept.
    version: db.prepare<[], { v: number }>('PRAGMA data_version'),
    changes: db.prepare<[], { t: number }>('SELECT total_changes() AS t'),
    dirty: db.prepare<[string, number], { doc: number }>('SELECT doc FROM rank_dirty WHERE tbl = ? LIMIT ?'),
    gens: db.prepare<[string], { seg: number; gen: number }>('SELECT seg, gen FROM rank_segments WHERE tbl = ?'),
    segment: db.prepare<[string, number], { docs: number; tokens: number; lens: Buffer; gen: number }>('SELECT s.docs, s.tokens, d.lens, s.gen FROM rank_segments s JOIN rank_segment_data d USING (tbl, seg) WHERE tbl = ? AND seg = ?'),
    prefix: db.prepare<[string, string, string, number], { term: string }>('SELECT DISTINCT term FROM rank_postings WHERE tbl = ? AND term >= ? AND term < ? LIMIT ?'),
    postings: db.prepare<[string, string], { seg: number; slots: Buffer; freqs: Buffer }>('SELECT seg, slots, freqs FROM rank_postings WHERE tbl = ? AND term = ?'),
    positions: db.prepare<[string, string], { seg: number; poss: Buffer }>('SELECT seg, poss FROM rank_positions WHERE tbl = ? AND term = ?'),
    position: db.prepare<[string, string, number], { poss: Buffer }>('SELECT poss FROM rank_positions WHERE tbl = ? AND term = ? AND seg = ?'),
    posting: db.prepare<[string, string, number], { slots: Buffer; freqs: Buffer }>('SELECT slots, freqs FROM rank_postings WHERE tbl = ? AND term = ? AND seg = ?'),
    // length() of a blob is read from the record header, without the blob's pages: a term's rows per segment.
    counts: db.prepare<[string, string], { seg: number; n: number }>('SELECT seg, length(slots) / 2 AS n FROM rank_postings WHERE tbl = ? AND term = ?'),
    // A waiting row's current text, from FTS5's content table as the index's own segments are read.
    text: Object.fromEntries(Object.entries(RANKED).map(([tbl, { fts, columns }]) =>
      [tbl, db.prepare<[number], unknown[]>(`SELECT ${columns.map((_, i) => `c${i}`).join(', ')} FROM ${fts}_content WHERE id = ?`).raw()])) as Record<RankedTable, Statement<[number], unknown[]>>,
  };
}
const stmtCache = new WeakMap<Db, ReturnType<typeof statements>>();

/** A view of a blob as 16- or 32-bit integers (copied when SQLite's buffer is not aligned for it). */
function view<A>(b: Buffer, C: { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): A; BYTES_PER_ELEMENT: number }): A {
  const size = C.BYTES_PER_ELEMENT;
  return b.byteOffset % size === 0 ? new C(b.buffer, b.byteOffset, b.length / size) : new C(new Uint8Array(b).buffer);
}
const u16 = (b: Buffer) => view(b, Uint16Array);
const i32 = (b: Buffer) => view(b, Int32Array);
const u32 = (b: Buffer) => view(b, Uint32Array);

function tableCache(db: Db, s: ReturnType<typeof statements>, tbl: RankedTable): TableCache {
  let perDb = caches.get(db);
  if (!perDb) caches.set(db, (perDb = new Map()));
  let cache = perDb.get(tbl);
  if (!cache) perDb.set(tbl, (cache = { segments: new Map(), sig: '', counts: new Map(), prefixes: new Map(), parts: new Map(), bytes: 0, recent: new Map(), recentBytes: 0, recentStamp: '' }));
  const seen = new Set<number>();
  let sig = '';
  for (const { seg, gen } of s.gens.all(tbl)) {
    seen.add(seg);
    sig += `${seg}:${gen},`;
    const have = cache.segments.get(seg);
    if (have && have.gen === gen) continue;
    const row = s.segment.get(tbl, seg)!;
    cache.segments.set(seg, { gen: row.gen, docs: row.docs, tokens: row.tokens, lens: i32(row.lens) });
  }
  for (const seg of cache.segments.keys()) if (!seen.has(seg)) cache.segments.delete(seg);
  if (sig !== cache.sig) { cache.sig = sig; cache.counts.clear(); cache.prefixes.clear(); cache.parts.clear(); cache.bytes = 0; }
  return cache;
}

/**
 * Every row matching all `terms`, scored by bm25 as FTS5 would; null when the index cannot answer (see above).
 */
export function rankedMatches(db: Db, tbl: RankedTable, terms: readonly string[]): RankedMatches | null {
  const s = statementsFor(db);
  if (!s) return null;
  const stamp = `${s.version.get()!.v}\t${s.changes.get()!.t}`;
  // Terms joined by a tab: a phrase of several words holds spaces.
  const key = terms.join('\t');
  const before = recentAt(caches.get(db)?.get(tbl), stamp);
  const kept = before?.recent.get(key);
  if (kept) {
    before!.recent.delete(key);
    before!.recent.set(key, kept);
    return kept;
  }
  const m = computeMatches(db, s, tbl, terms);
  // The table's cache exists once computeMatches has run.
  const cache = recentAt(caches.get(db)?.get(tbl), stamp);
  if (m && cache) {
    cache.recent.set(key, m);
    cache.recentBytes += resultBytes(m);
    for (const [k, old] of cache.recent) {
      if (cache.recentBytes <= RANK_CACHE.results || cache.recent.size <= 1) break;
      cache.recent.delete(k);
      cache.recentBytes -= resultBytes(old);
    }
  }
  return m;
}

const resultBytes = (m: RankedMatches) => m.ids.byteLength + m.scores.byteLength;

/** The table's cache with its recent results emptied if they are of another database state than `stamp`. */
function recentAt(cache: TableCache | undefined, stamp: string): TableCache | undefined {
  if (cache && cache.recentStamp !== stamp) { cache.recent.clear(); cache.recentBytes = 0; cache.recentStamp = stamp; }
  return cache;
}

function statementsFor(db: Db): ReturnType<typeof statements> | null {
  let s = stmtCache.get(db);
  if (!s) {
    try {
      s = statements(db);
    } catch {
      return null; // a database without the index tables (opened without migrating)
    }
    stmtCache.set(db, s);
  }
  return s;
}

function computeMatches(db: Db, s: ReturnType<typeof statements>, tbl: RankedTable, terms: readonly string[]): RankedMatches | null {
  if (s.state.get(tbl)?.built !== 1) return null;
  const dirtyRows = s.dirty.all(tbl, OVERLAY_MAX + 1);
  if (dirtyRows.length > OVERLAY_MAX) return null;
  const weights = WEIGHTS[tbl];
  const ncol = RANKED[tbl].columns.length;
  const cache = tableCache(db, s, tbl);
  const segs = cache.segments;
  let N = 0;
  let tokens = 0;
  for (const seg of segs.values()) { N += seg.docs; tokens += seg.tokens; }

  // A prefix stands for every term it begins (FTS5 counts the instances of all of them as the phrase's). A
  // phrase of several words is matched from their positions (phraseSource below).
  const unique = [...new Set(terms)];
  const expanded: string[][] = [];
  for (const phrase of unique) {
    const words = phrase.includes(' ');
    if (words && phrase.endsWith('*')) return null;
    if (words) { expanded.push([]); continue; }
    if (!phrase.endsWith('*')) { expanded.push([phrase]); continue; }
    const p = phrase.slice(0, -1);
    let list = cache.prefixes.get(p);
    if (!list) {
      list = s.prefix.all(tbl, p, `${p}\u{10ffff}`, PREFIX_TERMS_MAX + 1).map((r) => r.term);
      if (cache.prefixes.size >= 10_000) cache.prefixes.clear();
      cache.prefixes.set(p, list);
    }
    if (list.length > PREFIX_TERMS_MAX) return null;
    expanded.push(list);
  }
  /** A phrase's weighted count in a row: from its terms' counts, or for several words, its columns' tokens. */
  const phraseFreq = (u: number, counts: Map<string, Uint16Array>, columns: string[][] | null): number => {
    let f = 0;
    const phrase = unique[u]!;
    if (columns && phrase.includes(' ')) {
      const words = phrase.split(' ');
      columns.forEach((col, k) => {
        for (let i = 0; i + words.length <= col.length; i++) if (words.every((w, x) => col[i + x] === w)) f += weights[k]!;
      });
      return f;
    }
    const add = (c: Uint16Array) => { for (let k = 0; k < ncol; k++) f += weights[k]! * c[k]!; };
    if (!phrase.endsWith('*')) { const c = counts.get(phrase); if (c) add(c); return f; }
    const p = phrase.slice(0, -1);
    for (const [t, c] of counts) if (t.startsWith(p)) add(c);
    return f;
  };

  // Rows written since their segment: their old postings are skipped, their current text counted instead.
  const dirty = new Set<number>();
  const overlay: { id: number; length: number; freq: number[] }[] = [];
  const overlayDf = unique.map(() => 0);
  const hasPhrase = unique.some((p) => p.includes(' '));
  if (dirtyRows.length) {
    const read = s.text[tbl];
    for (const { doc } of dirtyRows) {
      dirty.add(doc);
      const seg = segs.get(doc >> SEG_BITS);
      const old = seg ? seg.lens[doc & (SEG_SIZE - 1)]! : -1;
      if (old >= 0) { N--; tokens -= old; }
      const cols = read.get(doc) as (string | null)[] | undefined;
      if (!cols) continue;
      const { counts, length } = rowTerms(cols);
      N++;
      tokens += length;
      const columns = hasPhrase ? cols.map((c) => (c ? ftsTokens(c) : [])) : null;
      const freq = unique.map((_, u) => phraseFreq(u, counts, columns));
      freq.forEach((f, u) => { if (f > 0) overlayDf[u]!++; });
      if (freq.every((f) => f > 0)) overlay.push({ id: doc, length, freq });
    }
  }
  if (N === 0) return { ids: new Float64Array(0), scores: new Float64Array(0), count: 0 };

  // Each term's segments and rows. The postings themselves are read later, and only for the segments that can
  // still hold a match.
  const dirtySegs = new Set([...dirty].map((d) => d >> SEG_BITS));
  interface TermList { term: string; segs: number[]; loaded: Map<number, Part>; rows: number }
  const termList = (term: string): TermList => {
    let counts = cache.counts.get(term);
    if (!counts) {
      counts = s.counts.all(tbl, term);
      if (cache.counts.size >= 10_000) cache.counts.clear();
      cache.counts.set(term, counts);
    }
    let rows = 0;
    for (const c of counts) rows += c.n;
    const loaded = new Map<number, Part>();
    for (const c of counts) {
      if (!dirtySegs.has(c.seg)) continue;
      const r = s.posting.get(tbl, term, c.seg)!;
      const part = { seg: c.seg, slots: u16(r.slots), freqs: u16(r.freqs) };
      loaded.set(c.seg, part);
      const from = c.seg << SEG_BITS;
      for (let i = 0; i < part.slots.length; i++) if (dirty.has(from + part.slots[i]!)) rows--;
    }
    return { term, segs: counts.map((c) => c.seg).sort((x, y) => x - y), loaded, rows };
  };
  /** A term's postings in the segments wanted (all when null), ascending: one range read, or a read per segment when few are wanted. */
  const partsOf = (list: TermList, wanted: Int32Array | null): Part[] => {
    const segs = wanted ? list.segs.filter((g) => wanted[g]! > 0) : list.segs;
    if (segs.length * 4 < list.segs.length) {
      return segs.map((g) => {
        const have = list.loaded.get(g);
        if (have) return have;
        const r = s.posting.get(tbl, list.term, g)!;
        return { seg: g, slots: u16(r.slots), freqs: u16(r.freqs) };
      });
    }
    let all = recall<Part[]>(list.term);
    if (!all) {
      all = s.postings.all(tbl, list.term).map((r) => ({ seg: r.seg, slots: u16(r.slots), freqs: u16(r.freqs) })).sort((x, y) => x.seg - y.seg);
      remember(list.term, all, partBytes(all));
    }
    if (!wanted) return all;
    return all.filter((p) => wanted[p.seg]! > 0);
  };
  /** The cache of decoded postings (TableCache.parts), least recently used out first. */
  function recall<T>(key: string): T | undefined {
    const e = cache.parts.get(key);
    if (!e) return undefined;
    cache.parts.delete(key);
    cache.parts.set(key, e);
    return e.value as T;
  }
  function remember(key: string, value: unknown, bytes: number): void {
    if (bytes > RANK_CACHE.bytes / 4) return;
    for (const [k, old] of cache.parts) {
      if (cache.bytes + bytes <= RANK_CACHE.bytes) break;
      cache.parts.delete(k);
      cache.bytes -= old.bytes;
    }
    cache.parts.set(key, { value, bytes });
    cache.bytes += bytes;
  }
  /**
   * A term's positions in the segments wanted, read as its postings are, with where each posting's start
   * (offs, from its counts). A blob holds as many positions as the posting's counts add up to, two bytes each,
   * or four when its segment has a column longer than 65,536 tokens.
   */
  const positionsOf = (list: TermList, parts: Map<number, Part>, wanted: Int32Array): Map<number, Positions> => {
    const segs = list.segs.filter((g) => wanted[g]! > 0);
    if (segs.length * 4 < list.segs.length) return new Map(segs.map((g) => [g, positions(parts.get(g)!, s.position.get(tbl, list.term, g)!.poss, ncol)]));
    const key = `\u0001${list.term}`;
    let all = recall<Map<number, Positions>>(key);
    if (!all) {
      // Every segment's, as its postings are then read (one range read each).
      const every = new Map(partsOf(list, null).map((p) => [p.seg, p]));
      all = new Map(s.positions.all(tbl, list.term).map((r) => [r.seg, positions(every.get(r.seg)!, r.poss, ncol)]));
      let bytes = 0;
      for (const p of all.values()) bytes += p.poss.byteLength + p.offs.byteLength;
      remember(key, all, bytes);
    }
    return all;
  };

  const maxId = maxRowid(segs);
  const segCount = (maxId >> SEG_BITS) + 1;
  /**
   * A phrase of several words as postings of its own: in each segment holding all its words, the rows where
   * they follow one another, with the phrase's count in each column, as FTS5 counts its instances. Kept in the
   * cache as a term's postings are; rows waiting in rank_dirty are counted out of its rows as for a term.
   */
  interface Source { rows: number; parts: (wanted: Int32Array | null) => Part[] }
  const phraseSource = (phrase: string): Source => {
    let all = recall<Part[]>(phrase);
    if (!all) {
      const words = phrase.split(' ');
      const distinct = [...new Set(words)];
      const lists = distinct.map(termList);
      const inAll = new Int32Array(segCount);
      for (const l of lists) for (const g of l.segs) inAll[g]!++;
      for (let g = 0; g < segCount; g++) inAll[g] = inAll[g] === distinct.length ? 1 : 0;
      const parts = lists.map((l) => new Map(partsOf(l, inAll).map((p) => [p.seg, p])));
      const poss = lists.map((l, i) => positionsOf(l, parts[i]!, inAll));
      const at = words.map((w) => distinct.indexOf(w));
      all = [];
      for (let g = 0; g < segCount; g++) {
        if (!inAll[g]) continue;
        const inSeg = distinct.map((_, i) => ({ ...parts[i]!.get(g)!, ...poss[i]!.get(g)! }));
        const found = phraseInSegment(g, at.map((i) => inSeg[i]!), ncol);
        if (found) all.push(found);
      }
      remember(phrase, all, partBytes(all));
    }
    let rows = 0;
    for (const part of all) {
      rows += part.slots.length;
      if (!dirtySegs.has(part.seg)) continue;
      const from = part.seg << SEG_BITS;
      for (let i = 0; i < part.slots.length; i++) if (dirty.has(from + part.slots[i]!)) rows--;
    }
    const parts = all;
    return { rows, parts: (wanted) => (wanted ? parts.filter((p) => wanted[p.seg]! > 0) : parts) };
  };
  const termSource = (tl: TermList): Source => ({ rows: tl.rows, parts: (wanted) => partsOf(tl, wanted) });

  const scratch = scratchFor(db, tbl, maxId, unique.length);
  const { hits } = scratch;
  // Each phrase's terms, and its document frequency: the rows holding any of them, less the rows waiting in
  // rank_dirty (their postings are stale), plus those whose current text holds it. Rows holding two terms of
  // a prefix are counted once (marked in hits, which is all zeros between searches).
  const lists = expanded.map((words, u) => {
    if (!words.length) {
      const phrase = phraseSource(unique[u]!);
      return { terms: [phrase], df: phrase.rows + overlayDf[u]! };
    }
    const termLists = words.map(termList);
    let rows = 0;
    if (termLists.length === 1) rows = termLists[0]!.rows;
    else {
      const marked: number[] = [];
      for (const tl of termLists) {
        for (const part of partsOf(tl, null)) {
          const from = part.seg << SEG_BITS;
          for (let i = 0; i < part.slots.length; i++) {
            const id = from + part.slots[i]!;
            if (hits[id] || (dirty.size && dirty.has(id))) continue;
            hits[id] = 1;
            marked.push(id);
          }
        }
      }
      for (const id of marked) hits[id] = 0;
      rows = marked.length;
    }
    return { terms: termLists.map(termSource), df: rows + overlayDf[u]! };
  });
  const avgdl = tokens / N;
  const phrases = terms.map((t) => {
    const list = unique.indexOf(t);
    const n = lists[list]!.df;
    const idf = Math.log((N - n + 0.5) / (n + 0.5));
    return { list, idf: idf <= 0 ? 1e-6 : idf };
  });
  if (phrases.length > 250) return null; // the match counters below are bytes

  // Candidates first, rarest phrase first: a row stays a candidate while it holds every phrase so far (hits[id]
  // counts them), and each phrase's weighted count is kept for it (freqOf[phrase][id], summed over a prefix's
  // terms); a segment left without candidates is skipped for the commoner phrases. Then the survivors are
  // scored with the phrases in query order, as FTS5 adds their shares, so the sums are the same to the last
  // bit. The arrays are dense over rowids and kept between searches; only hits is reset.
  const order = lists.map((_, i) => i).sort((x, y) => lists[x]!.df - lists[y]!.df);
  let live = new Int32Array(segCount);
  let touched: Int32Array = new Int32Array(0);
  // The loops over postings are functions of their own, on typed arrays only: inside this function, whose
  // closures are new at every call, V8 kept discarding their optimized code ("wrong map"), and a pass over a
  // million postings took 70 ns a posting instead of a few.
  const w = Int32Array.from(weights); // whole numbers (WEIGHTS), so the counts stay exact integers
  const skip = dirty.size ? dirty : null;
  try {
    for (let j = 0; j < order.length; j++) {
      const list = lists[order[j]!]!;
      const freqOf = scratch.freqOf[order[j]!]!;
      const nextLive = new Int32Array(segCount);
      const first: Part[] = [];
      for (const tl of list.terms) {
        const parts = tl.parts(j === 0 ? null : live);
        if (j === 0) first.push(...parts);
        for (const part of parts) {
          const from = part.seg << SEG_BITS;
          const alive = list.terms.length === 1 && (j > 0 || !skip) && ncol === 2
            ? markPass2(j, from, part.slots, part.freqs, w[0]!, w[1]!, hits, freqOf)
            : markPass(j, from, part.slots, part.freqs, ncol, w, hits, freqOf, j === 0 ? skip : null);
          nextLive[part.seg] = nextLive[part.seg]! + alive;
        }
      }
      live = nextLive;
      // The rows that can match at all (a row twice for a prefix): the candidates are read from them, and
      // their counters reset after.
      if (j === 0) touched = rowsOf(first);
    }
    const lens = new Array<Int32Array>(segCount).fill(NO_LENS);
    for (const [g, seg] of segs) lens[g] = seg.lens;
    let ids = new Float64Array(touched.length + overlay.length);
    let scores = new Float64Array(touched.length + overlay.length);
    const freqs = phrases.map((ph) => scratch.freqOf[ph.list]!);
    const idfs = Float64Array.from(phrases, (ph) => ph.idf);
    let j = scoreRows(touched, order.length, hits, lens, freqs, idfs, avgdl, ids, scores);
    for (const o of overlay) {
      let sc = 0;
      const norm = lengthNorm(o.length, avgdl);
      for (const ph of phrases) sc += share(ph.idf, o.freq[ph.list]!, norm);
      ids[j] = o.id;
      scores[j++] = sc;
    }
    ids = ids.subarray(0, j);
    scores = scores.subarray(0, j);
    return { ids, scores, count: j };
  } finally {
    for (let i = 0; i < touched.length; i++) hits[touched[i]!] = 0;
  }
}

/**
 * A phrase's share of a row's bm25 score, as FTS5 computes it: idf · f·(k1 + 1) / (f + k1·(1 − b + b·D/avgdl)).
 * The same operations on the same values, so the same bits; the row's length term (lengthNorm) is computed
 * once for all its phrases.
 */
function share(idf: number, f: number, norm: number): number {
  return idf * ((f * (K1 + 1.0)) / (f + norm));
}
function lengthNorm(D: number, avgdl: number): number {
  return K1 * (1 - B + B * D / avgdl);
}

/**
 * One pass of the candidate search over one posting: a row still a candidate after j phrases (hits[id] === j)
 * holds this one too and is promoted, its weighted count kept in freqOf; hits[id] === j + 1 is a row promoted
 * by another term of the same prefix in this pass, whose count adds up. Returns the rows promoted.
 */
function markPass(j: number, from: number, slots: Uint16Array, freqs: Uint16Array, ncol: number, w: Int32Array, hits: Uint8Array, freqOf: Uint32Array, skip: Set<number> | null): number {
  let alive = 0;
  for (let i = 0; i < slots.length; i++) {
    const id = from + slots[i]!;
    const h = hits[id]!;
    if (h !== j && h !== j + 1) continue;
    if (skip !== null && skip.has(id)) continue;
    let f = 0;
    if (ncol === 2) f = w[0]! * freqs[2 * i]! + w[1]! * freqs[2 * i + 1]!;
    else for (let k = 0; k < ncol; k++) f += w[k]! * freqs[i * ncol + k]!;
    if (h === j) { freqOf[id] = f; hits[id] = j + 1; alive++; } else freqOf[id] = freqOf[id]! + f;
  }
  return alive;
}

/** markPass for the commonest case, kept apart so that its loop stays small: one term, two columns, no rows to skip. */
function markPass2(j: number, from: number, slots: Uint16Array, freqs: Uint16Array, w0: number, w1: number, hits: Uint8Array, freqOf: Uint32Array): number {
  let alive = 0;
  const next = j + 1;
  for (let i = 0; i < slots.length; i++) {
    const id = from + slots[i]!;
    if (hits[id] !== j) continue;
    freqOf[id] = w0 * freqs[2 * i]! + w1 * freqs[2 * i + 1]!;
    hits[id] = next;
    alive++;
  }
  return alive;
}

/** The rowids of postings, in order. */
function rowsOf(parts: readonly Part[]): Int32Array {
  let n = 0;
  for (const part of parts) n += part.slots.length;
  const rows = new Int32Array(n);
  let t = 0;
  for (const part of parts) {
    const from = part.seg << SEG_BITS;
    const slots = part.slots;
    for (let i = 0; i < slots.length; i++) rows[t++] = from + slots[i]!;
  }
  return rows;
}

const NO_LENS = new Int32Array(0);

/**
 * Scores the rows holding every phrase (hits[id] === want), the phrases added in query order as FTS5 adds
 * them; writes them to ids and scores and returns how many.
 */
function scoreRows(touched: Int32Array, want: number, hits: Uint8Array, lens: Int32Array[], freqs: Uint32Array[], idfs: Float64Array, avgdl: number, ids: Float64Array, scores: Float64Array): number {
  let j = 0;
  for (let i = 0; i < touched.length; i++) {
    const id = touched[i]!;
    if (hits[id] !== want) continue;
    hits[id] = 0; // taken (a prefix lists a row once per term)
    const norm = lengthNorm(lens[id >> SEG_BITS]![id & (SEG_SIZE - 1)]!, avgdl);
    let sc = 0;
    for (let p = 0; p < idfs.length; p++) sc += share(idfs[p]!, freqs[p]![id]!, norm);
    ids[j] = id;
    scores[j++] = sc;
  }
  return j;
}

const partBytes = (parts: readonly Part[]) => parts.reduce((n, p) => n + p.slots.byteLength + p.freqs.byteLength, 0);

/** A term's positions in a segment, and where each of its postings' positions start. */
interface Positions { poss: Uint16Array | Uint32Array; offs: Int32Array }
function positions(part: Part, b: Buffer, ncol: number): Positions {
  const n = part.slots.length;
  const offs = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    offs[i] = o;
    for (let c = 0; c < ncol; c++) o += part.freqs[i * ncol + c]!;
  }
  offs[n] = o;
  return { poss: b.length === o * 4 ? u32(b) : u16(b), offs };
}

/** Per word of a phrase, in one segment: its posting index at each slot (reused from call to call). */
const phraseScratch = { held: new Uint8Array(SEG_SIZE), at: [] as Int32Array[] };

/**
 * The rows of one segment holding a phrase, from its words' postings and positions (in phrase order; a word
 * twice is given twice, the same object), with the phrase's count per column, or null when none. The rows
 * holding every word are marked first, rarest word first, in a count per slot (a pass over each word's rows;
 * walking the lists side by side cost twice as much); positions are read for those rows only. In a column,
 * each position of the first word where the k-th word is at +k is an instance (overlapping ones too, as FTS5
 * counts them).
 */
function phraseInSegment(seg: number, words: readonly (Part & Positions)[], ncol: number): Part | null {
  const distinct = [...new Set(words)].sort((a, b) => a.slots.length - b.slots.length);
  const { held, at } = phraseScratch;
  while (at.length < distinct.length) at.push(new Int32Array(SEG_SIZE));
  let alive = 0;
  for (let j = 0; j < distinct.length; j++) {
    const sl = distinct[j]!.slots;
    const a = at[j]!;
    alive = 0;
    for (let i = 0; i < sl.length; i++) {
      const slot = sl[i]!;
      if (held[slot] !== j) continue;
      held[slot] = j + 1;
      a[slot] = i;
      alive++;
    }
    if (!alive) break;
  }
  const of = words.map((w) => distinct.indexOf(w));
  const m = words.length;
  const idx = new Int32Array(m);
  const start = new Int32Array(m);
  const end = new Int32Array(m);
  const row = new Int32Array(ncol);
  const slots: number[] = [];
  const freqs: number[] = [];
  const anchor = distinct[0]!.slots;
  const all = alive ? distinct.length : -1;
  for (let i = 0; i < anchor.length; i++) {
    const slot = anchor[i]!;
    const h = held[slot];
    held[slot] = 0; // reset as read: only the rarest word's rows can be marked
    if (h !== all) continue;
    for (let k = 0; k < m; k++) idx[k] = at[of[k]!]![slot]!;
    let any = false;
    for (let c = 0; c < ncol; c++) {
      let empty = false;
      for (let k = 0; k < m; k++) {
        const w = words[k]!;
        const x = idx[k]!;
        let o = w.offs[x]!;
        for (let cc = 0; cc < c; cc++) o += w.freqs[x * ncol + cc]!;
        const n = w.freqs[x * ncol + c]!;
        if (!n) { empty = true; break; }
        start[k] = o;
        end[k] = o + n;
      }
      let count = 0;
      if (!empty) {
        const first = words[0]!.poss;
        instances: for (let q = start[0]!; q < end[0]!; q++) {
          const base = first[q]!;
          let ok = true;
          for (let k = 1; k < m; k++) {
            const p = words[k]!.poss;
            let r = start[k]!;
            const e = end[k]!;
            while (r < e && p[r]! < base + k) r++;
            start[k] = r; // positions only grow with base: the next instance looks from here
            if (r >= e) break instances;
            if (p[r] !== base + k) { ok = false; break; }
          }
          if (ok && count < 0xffff) count++;
        }
      }
      row[c] = count;
      if (count) any = true;
    }
    if (!any) continue;
    slots.push(slot);
    for (let c = 0; c < ncol; c++) freqs.push(row[c]!);
  }
  return slots.length ? { seg, slots: Uint16Array.from(slots), freqs: Uint16Array.from(freqs) } : null;
}

function maxRowid(segs: Map<number, Segment>): number {
  let max = 0;
  for (const seg of segs.keys()) if (seg > max) max = seg;
  return ((max + 1) << SEG_BITS) - 1;
}

/** Per connection and table: the dense arrays over rowids, grown as the table grows. */
interface Scratch { hits: Uint8Array; freqOf: Uint32Array[] }
const scratches = new WeakMap<Db, Map<RankedTable, Scratch>>();
function scratchFor(db: Db, tbl: RankedTable, max: number, terms: number): Scratch {
  let perDb = scratches.get(db);
  if (!perDb) scratches.set(db, (perDb = new Map()));
  let s = perDb.get(tbl);
  if (!s || s.hits.length <= max) perDb.set(tbl, (s = { hits: new Uint8Array(max + 1), freqOf: [] }));
  while (s.freqOf.length < terms) s.freqOf.push(new Uint32Array(s.hits.length));
  return s;
}

/** a before b: higher score, then lower rowid (search()'s `ORDER BY rank, id`). */
const better = (m: RankedMatches, a: number, b: number) => m.scores[a]! > m.scores[b]! || (m.scores[a] === m.scores[b] && m.ids[a]! < m.ids[b]!);

/**
 * The matches in rank order, best first. The first `window` are picked with a bounded heap (a broad query has
 * a hundred thousand matches and most searches read twenty); when more are asked for (a filter refusing many),
 * the window grows fourfold each time, so reading k matches costs about n log k, never a full sort for a few.
 */
export function* inRankOrder(m: RankedMatches, window = 256): Generator<{ id: number; rank: number }> {
  let given = 0;
  for (let k = Math.min(window, m.count); given < m.count; k = Math.min(k * 4, m.count)) {
    if (!m.best || m.best.length < k) m.best = bestPositions(m, k);
    const top = m.best;
    for (let i = given; i < top.length; i++) yield { id: m.ids[top[i]!]!, rank: -m.scores[top[i]!]! };
    given = top.length;
  }
}

/**
 * The positions of the best k matches, best first: the k-th best score found by quickselect on a copy of the
 * scores (linear, where a heap of k took seconds' worth of comparisons on half a million matches), then the
 * matches above it and as many of those equal to it as fit (lowest rowids first), sorted.
 */
function bestPositions(m: RankedMatches, k: number): number[] {
  const n = m.count;
  const byRank = (a: number, b: number) => (better(m, a, b) ? -1 : 1);
  if (k >= n) return Array.from({ length: n }, (_, i) => i).sort(byRank);
  if (k <= 0) return [];
  const kth = kthLargest(m.scores.slice(0, n), k - 1);
  const top: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    const sc = m.scores[i]!;
    if (sc > kth) top.push(i);
    else if (sc === kth) ties.push(i);
  }
  ties.sort((a, b) => m.ids[a]! - m.ids[b]!);
  for (let i = 0; top.length < k && i < ties.length; i++) top.push(ties[i]!);
  return top.sort(byRank);
}

/** The value that would be at position k (0-based) if `a` were sorted in decreasing order; `a` is reordered. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) { const t = a[i]!; a[i] = a[j]!; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
