import { describe, expect, it } from 'vitest';
import { alternation, escapeRe, matchAnchored, matchWords, phraseRegex, WB, WE, SuffixTable } from '../../src/text/regex.js';

/** Every whole match of `re` in `s`, as [text, start]. */
const matches = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => [m[0], m.index] as const);

describe('the ASCII \\b trap', () => {
  it("phraseRegex(['Bộ']) matches in \"Bộ Công an\" and not in \"Bội\"", () => {
    expect(phraseRegex(['Bộ']).test('Bộ Công an')).toBe(true);
    expect(phraseRegex(['Bộ']).test('Bội')).toBe(false);
    expect(phraseRegex(['Bộ']).test('Bội chi ngân sách')).toBe(false);
    expect(phraseRegex(['Bộ']).test('thuộc Bộ.')).toBe(true);
  });
  it('does not match a word inside a longer word ending in a marked letter', () => {
    expect(phraseRegex(['Bộ']).test('Bộộ')).toBe(false);
    expect(phraseRegex(['Hà']).test('Hàn Quốc')).toBe(false);
    expect(phraseRegex(['Hàn']).test('Hàn Quốc')).toBe(true);
    expect(phraseRegex(['an']).test('Công an')).toBe(true);
    expect(phraseRegex(['an']).test('Công ăn')).toBe(false);
  });
  it('treats digits as word characters', () => {
    expect(phraseRegex(['QH']).test('QH15')).toBe(false);
    expect(phraseRegex(['QH15']).test('Luật 20/2023/QH15 có hiệu lực')).toBe(true);
  });
  it('treats a combining mark as part of the word (text that is not NFC)', () => {
    expect(phraseRegex(['Bo']).test('Bo\u0323\u0302 Công an')).toBe(false);
    expect(phraseRegex(['Bo']).test('Bo Công an')).toBe(true);
  });
  it('WB and WE work as lookarounds on their own', () => {
    const re = new RegExp(`${WB}tỉnh${WE}`, 'gu');
    expect(matches(re, 'tỉnh Hà Tĩnh, các tỉnh, tỉnhx, Ltỉnh')).toEqual([['tỉnh', 0], ['tỉnh', 18]]);
  });
});

describe('phraseRegex', () => {
  it('is case-insensitive on Vietnamese letters', () => {
    expect(phraseRegex(['Bộ Công an']).test('BỘ CÔNG AN')).toBe(true);
    expect(phraseRegex(['Thủ tướng']).test('thủ tướng')).toBe(true);
  });
  it('prefers the longest phrase and reports its span', () => {
    const s = 'Phó Thủ tướng Lê Minh Khái làm việc với Thủ tướng.';
    const found = matches(phraseRegex(['Thủ tướng', 'Phó Thủ tướng']), s);
    expect(found).toEqual([['Phó Thủ tướng', 0], ['Thủ tướng', 40]]);
    expect(s.slice(40, 49)).toBe('Thủ tướng');
  });
  it('lets a space in a phrase match any run of spaces, tabs or a line break', () => {
    expect(phraseRegex(['Chính phủ']).test('Chính   phủ')).toBe(true);
    expect(phraseRegex(['Chính phủ']).test('Chính\nphủ')).toBe(true);
    expect(phraseRegex(['Chính phủ']).test('Chínhphủ')).toBe(false);
  });
  it('escapes regex characters in phrases', () => {
    expect(phraseRegex(['KH&ĐT']).test('Bộ KH&ĐT')).toBe(true);
    expect(phraseRegex(['TP.HCM']).test('TP.HCM')).toBe(true);
    expect(phraseRegex(['TP.HCM']).test('TPxHCM')).toBe(false);
    expect(phraseRegex(['(VPCP)']).test('Văn phòng (VPCP) họp')).toBe(true);
    expect(phraseRegex(['(VPCP)']).test('Văn phòng VPCP họp')).toBe(false);
  });
  it('accepts custom flags', () => {
    const re = phraseRegex(['Bộ'], 'u');
    expect(re.flags).toBe('u');
    expect(re.test('bộ')).toBe(false);
    expect(re.test('Bộ')).toBe(true);
  });
  it('accepts any iterable and ignores duplicates', () => {
    const re = phraseRegex(new Set(['Bộ', 'Sở']));
    expect(matches(re, 'Bộ, Sở, Bội, Sởi')).toEqual([['Bộ', 0], ['Sở', 4]]);
  });
});

