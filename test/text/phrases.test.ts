import { describe, expect, it } from 'vitest';
import { PhraseIndex, tokenize } from '../../src/text/phrases.js';
import { foldKey } from '../../src/text/normalize.js';

describe('tokenize', () => {
  it('splits letter-digit runs and keeps every other character as a word of its own, with offsets', () => {
    const text = 'Tổng sản phẩm (GDP) tăng 7,72%';
    const toks = tokenize(text);
    expect(toks.map((t) => t.word)).toEqual(['Tổng', 'sản', 'phẩm', '(', 'GDP', ')', 'tăng', '7', ',', '72', '%']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.word);
  });
  it('treats the general punctuation block as punctuation and Vietnamese letters as letters', () => {
    expect(tokenize('xuất – nhập “khẩu”').map((t) => t.word)).toEqual(['xuất', '–', 'nhập', '“', 'khẩu', '”']);
    expect(tokenize('  \n ')).toEqual([]);
  });
});

describe('PhraseIndex', () => {
  const index = new PhraseIndex<string>([['chỉ số giá tiêu dùng', 'cpi'], ['chỉ số giá', 'price-index'], ['cpi', 'cpi'], ['xuất, nhập khẩu', 'trade']]);
  it('finds the longest phrase at each position, with its offsets in the text', () => {
    const text = 'Chỉ số giá tiêu dùng tăng; chỉ số giá sản xuất giảm.';
    expect(index.findAll(text).map((h) => [h.value, text.slice(h.start, h.end)])).toEqual([
      ['cpi', 'Chỉ số giá tiêu dùng'],
      ['price-index', 'chỉ số giá'],
    ]);
  });
  it('matches whole words only, and punctuation inside a phrase as written', () => {
    expect(index.findAll('CPIX tăng').map((h) => h.value)).toEqual([]);
    expect(index.findAll('(CPI) tăng').map((h) => h.value)).toEqual(['cpi']);
    expect(index.findAll('kim ngạch xuất, nhập khẩu').map((h) => h.value)).toEqual(['trade']);
    expect(index.findAll('kim ngạch xuất nhập khẩu').map((h) => h.value)).toEqual([]);
  });
  it('compares in the form its key gives, such as accent-folded', () => {
    const folded = new PhraseIndex([['hóa đơn điện tử', 'e-invoice']], foldKey);
    expect(folded.findAll('Hoa don dien tu da dung').map((h) => h.value)).toEqual(['e-invoice']);
    const text = 'Số HÓA ĐƠN ĐIỆN TỬ tăng';
    expect(folded.findAll(text).map((h) => text.slice(h.start, h.end))).toEqual(['HÓA ĐƠN ĐIỆN TỬ']);
  });
  it('keys a text whose letters are decomposed (a key that drops a combining mark) as a whole', () => {
    const folded = new PhraseIndex([['hóa đơn điện tử', 'e-invoice']], foldKey);
    const decomposed = 'hóa đơn điện tử'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan('hóa đơn điện tử'.length);
    expect(folded.findAll(decomposed).map((h) => h.value)).toEqual(['e-invoice']);
  });
  it('checks the words of a phrase, not only their hashes', () => {
    // "Aa" and "BB" have the same 31-multiplier hash.
    const index = new PhraseIndex<string>([['Aa x', 'one']], (s) => s);
    expect(index.findAll('BB x').map((h) => h.value)).toEqual([]);
    expect(index.findAll('Aa x').map((h) => h.value)).toEqual(['one']);
  });
  it('reads texts of any number of words', () => {
    const text = `${'từ '.repeat(2000)}chỉ số giá tiêu dùng`;
    expect(index.findAll(text).map((h) => h.value)).toEqual(['cpi']);
  });
});
