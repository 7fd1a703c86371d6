/**
 * The columns a reader keeps must stay what the database holds while another connection writes: claims
 * deleted and written again under the same ids, columns updated in place, segments of the ranking index
 * rewritten, emptied and filled again. Each step is checked against SQLite, on a real database file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { RankIndex, SEG_SIZE } from '../../src/store/rank-index.js';
import { claimColumns, keepClaimColumns, type ClaimColumns } from '../../src/query/claim-columns.js';
import { fixtureDb } from './fixture-db.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('vnpress-columns-');
const path = join(dir.path, 'columns.db');
let writer: Db;
let reader: Db;
beforeAll(() => {
  fixtureDb(path).close();
  writer = openDb(path);
  reader = openDb(path, { readonly: true });
});
afterAll(() => {
  reader.close();
  writer.close();
  dir.cleanup();
});

/** What the columns hold, decoded, and what SQLite holds, in the same shape. */
function held(cols: ClaimColumns) {
  const claims: unknown[][] = [];
  for (let id = 0; id < cols.article.length; id++) {
    if (cols.article[id]) claims.push([id, cols.article[id], cols.metrics.values[cols.metric[id]!], cols.approxes.values[cols.approx[id]!], cols.periods.values[cols.period[id]!]]);
  }
  const articles: unknown[][] = [];
  for (let id = 0; id < cols.source.length; id++) {
    if (cols.source[id] || cols.published[id] !== null) articles.push([id, cols.sources.values[cols.source[id]!], cols.published[id]]);
  }
  return { claims, articles };
}
function stored(db: Db) {
  return {
    claims: db.prepare('SELECT id, article_id, metric_key, approx, period FROM claims ORDER BY id').raw().all(),
    articles: db.prepare('SELECT id, source_id, published_at FROM articles WHERE source_id IS NOT NULL OR published_at IS NOT NULL ORDER BY id').raw().all(),
  };
}
function expectCurrent(): ClaimColumns {
  const cols = claimColumns(reader)!;
  expect(cols).not.toBeNull();
  expect(held(cols)).toEqual(stored(writer));
  return cols;
}

const CLAIM = `INSERT INTO claims (id, article_id, metric, metric_key, value, unit, approx, period, sentence, span_start, span_end, quote)
  VALUES (@id, @article, 'xuất khẩu', @metric, 1, 'USD', @approx, @period, 'Xuất khẩu đạt 1 USD.', 0, 5, '1 USD')`;

describe('claim columns', () => {
  it('are kept only by a connection that asks, and only with a built ranking index', () => {
    expect(claimColumns(reader)).toBeNull();
    const other = openDb(path, { readonly: true });
    try {
      writer.exec("UPDATE rank_state SET built = 0 WHERE tbl = 'claims'");
      keepClaimColumns(other);
      expect(claimColumns(other)).toBeNull();
      writer.exec("UPDATE rank_state SET built = 1 WHERE tbl = 'claims'");
      expect(held(claimColumns(other)!)).toEqual(stored(writer));
    } finally {
      other.close();
    }
  });

  it('follow another connection: claims written again, columns updated in place, rows deleted', () => {
    keepClaimColumns(reader);
    expectCurrent();
    const index = new RankIndex(writer);
    index.flush();
    const article = writer.prepare('SELECT article_id FROM claims GROUP BY article_id ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as number;
    const ids = writer.prepare('SELECT id FROM claims WHERE article_id = ? ORDER BY id').pluck().all(article) as number[];
    // Re-extraction: the article's claims deleted and inserted again, the same ids holding other values.
    writer.transaction(() => {
      writer.prepare('DELETE FROM claims WHERE article_id = ?').run(article);
      for (const id of ids.slice(1)) writer.prepare(CLAIM).run({ id, article, metric: 'imports|usd', approx: 'nearly', period: '2031-Q2' });
    })();
    expectCurrent();
    // Columns changed in place, without the text: a date and a source, a period.
    writer.prepare("UPDATE articles SET published_at = '2031-05-06T07:00:00+07:00', source_id = (SELECT id FROM sources ORDER BY id DESC LIMIT 1) WHERE id = ?").run(article);
    writer.prepare("UPDATE claims SET period = '2032' WHERE id = ?").run(ids[1]);
    expectCurrent();
    // The index catches up: the rows leave rank_dirty, their segments are rewritten.
    index.flush();
    expect(writer.prepare('SELECT COUNT(*) FROM rank_dirty').pluck().get()).toBe(0);
    expectCurrent();
    writer.prepare('DELETE FROM articles WHERE id = ?').run(article);
    expectCurrent();
    index.flush();
    expectCurrent();
  });

  it('see a segment emptied, dropped and written again, which never takes back an old generation', () => {
    const index = new RankIndex(writer);
    const article = writer.prepare('SELECT MIN(id) FROM articles').pluck().get() as number;
    const far = 40 * SEG_SIZE;
    const seg = far / SEG_SIZE;
    const gen = () => writer.prepare("SELECT gen FROM rank_segments WHERE tbl = 'claims' AND seg = ?").pluck().get(seg) as number | undefined;
    writer.prepare(CLAIM).run({ id: far, article, metric: 'exports|usd', approx: 'exact', period: '2030' });
    writer.prepare("INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, 'xuat khau', 'xuat khau dat 1 usd')").run(far);
    index.flush();
    const first = gen();
    expect(first).toBeGreaterThan(0);
    expectCurrent();
    writer.prepare('DELETE FROM claims WHERE id = ?').run(far);
    writer.prepare('DELETE FROM claims_fts WHERE rowid = ?').run(far);
    index.flush();
    expect(gen()).toBeUndefined();
    writer.prepare(CLAIM).run({ id: far + 1, article, metric: 'cpi|rate', approx: 'over', period: '2029' });
    writer.prepare("INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, 'cpi', 'cpi tang 1')").run(far + 1);
    index.flush();
    expect(gen()).toBeGreaterThan(first!);
    expect(writer.prepare('SELECT COUNT(*) FROM rank_dirty').pluck().get()).toBe(0);
    expectCurrent();
  });

  it('change their version only when a value they hold changed', () => {
    const before = claimColumns(reader)!.version;
    // Marked for the ranking index (the title changed), but no column the reader keeps.
    writer.exec('UPDATE articles SET title = title || \'.\' WHERE id = (SELECT MIN(id) FROM articles)');
    writer.exec("UPDATE articles SET author = 'Ban Biên tập'");
    expect(claimColumns(reader)!.version).toBe(before);
    writer.exec("UPDATE claims SET approx = 'about' WHERE id = (SELECT MIN(id) FROM claims)");
    expect(claimColumns(reader)!.version).toBe(before + 1);
    expectCurrent();
  });
});