describe('alternation', () => {
  it('sorts longest first and removes duplicates', () => {
    expect(alternation(['Thủ tướng', 'Phó Thủ tướng', 'Thủ tướng'])).toBe('Phó\\s+Thủ\\s+tướng|Thủ\\s+tướng');
  });
  it('escapes special characters', () => {
    expect(alternation(['a.b', 'c+d'])).toBe('a\\.b|c\\+d');
  });
});

describe('escapeRe', () => {
  it('escapes every regex metacharacter', () => {
    const special = '.*+?^${}()|[]\\';
    expect(new RegExp(`^${escapeRe(special)}$`).test(special)).toBe(true);
    expect(escapeRe('Nghị định 42/2022/NĐ-CP')).toBe('Nghị định 42/2022/NĐ-CP');
  });
});

describe('SuffixTable', () => {
  const table = new SuffixTable([['hơn', 'over'], ['khoảng hơn', 'over'], ['khoảng', 'about'], ['ít nhất', 'at_least']] as const);
  it('finds the longest phrase at the end of a text, with the length from its start', () => {
    expect(table.match('có khoảng hơn ')).toEqual({ phrase: 'khoảng hơn', value: 'over', length: 11 });
    expect(table.match('đạt ít nhất')).toEqual({ phrase: 'ít nhất', value: 'at_least', length: 7 });
    expect(table.match('Khoảng ')).toEqual({ phrase: 'khoảng', value: 'about', length: 7 });
  });
  it('matches whole words only, and ignores an opening bracket', () => {
    expect(table.match('nhơn ')).toBeNull();
    expect(table.match('số liệu (hơn ')?.phrase).toBe('hơn');
    expect(table.match('')).toBeNull();
  });
});

const found = (it: Iterable<RegExpExecArray>) => [...it].map((m) => [m[0], m.index] as const);

describe('matchWords', () => {
  it('keeps only matches at a word start and retries inside a rejected one', () => {
    expect(found(matchWords(/hai\s+năm/gu, 'Khai năm; hai năm'))).toEqual([['hai năm', 10]]);
    expect(found(matchWords(/\d+/gu, 'COVID19 và 25'))).toEqual([['25', 11]]);
  });
  it('takes the characters that may not come before a match', () => {
    expect(found(matchWords(/\d+/gu, '1/2 và 3', /[/\p{L}]/u))).toEqual([['1', 0], ['3', 7]]);
  });
});

describe('matchAnchored', () => {
  const MONTHS = /(\d{1,2}|sáu|chín|ba|mười một|mười)\s+tháng(?:\s+đầu\s+năm)?(?![\p{L}\p{N}])/giu;
  const anchor = { re: /tháng/giu, reach: 2 };
  it('finds what a scan of the whole text finds', () => {
    const s = 'Trong 6 tháng đầu năm, (9 tháng) và mười một tháng; Khai tháng, 12 THÁNG, ba  tháng tháng 7';
    expect(found(matchAnchored(MONTHS, anchor, s))).toEqual(found(matchWords(MONTHS, s)));
    expect(found(matchAnchored(MONTHS, anchor, s)).map(([t]) => t)).toEqual(['6 tháng đầu năm', '9 tháng', 'mười một tháng', '12 THÁNG', 'ba  tháng']);
  });
  it('misses a match that starts further back than its reach', () => {
    expect(found(matchAnchored(MONTHS, { re: /tháng/giu, reach: 1 }, 'mười một tháng'))).toEqual([]);
    expect(found(matchAnchored(MONTHS, { re: /tháng/giu, reach: 2 }, 'mười một tháng'))).toEqual([['mười một tháng', 0]]);
  });
  it('agrees with matchWords on random text made of the pattern\'s pieces', () => {
    const pieces = ['6', '12', '2.000', 'tháng', 'THÁNG', 'đầu', 'năm', 'mười', 'một', 'ba', 'Khai', '(', ',', ' ', '  ', '\n', 'x'];
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 300; round++) {
      let s = '';
      for (let k = 0; k < 40; k++) s += pieces[rand(pieces.length)] + (rand(3) ? ' ' : '');
      expect(found(matchAnchored(MONTHS, anchor, s)), s).toEqual(found(matchWords(MONTHS, s)));
    }
  });
});
