/**
 * The claims' filter and facet columns held in memory by a long-running reader (`vnpress serve`'s workers): a
 * claim's article, metric key, qualifier and period, and an article's source and publication time, as arrays
 * indexed by id. A filtered page tests a claim here in nanoseconds, where SQLite's covering indexes took 3.4 µs
 * a claim (two B-tree seeks), which was most of a page's time at a million claims (src/query/claim-scan.ts).
 *
 * They are kept current from the ranking index's own bookkeeping (migration 0013): when another connection
 * has committed (PRAGMA data_version), the rows waiting in rank_dirty and the rows of every segment whose
 * generation changed are read again, in one read transaction. A database whose ranking index is not built has
 * no such bookkeeping: claimColumns() is then null and callers ask SQLite.
 *
 * Opt-in per connection (keepClaimColumns): reading them takes about 2 s at a million claims, which a one-shot
 * command would spend on every run.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.js';
import { SEG_BITS, SEG_SIZE } from '../store/rank-index.js';

/** Strings coded as small integers; code 0 is null. */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();

  /** The value's code, -1 when it has none yet (a filter for it passes nothing). */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  code(value: string | null): number {
    if (value === null) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

export interface ClaimColumns {
  /** By claim id: the claim's article, 0 when there is no claim with this id. */
  article: Int32Array;
  /** By claim id: codes into `metrics`, `approxes` and `periods`. */
  metric: Uint32Array;
  approx: Uint16Array;
  period: Uint32Array;
  /** By article id: a code into `sources`, and the article's published_at. */
  source: Uint32Array;
  published: (string | null)[];
  metrics: Dictionary;
  approxes: Dictionary;
  periods: Dictionary;
  sources: Dictionary;
  /** Incremented whenever a value changes: what is derived from the columns (claim-scan.ts) is kept by it. */
  version: number;
  /** Incremented whenever the database changed at all (another table too: who is named, what is cited). */
  seen: number;
}

type Table = 'claims' | 'articles';
const TABLES: readonly Table[] = ['claims', 'articles'];

interface Kept {
  cols: ClaimColumns | null;
  /** PRAGMA data_version and total_changes() when the columns were last brought up to date. */
  stamp: string;
  /** Per table, each segment's generation when its rows were read. */
  gens: Record<Table, Map<number, number>>;
  stmts: ReturnType<typeof statements>;
}

const kept = new WeakMap<Db, Kept>();

/**
 * Above this many rows to read again (dirty rows, and the rows of rewritten segments), a table is read whole:
 * reading rows by id costs about 3 µs each, reading a table in order about 1.7 µs a row.
 */
const RELOAD_ALL_ROWS = 200_000;
/** Rows read at a time when a table is read whole. */
const CHUNK = 1 << 16;

function statements(db: Db) {
  const claims = 'SELECT id, article_id, metric_key, approx, period FROM claims INDEXED BY claims_id_facets';
  const articles = 'SELECT id, source_id, published_at FROM articles INDEXED BY articles_id_facets';
  return {
    version: db.prepare('PRAGMA data_version').pluck() as Statement<[], number>,
    changes: db.prepare('SELECT total_changes()').pluck() as Statement<[], number>,
    built: db.prepare("SELECT COUNT(*) FROM rank_state WHERE built = 1 AND tbl IN ('claims', 'articles')").pluck() as Statement<[], number>,
    gens: db.prepare('SELECT seg, gen FROM rank_segments WHERE tbl = ?').raw() as Statement<[string], [number, number]>,
    dirty: db.prepare('SELECT doc FROM rank_dirty WHERE tbl = ? ORDER BY doc').pluck() as Statement<[string], number>,
    max: { claims: db.prepare('SELECT MAX(id) FROM claims').pluck(), articles: db.prepare('SELECT MAX(id) FROM articles').pluck() } as Record<Table, Statement<[], number | null>>,
    range: {
      claims: db.prepare(`${claims} WHERE id BETWEEN ? AND ? ORDER BY id`).raw(),
      articles: db.prepare(`${articles} WHERE id BETWEEN ? AND ? ORDER BY id`).raw(),
    } as Record<Table, Statement<[number, number], unknown[]>>,
    ids: {
      claims: db.prepare(`${claims} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).raw(),
      articles: db.prepare(`${articles} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).raw(),
    } as Record<Table, Statement<[string], unknown[]>>,
  };
}

/**
 * This connection keeps the columns from now on (read now, when the ranking index is built). For a server's
 * connections; tests use it to compare both ways of answering.
 */
export function keepClaimColumns(db: Db): void {
  if (!kept.has(db)) {
    kept.set(db, { cols: null, stamp: '', gens: { claims: new Map(), articles: new Map() }, stmts: statements(db) });
  }
  claimColumns(db);
}

/** The columns, up to date; null when this connection does not keep them or the ranking index is not built. */
export function claimColumns(db: Db): ClaimColumns | null {
  const k = kept.get(db);
  if (!k) return null;
  const stamp = `${k.stmts.version.get()}:${k.stmts.changes.get()}`;
  if (stamp === k.stamp) return k.cols;
  db.transaction(() => refresh(k))();
  k.stamp = stamp;
  if (k.cols) k.cols.seen++;
  return k.cols;
}

function emptyColumns(): ClaimColumns {
  return {
    article: new Int32Array(0), metric: new Uint32Array(0), approx: new Uint16Array(0), period: new Uint32Array(0),
    source: new Uint32Array(0), published: [],
    metrics: new Dictionary(), approxes: new Dictionary(), periods: new Dictionary(), sources: new Dictionary(), version: 0, seen: 0,
  };
}

function refresh(k: Kept): void {
  const s = k.stmts;
  if (s.built.get() !== 2) {
    k.cols = null;
    return;
  }
  const fresh = !k.cols;
  const cols = (k.cols ??= emptyColumns());
  let changed = fresh;
  for (const tbl of TABLES) {
    const before = k.gens[tbl];
    const now = new Map<number, number>(s.gens.all(tbl));
    k.gens[tbl] = now;
    const segs: number[] = [];
    for (const [seg, gen] of now) if (before.get(seg) !== gen) segs.push(seg);
    for (const seg of before.keys()) if (!now.has(seg)) segs.push(seg);
    const dirty = s.dirty.all(tbl);
    if (fresh || segs.length * SEG_SIZE + dirty.length > RELOAD_ALL_ROWS) {
      const max = s.max[tbl].get() ?? 0;
      grow(cols, tbl, max);
      const end = capacity(cols, tbl) - 1;
      for (let lo = 0; lo <= end; lo += CHUNK) {
        const hi = Math.min(end, lo + CHUNK - 1);
        changed = replaceRange(cols, tbl, lo, hi, lo <= max ? s.range[tbl].all(lo, hi) : []) || changed;
      }
      continue;
    }
    for (const seg of segs) {
      const lo = seg << SEG_BITS;
      changed = replaceRange(cols, tbl, lo, lo + SEG_SIZE - 1, s.range[tbl].all(lo, lo + SEG_SIZE - 1)) || changed;
    }
    if (dirty.length) changed = replaceIds(cols, tbl, dirty, s.ids[tbl].all(JSON.stringify(dirty))) || changed;
  }
  if (changed) cols.version++;
}

const capacity = (cols: ClaimColumns, tbl: Table) => (tbl === 'claims' ? cols.article.length : cols.source.length);

/** Room for ids up to `max`, with an eighth more so that a growing table is not copied at every row. */
function grow(cols: ClaimColumns, tbl: Table, max: number): void {
  if (max < capacity(cols, tbl)) return;
  const n = max + 1 + (max >> 3) + 1024;
  const widen = <A extends Int32Array | Uint32Array | Uint16Array>(a: A, C: new (n: number) => A): A => { const b = new C(n); b.set(a); return b; };
  if (tbl === 'claims') {
    cols.article = widen(cols.article, Int32Array);
    cols.metric = widen(cols.metric, Uint32Array);
    cols.approx = widen(cols.approx, Uint16Array);
    cols.period = widen(cols.period, Uint32Array);
  } else {
    cols.source = widen(cols.source, Uint32Array);
    for (let i = cols.published.length; i < n; i++) cols.published.push(null);
  }
}

/**
 * Makes the rows lo…hi what SQLite holds: `rows` ([id, …columns], ascending id) are set, the ids between them
 * forgotten. True when a value changed.
 */
function replaceRange(cols: ClaimColumns, tbl: Table, lo: number, hi: number, rows: unknown[][]): boolean {
  let changed = false;
  let next = lo;
  for (const r of rows) {
    const id = r[0] as number;
    for (; next < id; next++) changed = forget(cols, tbl, next) || changed;
    changed = setRow(cols, tbl, r) || changed;
    next = id + 1;
  }
  for (; next <= hi; next++) changed = forget(cols, tbl, next) || changed;
  return changed;
}

/** The same for some ids (ascending), `rows` being those of them SQLite still holds. */
function replaceIds(cols: ClaimColumns, tbl: Table, ids: readonly number[], rows: unknown[][]): boolean {
  let changed = false;
  let i = 0;
  for (const id of ids) {
    const r = rows[i];
    if (r && r[0] === id) { changed = setRow(cols, tbl, r) || changed; i++; } else changed = forget(cols, tbl, id) || changed;
  }
  return changed;
}

function forget(cols: ClaimColumns, tbl: Table, id: number): boolean {
  if (id >= capacity(cols, tbl)) return false;
  if (tbl === 'claims') {
    if (cols.article[id] === 0) return false;
    cols.article[id] = 0;
    return true;
  }
  if (cols.source[id] === 0 && cols.published[id] === null) return false;
  cols.source[id] = 0;
  cols.published[id] = null;
  return true;
}

function setRow(cols: ClaimColumns, tbl: Table, r: unknown[]): boolean {
  const id = r[0] as number;
  grow(cols, tbl, id);
  if (tbl === 'claims') {
    const article = r[1] as number;
    const metric = cols.metrics.code(r[2] as string);
    const approx = cols.approxes.code(r[3] as string);
    const period = cols.periods.code(r[4] as string | null);
    if (cols.article[id] === article && cols.metric[id] === metric && cols.approx[id] === approx && cols.period[id] === period) return false;
    cols.article[id] = article;
    cols.metric[id] = metric;
    cols.approx[id] = approx;
    cols.period[id] = period;
    return true;
  }
  const source = cols.sources.code(r[1] as string | null);
  const published = r[2] as string | null;
  if (cols.source[id] === source && cols.published[id] === published) return false;
  cols.source[id] = source;
  cols.published[id] = published;
  return true;
}
