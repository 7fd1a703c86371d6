import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { RankIndex } from '../../src/store/rank-index.js';
import { cachedBytes, inRankOrder, OVERLAY_MAX, plainTerms, RANK_CACHE, rankedMatches } from '../../src/query/rank.js';
import { FILTER_TUNING, search, toFtsQuery } from '../../src/query/search.js';
import { claimColumns, keepClaimColumns } from '../../src/query/claim-columns.js';
import { generate } from '../../scripts/gen-db.js';
import { ftsTokens } from '../../src/text/fts-tokens.js';

// A generated database of 5,000 articles and 20,000 claims: three segments of articles, ten of claims.
let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnpress-rank-'));
  generate({ articles: 5000, claims: 20_000, out: join(dir, 'gen.db'), quiet: true, seed: 3 });
  db = openDb(join(dir, 'gen.db'));
}, 120_000);
afterAll(() => { db.close(); rmSync(dir, { recursive: true, force: true }); });

const FTS = {
  articles: { fts: 'articles_fts', bm25: 'bm25(articles_fts, 5.0, 1.0)' },
  claims: { fts: 'claims_fts', bm25: 'bm25(claims_fts)' },
} as const;

/** FTS5's own ranking of a query: every match, best first, ties by rowid. */
function fts5(tbl: 'articles' | 'claims', q: string): { id: number; rank: number }[] {
  const { fts, bm25 } = FTS[tbl];
  return db.prepare(`SELECT rowid AS id, ${bm25} AS rank FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rank, id`).all(q) as { id: number; rank: number }[];
}

function ours(tbl: 'articles' | 'claims', q: string): { id: number; rank: number }[] {
  const m = rankedMatches(db, tbl, plainTerms(q)!);
  expect(m).not.toBeNull();
  return [...inRankOrder(m!, 20)];
}

