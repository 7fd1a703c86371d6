import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { forEachToken, ftsTokens } from '../../src/text/fts-tokens.js';
import { foldKey } from '../../src/text/normalize.js';

/** What SQLite's own unicode61 remove_diacritics 2 tokenizer makes of each text, read back through fts5vocab. */
function sqliteTokens(texts: readonly string[]): string[][] {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2')");
  db.exec('CREATE VIRTUAL TABLE v USING fts5vocab (t, instance)');
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
  texts.forEach((x, i) => insert.run(i + 1, x));
  const out = texts.map(() => [] as string[]);
  const rows = db.prepare('SELECT doc, term, offset FROM v ORDER BY doc, offset').all() as { doc: number; term: string; offset: number }[];
  for (const r of rows) out[r.doc - 1]![r.offset] = r.term;
  db.close();
  return out;
}

const TEXTS = [
  'Thủ tướng Phạm Minh Chính chủ trì Hội nghị trực tuyến với 63 tỉnh, thành phố',
  'ĐẮK LẮK: tăng trưởng GDP 6,5% trong 6 tháng đầu năm 2024; xuất khẩu đạt 354,5 tỷ USD.',
  'Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân (PDPD) — hiệu lực từ 01/7/2023',
  'e\u0301 combining, naïve café, São Paulo, Zürich, ÅNGSTRÖM',
  'Ελληνικά ΑΘΗΝΑ, Привет МИР, 中文字符 和 日本語, 한국어',
  'x² + y³ = z, ½ cup, ١٢٣ digits, ＡＢＣ fullwidth, private \uE000use',
  'emoji 😀abc 𝒳y astral, tab\tand\nnewline, under_score, e-Gov, a.b.c, "quoted"',
  '', '   ', '—–…', 'ǅemal ĳ ŉ', 'ΟΔΟΣ ΣΟΦΟΣ İstanbul straße ØRESUND Łódź', 'שָׁלוֹם हिन्दी',
];

describe('ftsTokens', () => {
  it('cuts and folds text into the tokens SQLite FTS5 unicode61 makes of it', () => {
    const texts = [...TEXTS, ...TEXTS.map(foldKey)];
    expect(texts.map(ftsTokens)).toEqual(sqliteTokens(texts));
  });

  it('folds case and tones of a token beyond ASCII, and lower-cases ASCII ones', () => {
    expect(ftsTokens('Hà NỘI GDP')).toEqual(['ha', 'noi', 'gdp']);
    expect(ftsTokens(foldKey('Đà Nẵng'))).toEqual(['da', 'nang']);
  });

  it('visits the tokens in order with forEachToken, without building an array', () => {
    const seen: string[] = [];
    forEachToken('a1 b2,c3', (t) => seen.push(t));
    expect(seen).toEqual(['a1', 'b2', 'c3']);
  });
});
