/**
 * Writing the ranking index (db/migrations/0010_rank_index.sql): for each FTS table, every term with, per
 * row, its count in each column, and each row's length in tokens — what FTS5's bm25() reads — laid out so
 * that src/query/rank.ts can rank the matches of plain words without FTS5 scoring each one.
 *
 * Rows are grouped in segments of 2048 consecutive rowids, and a segment is always rewritten whole from the
 * FTS table's own text (tokenized as FTS5 does, src/text/fts-tokens.ts), so the index cannot drift from what
 * FTS5 matches. Triggers list the rows written since (rank_dirty); searches rank those from their text, and a
 * writer rewrites their segments once there are MAINTAIN_AT of them (the crawler after each article, so a
 * crawl keeps the list short) or when asked (flush, at the end of a run).
 */
import { endianness } from 'node:os';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { forEachToken } from '../text/fts-tokens.js';

if (endianness() !== 'LE') throw new Error('the ranking index is stored little-endian; this machine is big-endian');

export const SEG_BITS = 11;
export const SEG_SIZE = 1 << SEG_BITS;
/** Rows waiting in rank_dirty before a writer rewrites their segments. */
export const MAINTAIN_AT = 256;

/** The FTS tables the index covers, with their columns in FTS order. */
export const RANKED = {
  articles: { fts: 'articles_fts', columns: ['title', 'text'] },
  claims: { fts: 'claims_fts', columns: ['metric', 'sentence'] },
} as const;
export type RankedTable = keyof typeof RANKED;

/** A row's terms: per term, its count in each column; and its length in tokens. */
export interface RowTerms {
  counts: Map<string, Uint16Array>;
  length: number;
}

/** Tokenizes one FTS row's columns as FTS5 does. Counts stop at 65535 (a term repeated more is rare enough). */
export function rowTerms(columns: readonly (string | null)[]): RowTerms {
  const counts = new Map<string, Uint16Array>();
  let length = 0;
  const n = columns.length;
  for (let c = 0; c < n; c++) {
    const text = columns[c];
    if (!text) continue;
    forEachToken(text, (t) => {
      length++;
      let e = counts.get(t);
      if (!e) counts.set(t, (e = new Uint16Array(n)));
      if (e[c]! < 0xffff) e[c]!++;
    });
  }
  return { counts, length };
}

/** catchUp's notice for a command: one line on stderr when the index to build is large. */
export function announceIndexing(where: string): (rows: number) => void {
  return (rows) => {
    if (rows > 10_000) process.stderr.write(`vnpress: indexing ${rows} rows of ${where} for ranked search, once (about 15 s per 250,000)\n`);
  };
}