/** Queries of one to four words, common and rare, with a repeated word, drawn from the table's own terms. */
function queries(tbl: 'articles' | 'claims'): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_${tbl} USING fts5vocab(main, ${FTS[tbl].fts}, row)`);
  const terms = (db.prepare(`SELECT term FROM temp.vocab_${tbl} ORDER BY doc DESC`).all() as { term: string }[]).map((r) => r.term);
  const pick = (i: number) => terms[i % terms.length]!;
  const out = [pick(0), pick(3), pick(terms.length - 1), `${pick(0)} ${pick(0)}`, `${pick(1)} ${pick(40)}`, 'zzzzunknown', `${pick(7)} zzzzunknown`];
  for (let i = 0; i < 25; i++) out.push([pick(i * 7), pick(i * 13 + 5), pick(i * 31 + 2), pick(i * 3)].slice(0, 1 + (i % 4)).join(' '));
  // Prefixes: of one term, of many (the first letters of common words), with a word, and twice.
  for (let i = 0; i < 6; i++) out.push(`${pick(i * 11).slice(0, 1 + (i % 3))}*`, `${pick(i * 5)} ${pick(i * 17).slice(0, 2)}*`);
  out.push(`${pick(2).slice(0, 2)}* ${pick(2).slice(0, 2)}*`, `${pick(9)}*`);
  const fts = out.map((q) => toFtsQuery(q));
  // Phrases: runs of two to five tokens cut from the rows' own text (so they match, across columns too), alone,
  // with a word, a prefix or another phrase; a common word twice in a row; words that never follow each other.
  const texts = db.prepare(`SELECT * FROM ${FTS[tbl].fts} WHERE rowid % 397 = 1 LIMIT 12`).raw().all() as string[][];
  texts.forEach((cols, i) => {
    const tokens = ftsTokens(cols[i % cols.length] || cols.join(' '));
    const at = (i * 7) % Math.max(1, tokens.length - 5);
    const phrase = `"${tokens.slice(at, at + 2 + (i % 4)).join(' ')}"`;
    fts.push([phrase, `${phrase} "${pick(i * 3)}"`, `${phrase} "${pick(i).slice(0, 2)}"*`, `${phrase} "${tokens.slice(0, 2).join(' ')}"`][i % 4]!);
  });
  fts.push(`"${pick(0)} ${pick(0)}"`, `"${pick(0)} ${pick(1)} ${pick(0)}"`, `"${pick(terms.length - 1)} ${pick(0)}"`, `"${pick(5)} ${pick(9)}" "${pick(5)} ${pick(9)}"`);
  return fts;
}

function expectSameRanking(tbl: 'articles' | 'claims'): void {
  for (const q of queries(tbl)) {
    const want = fts5(tbl, q);
    const got = ours(tbl, q);
    expect(got.length, q).toBe(want.length);
    expect(got.map((h) => h.id), q).toEqual(want.map((h) => h.id));
    got.forEach((h, i) => expect(Math.abs(h.rank - want[i]!.rank), q).toBeLessThanOrEqual(1e-9 * Math.abs(want[i]!.rank)));
  }
}

describe('plainTerms', () => {
  it('takes the words of an AND of quoted single words, repeats included', () => {
    expect(plainTerms('"xuat" "khau" "xuat"')).toEqual(['xuat', 'khau', 'xuat']);
    expect(plainTerms('"GDP"')).toEqual(['gdp']);
    expect(plainTerms('"xuat"* "khau"')).toEqual(['xuat*', 'khau']);
  });

  it('takes a phrase of several words as its tokens', () => {
    expect(plainTerms('"6 thang dau nam" "xuat"*')).toEqual(['6 thang dau nam', 'xuat*']);
    expect(plainTerms('"Xuất-khẩu"')).toEqual(['xuat khau']);
  });

  it('leaves a phrase ending in a prefix, and FTS5 syntax, to FTS5', () => {
    for (const q of ['"xuat khau"*', 'xuat OR khau', '"a" NOT "b"', 'title:"a"', 'NEAR("a" "b")', '', '""']) expect(plainTerms(q), q).toBeNull();
  });
});

describe('rankedMatches', () => {
  it('ranks articles exactly as FTS5 bm25 with the title weighted 5, every match in the same order', () => {
    expectSameRanking('articles');
  });

  it('ranks claims exactly as FTS5 bm25', () => {
    expectSameRanking('claims');
  });

  it('ranks rows written since their segment was (from their text), and the same after the segments are rewritten', () => {
    const word = (db.prepare("SELECT term FROM temp.vocab_claims ORDER BY doc DESC LIMIT 1 OFFSET 5").get() as { term: string }).term;
    db.transaction(() => {
      // Changed text, a deleted claim, a new claim in a new segment, a deleted article row's FTS text.
      // A word three times running: two overlapping instances of the phrase of it twice.
      for (const [id, text] of [[3, `${word} ${word} zqmoi`], [2100, `${word} ${word} ${word} zqmoi`], [9000, `zqmoi ${word} ${word} zqmoi`]] as const) {
        db.prepare('DELETE FROM claims_fts WHERE rowid = ?').run(id);
        db.prepare('UPDATE claims SET sentence = ? WHERE id = ?').run(text, id);
        db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)').run(id, 'zqmoi', text);
      }
      db.prepare('DELETE FROM claims_fts WHERE rowid = 4').run();
      db.prepare('DELETE FROM claims WHERE id = 4').run();
      const max = (db.prepare('SELECT MAX(id) AS m FROM claims').get() as { m: number }).m;
      db.prepare(`INSERT INTO claims (id, article_id, metric, metric_key, value, unit, approx, period, change, comparison, source, sentence, span_start, span_end, quote)
        SELECT ?, article_id, metric, metric_key, value, unit, approx, period, change, comparison, source, ?, span_start, span_end, quote FROM claims WHERE id = 5`).run(max + 5000, `${word} zqmoi`);
      db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)').run(max + 5000, 'zqmoi', `${word} zqmoi`);
    })();
    expect((db.prepare("SELECT COUNT(*) AS n FROM rank_dirty WHERE tbl = 'claims'").get() as { n: number }).n).toBe(5);
    const q = toFtsQuery(`${word} zqmoi`);
    expect(ours('claims', q).map((h) => h.id)).toEqual(fts5('claims', q).map((h) => h.id));
    expect(ours('claims', q)).toHaveLength(4);
    const phrases = [`"${word} ${word}"`, `"${word} zqmoi"`, `"zqmoi ${word} ${word}"`, `"${word} ${word}" "zqmoi"`];
    const same = () => {
      for (const p of phrases) {
        const want = fts5('claims', p);
        expect(want.length, p).toBeGreaterThan(0);
        const got = ours('claims', p);
        expect(got.map((h) => h.id), p).toEqual(want.map((h) => h.id));
        got.forEach((h, i) => expect(Math.abs(h.rank - want[i]!.rank), p).toBeLessThanOrEqual(1e-9 * Math.abs(want[i]!.rank)));
      }
    };
    same();
    expectSameRanking('claims');

    expect(new RankIndex(db).flush()).toBe(4); // segments 0, 1, 4 and the new one
    expect((db.prepare('SELECT COUNT(*) AS n FROM rank_dirty').get() as { n: number }).n).toBe(0);
    expect(ours('claims', q).map((h) => h.id)).toEqual(fts5('claims', q).map((h) => h.id));
    same();
    expectSameRanking('claims');
  });

  it('gives way to FTS5 when the index was never built, or too many rows wait for it', () => {
    const q = toFtsQuery('nam');
    const before = search(db, 'nam', { limit: 10 });
    db.prepare("UPDATE rank_state SET built = 0 WHERE tbl = 'articles'").run();
    expect(rankedMatches(db, 'articles', plainTerms(q)!)).toBeNull();
    expect(search(db, 'nam', { limit: 10 })).toEqual(before);
    db.prepare("UPDATE rank_state SET built = 1 WHERE tbl = 'articles'").run();

    db.transaction(() => {
      const ins = db.prepare("INSERT INTO rank_dirty (tbl, doc) VALUES ('articles', ?)");
      for (let i = 1; i <= OVERLAY_MAX + 1; i++) ins.run(i);
    })();
    expect(rankedMatches(db, 'articles', plainTerms(q)!)).toBeNull();
    expect(search(db, 'nam', { limit: 10 })).toEqual(before);
    expect(new RankIndex(db).flush()).toBe(3);
    expect(rankedMatches(db, 'articles', plainTerms(q)!)).not.toBeNull();
    expect(search(db, 'nam', { limit: 10 })).toEqual(before);
  });
});

describe('the cache of decoded postings', () => {
  it('stays within its budget, evicting the least recently used, and ranks the same', () => {
    const saved = RANK_CACHE.bytes;
    try {
      // 64 KB: a common term's postings (5,000 articles: about 30 KB) are kept, a few at a time.
      RANK_CACHE.bytes = 64 << 10;
      expectSameRanking('articles');
      expect(cachedBytes(db, 'articles')).toBeGreaterThan(0);
      expect(cachedBytes(db, 'articles')).toBeLessThanOrEqual(64 << 10);
    } finally {
      RANK_CACHE.bytes = saved;
    }
  });
});

describe('the recent results', () => {
  it('are kept within their budget, the least recently used out first, and never past a change', () => {
    const saved = RANK_CACHE.results;
    try {
      const nam = rankedMatches(db, 'articles', ['nam'])!;
      const bytes = nam.ids.byteLength + nam.scores.byteLength;
      // Room for "nam" and one more like it.
      RANK_CACHE.results = 2 * bytes;
      expect(rankedMatches(db, 'articles', ['nam'])).toBe(nam);
      const tang = rankedMatches(db, 'articles', ['tang'])!;
      expect(rankedMatches(db, 'articles', ['nam'])).toBe(nam);
      // A third result: "tang", the least recently used, goes; "nam" stays.
      rankedMatches(db, 'articles', ['nam', 'tang']);
      expect(rankedMatches(db, 'articles', ['nam'])).toBe(nam);
      const again = rankedMatches(db, 'articles', ['tang'])!;
      expect(again).not.toBe(tang);
      expect([...inRankOrder(again, 20)]).toEqual([...inRankOrder(tang, 20)]);
      // A write, by this connection or another, and they are computed again.
      db.exec("UPDATE articles SET author = author WHERE id = 1");
      expect(rankedMatches(db, 'articles', ['nam'])).not.toBe(nam);
    } finally {
      RANK_CACHE.results = saved;
    }
  });
});

describe('a prefix of too many terms', () => {
  it('is ranked by FTS5', () => {
    db.transaction(() => {
      const ins = db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)');
      for (let i = 0; i < 300; i++) ins.run(900_000 + i, 'zq', `zq${i} zq${i}`);
    })();
    new RankIndex(db).build('claims');
    expect(rankedMatches(db, 'claims', ['zq1*'])).not.toBeNull();
    expect(rankedMatches(db, 'claims', ['zq*'])).toBeNull();
    // Through FTS5: the FTS rows without claims are matched but not listed; the claims rewritten above are.
    const rewritten = (db.prepare("SELECT id FROM claims WHERE sentence LIKE '%zqmoi%' ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    expect(rewritten).toHaveLength(4);
    expect(search(db, 'zq*', { in: 'claims', limit: 500 }).map((h) => h.id).sort((a, b) => a - b)).toEqual(rewritten);
    expect(fts5('claims', '"zq"*')).toHaveLength(304);
    expect(ours('claims', '"zq1"*').map((h) => h.id)).toEqual(fts5('claims', '"zq1"*').map((h) => h.id));
  });
});

describe('inRankOrder', () => {
  it('orders by score, then by lowest rowid, across the windows', () => {
    const ids = [50, 30, 90, 10, 70, 20];
    const scores = [1, 2, 1, 1, 3, 1];
    const m = { ids: Float64Array.from(ids), scores: Float64Array.from(scores), count: ids.length };
    for (const window of [1, 2, 3, 6, 100]) {
      expect([...inRankOrder(m, window)].map((h) => h.id), `window ${window}`).toEqual([70, 30, 10, 20, 50, 90]);
    }
    expect([...inRankOrder(m, 2)][0]).toEqual({ id: 70, rank: -3 });
  });

  it('gives every match, best first, past the first window too', () => {
    const q = toFtsQuery('nam');
    const all = [...inRankOrder(rankedMatches(db, 'articles', plainTerms(q)!)!, 16)];
    expect(all.map((h) => h.id)).toEqual(fts5('articles', q).map((h) => h.id));
  });
});

describe('search() with filters on the ranking index', () => {
  it('gives the same hits as FTS5 whether the filter is a set of ids, checked match by match, or handed back to FTS5', () => {
    const source = (db.prepare('SELECT source_id AS s FROM articles GROUP BY source_id ORDER BY COUNT(*) DESC LIMIT 1').get() as { s: string }).s;
    const since = (db.prepare('SELECT substr(published_at, 1, 10) AS d FROM articles ORDER BY published_at DESC LIMIT 1 OFFSET 300').get() as { d: string }).d;
    const saved = { ...FILTER_TUNING };
    try {
      for (const [q, options] of [['nam', { source }], ['tang truong', { since }], ['xuat khau', { in: 'claims' as const, source }], ['ty', { in: 'claims' as const, since, qualifier: 'over' }]] as const) {
        const fts = toFtsQuery(q);
        // raw: the FTS5 path, with the filters inside its ranking query.
        const want = search(db, fts, { ...options, raw: true, limit: 30 }).map((h) => h.id);
        expect(want.length, q).toBeGreaterThan(0);
        for (const tuning of [{ smallFilter: 5000, filterChecks: 2000 }, { smallFilter: 0, filterChecks: 1_000_000 }, { smallFilter: 0, filterChecks: 3 }]) {
          Object.assign(FILTER_TUNING, tuning);
          expect(search(db, q, { ...options, limit: 30 }).map((h) => h.id), `${q} ${JSON.stringify(tuning)}`).toEqual(want);
        }
      }
    } finally {
      Object.assign(FILTER_TUNING, saved);
    }
  });

  it('gives the same hits from the claims\' columns kept in memory, every claim filter included', () => {
    const one = (sql: string) => db.prepare(sql).pluck().get() as string;
    const source = one('SELECT source_id FROM articles GROUP BY source_id ORDER BY COUNT(*) DESC LIMIT 1');
    const since = one('SELECT substr(published_at, 1, 10) FROM articles ORDER BY published_at DESC LIMIT 1 OFFSET 300');
    const metric = one("SELECT substr(metric_key, 1, instr(metric_key, '|') - 1) FROM claims GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1 OFFSET 2");
    const kept = openDb(join(dir, 'gen.db'), { readonly: true });
    try {
      keepClaimColumns(kept);
      expect(claimColumns(kept)).not.toBeNull();
      for (const [q, options] of [['xuat khau', { source }], ['ty', { since, qualifier: 'over' }], ['tang', { period: '2022' }],
        ['dong', { metric, period: '2021' }], ['"6 thang"', { source, qualifier: 'about' }], ['nam', { until: since, metric }]] as const) {
        const want = search(db, toFtsQuery(q), { ...options, in: 'claims', raw: true, limit: 30 }).map((h) => h.id);
        expect(want.length, q).toBeGreaterThan(0);
        expect(search(kept, q, { ...options, in: 'claims', limit: 30 }).map((h) => h.id), `${q} ${JSON.stringify(options)}`).toEqual(want);
        expect(search(db, q, { ...options, in: 'claims', limit: 30 }).map((h) => h.id), `${q} ${JSON.stringify(options)}`).toEqual(want);
      }
    } finally {
      kept.close();
    }
  });
});