export class RankIndex {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      state: db.prepare<[string], { built: number }>('SELECT built FROM rank_state WHERE tbl = ?'),
      setBuilt: db.prepare('UPDATE rank_state SET built = 1 WHERE tbl = ?'),
      // A segment's generation: never one the table has had before (readers compare them, migration 0013).
      nextGen: db.prepare<[string], { gen: number }>('UPDATE rank_state SET gen = gen + 1 WHERE tbl = ? RETURNING gen'),
      dirtyCount: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM rank_dirty'),
      dirtySegs: db.prepare<[string], { seg: number }>(`SELECT DISTINCT doc >> ${SEG_BITS} AS seg FROM rank_dirty WHERE tbl = ? ORDER BY seg`),
      segment: db.prepare<[string, number], { terms: string; gen: number }>('SELECT d.terms, s.gen FROM rank_segments s JOIN rank_segment_data d USING (tbl, seg) WHERE tbl = ? AND seg = ?'),
      deletePosting: db.prepare('DELETE FROM rank_postings WHERE tbl = ? AND term = ? AND seg = ?'),
      insertPosting: db.prepare('INSERT INTO rank_postings (tbl, term, seg, slots, freqs) VALUES (?, ?, ?, ?, ?)'),
      deletePositions: db.prepare('DELETE FROM rank_positions WHERE tbl = ? AND term = ? AND seg = ?'),
      insertPositions: db.prepare('INSERT INTO rank_positions (tbl, term, seg, poss) VALUES (?, ?, ?, ?)'),
      deleteSegment: ['rank_segments', 'rank_segment_data'].map((t) => db.prepare(`DELETE FROM ${t} WHERE tbl = ? AND seg = ?`)),
      insertSegment: db.prepare('INSERT INTO rank_segments (tbl, seg, gen, docs, tokens) VALUES (?, ?, ?, ?, ?)'),
      insertSegmentData: db.prepare('INSERT INTO rank_segment_data (tbl, seg, lens, terms) VALUES (?, ?, ?, ?)'),
      clearDirty: db.prepare('DELETE FROM rank_dirty WHERE tbl = ? AND doc BETWEEN ? AND ?'),
      clearAll: ['rank_postings', 'rank_positions', 'rank_segments', 'rank_segment_data', 'rank_dirty'].map((t) => db.prepare(`DELETE FROM ${t} WHERE tbl = ?`)),
      rows: Object.fromEntries(Object.entries(RANKED).map(([tbl, { fts, columns }]) =>
        // From FTS5's own content table (id, c0, c1, …), the text FTS5 indexed: reading it through the virtual
        // table took ten times as long.
        [tbl, db.prepare(`SELECT id, ${columns.map((_, i) => `c${i}`).join(', ')} FROM ${fts}_content WHERE id BETWEEN ? AND ? ORDER BY id`).raw()])) as Record<RankedTable, Statement<unknown[], unknown>>,
      maxRowid: Object.fromEntries(Object.entries(RANKED).map(([tbl, { fts }]) =>
        [tbl, db.prepare(`SELECT MAX(rowid) AS max FROM ${fts}`)])) as Record<RankedTable, Statement<unknown[], unknown>>,
    };
  }

  built(tbl: RankedTable): boolean {
    return this.stmts.state.get(tbl)?.built === 1;
  }

  /** Builds the index of a table from scratch, in one transaction; returns the rows indexed. */
  build(tbl: RankedTable): number {
    // The postings go into a B-tree ordered by term, segment by segment: every insert lands somewhere else in
    // it, and with SQLite's default 2 MB of page cache a large table was read and written back page by page
    // (1M claims: 168 s). A larger cache for the build keeps the tree in memory.
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma('cache_size = -524288');
    try {
      return this.buildAll(tbl);
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
    }
  }

  private buildAll(tbl: RankedTable): number {
    return this.db.transaction(() => {
      for (const s of this.stmts.clearAll) s.run(tbl);
      // Segment by segment (better-sqlite3 cannot write while a statement is still reading).
      const max = (this.stmts.maxRowid[tbl].get() as { max: number | null }).max ?? -1;
      let rows = 0;
      const gen = this.stmts.nextGen.get(tbl)!.gen;
      for (let seg = 0; seg <= max >> SEG_BITS; seg++) {
        const batch = this.stmts.rows[tbl].all(seg << SEG_BITS, (seg << SEG_BITS) + SEG_SIZE - 1) as unknown[][];
        if (batch.length) this.writeSegment(tbl, seg, batch, gen);
        rows += batch.length;
      }
      this.stmts.setBuilt.run(tbl);
      return rows;
    })();
  }

  /**
   * Builds the tables never built (a database from an earlier version); returns the rows indexed. `notice` is
   * told first how many rows there are, since a large database takes a while (60 s at 200,000 articles and a
   * million claims).
   */
  catchUp(notice?: (rows: number) => void): number {
    const todo = (Object.keys(RANKED) as RankedTable[]).filter((t) => !this.built(t));
    if (!todo.length) return 0;
    if (notice) notice(todo.reduce((sum, t) => sum + ((this.db.prepare(`SELECT COUNT(*) AS n FROM ${RANKED[t].fts}`).get() as { n: number }).n), 0));
    let n = 0;
    for (const tbl of todo) n += this.build(tbl);
    return n;
  }

  /** Rewrites the segments of the rows written since, when there are at least `atLeast` of them. */
  maintain(atLeast = MAINTAIN_AT): number {
    if (this.stmts.dirtyCount.get()!.n < Math.max(1, atLeast)) return 0;
    return this.db.transaction(() => {
      let segments = 0;
      for (const tbl of Object.keys(RANKED) as RankedTable[]) {
        if (!this.built(tbl)) continue;
        for (const { seg } of this.stmts.dirtySegs.all(tbl)) { this.rewriteSegment(tbl, seg); segments++; }
      }
      return segments;
    })();
  }

  /** Indexes every row written since (the end of a crawl or reextract run). */
  flush(): number {
    return this.maintain(1);
  }

  private rewriteSegment(tbl: RankedTable, seg: number): void {
    const first = seg << SEG_BITS;
    const rows = this.stmts.rows[tbl].all(first, first + SEG_SIZE - 1) as unknown[][];
    const old = this.stmts.segment.get(tbl, seg);
    if (old) {
      for (const term of old.terms.split('\n')) {
        if (!term) continue;
        this.stmts.deletePosting.run(tbl, term, seg);
        this.stmts.deletePositions.run(tbl, term, seg);
      }
      for (const d of this.stmts.deleteSegment) d.run(tbl, seg);
    }
    if (rows.length) this.writeSegment(tbl, seg, rows, this.stmts.nextGen.get(tbl)!.gen);
    this.stmts.clearDirty.run(tbl, first, first + SEG_SIZE - 1);
  }

  /**
   * Writes the postings, positions and lengths of one segment's rows ([rowid, column…], ascending rowid).
   * Tokens are counted straight into the segment's per-term lists (rows come in slot order, so a term's last
   * slot is the row being read): no map per row, which was most of the build's time on a million short
   * claims. A position is kept for each token counted, so a posting's counts say how many positions it has.
   */
  private writeSegment(tbl: RankedTable, seg: number, rows: unknown[][], gen: number): void {
    const ncol = RANKED[tbl].columns.length;
    const lens = new Int32Array(SEG_SIZE).fill(-1);
    const terms = new Map<string, { slots: number[]; freqs: number[]; poss: number[] }>();
    let tokens = 0;
    let wide = false;
    for (const row of rows) {
      const slot = (row[0] as number) & (SEG_SIZE - 1);
      let length = 0;
      for (let c = 0; c < ncol; c++) {
        const text = row[c + 1] as string | null;
        if (!text) continue;
        let pos = 0;
        forEachToken(text, (t) => {
          length++;
          let e = terms.get(t);
          if (!e) terms.set(t, (e = { slots: [], freqs: [], poss: [] }));
          if (e.slots[e.slots.length - 1] !== slot) {
            e.slots.push(slot);
            for (let k = 0; k < ncol; k++) e.freqs.push(0);
          }
          const i = e.freqs.length - ncol + c;
          if (e.freqs[i]! < 0xffff) {
            e.freqs[i]!++;
            e.poss.push(pos);
          }
          pos++;
        });
        if (pos > 0x10000) wide = true;
      }
      lens[slot] = length;
      tokens += length;
    }
    for (const [term, e] of terms) {
      this.stmts.insertPosting.run(tbl, term, seg, Buffer.from(Uint16Array.from(e.slots).buffer), Buffer.from(Uint16Array.from(e.freqs).buffer));
      this.stmts.insertPositions.run(tbl, term, seg, Buffer.from((wide ? Uint32Array : Uint16Array).from(e.poss).buffer));
    }
    this.stmts.insertSegment.run(tbl, seg, gen, rows.length, tokens);
    this.stmts.insertSegmentData.run(tbl, seg, Buffer.from(lens.buffer), [...terms.keys()].join('\n'));
  }
}
