import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumberWords, parseNumeral, type NumberMention } from '../../src/text/numbers.js';
import { findDates } from '../../src/text/dates.js';
import { MULTIPLIERS } from '../../src/text/data/numbers.js';

/** findNumbers, after checking that every span cuts its raw text out of the input. */
function find(text: string, options?: Parameters<typeof findNumbers>[1]): NumberMention[] {
  const out = findNumbers(text, options);
  for (const n of out) expect(text.slice(n.span[0], n.span[1])).toBe(n.raw);
  return out;
}
const values = (text: string, options?: Parameters<typeof findNumbers>[1]) => find(text, options).map((n) => n.value);

describe('parseNumeral', () => {
  it.each([
    ['30.000', 30000],
    ['2.107', 2107],
    ['1.000.000', 1_000_000],
    ['38,5', 38.5],
    ['1.234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['01', 1],
    ['03', 3],
    ['0,5', 0.5],
    ['2022', 2022],
    ['7', 7],
    ['12,345', 12.345], // Vietnamese: the comma is the decimal mark
    ['1,000,000', 1_000_000], // English thousands only with two or more groups
    ['3.5', 3.5], // a dot not followed by three digits is a decimal point
    ['1.2345', 1.2345],
  ])('%s = %d', (raw, value) => {
    expect(parseNumeral(raw)).toBe(value);
  });
  it('trims surrounding spaces', () => {
    expect(parseNumeral('  30.000 ')).toBe(30000);
  });
  it.each(['', 'abc', '1.000.00', '1,2,3', '12a', '-5', '1.1.2016', '42/2022', '1 000'])('rejects %j', (raw) => {
    expect(parseNumeral(raw)).toBeNull();
  });
});

describe('findNumbers: digits', () => {
  it.each([
    ['Có 30.000 người đăng ký.', 30000, '30.000'],
    ['Tỉnh có 2.107 doanh nghiệp mới.', 2107, '2.107'],
    ['Tỷ lệ đạt 38,5%.', 38.5, '38,5'],
    ['Kinh phí 1.234,5 triệu đồng.', 1234.5e6, '1.234,5 triệu'],
    ['Hỗ trợ hơn 01 triệu lao động.', 1e6, '01 triệu'],
    ['Thực hiện 03 đột phá chiến lược.', 3, '03'],
    ['Thu hút 30 nghìn lượt khách.', 30000, '30 nghìn'],
    ['Có 20 ngàn người.', 20000, '20 ngàn'],
    ['Xuất khẩu 5 triệu tấn gạo.', 5e6, '5 triệu'],
    ['Vốn 150.000 tỷ đồng.', 150000e9, '150.000 tỷ'],
    ['Vốn 4 tỉ USD.', 4e9, '4 tỉ'],
    ['Tổng vốn 2,5 nghìn tỷ đồng.', 2.5e12, '2,5 nghìn tỷ'],
    ['Tổng vốn 3 ngàn tỷ đồng.', 3e12, '3 ngàn tỷ'],
    ['Tổng vốn 7 nghìn tỉ đồng.', 7e12, '7 nghìn tỉ'],
    ['Khoảng 3 chục hộ dân.', 30, '3 chục'],
    ['Khoảng 2 trăm hộ.', 200, '2 trăm'],
    ['Mua 2 tá bút.', 24, '2 tá'],
    ['Tăng 2,3 điểm phần trăm.', 2.3, '2,3'],
    ['Gấp 2,5 lần.', 2.5, '2,5'],
    ['Đạt 10.000.000 đồng.', 1e7, '10.000.000'],
    ['Mức lương 4,68 triệu đồng.', 4.68e6, '4,68 triệu'],
  ])('%s', (text, value, raw) => {
    const out = find(text);
    expect(out).toHaveLength(1);
    expect(out[0]!.value).toBe(value);
    expect(out[0]!.raw).toBe(raw);
    expect(text.slice(out[0]!.span[0], out[0]!.span[1])).toBe(raw);
  });
  it('reports base, factor and words', () => {
    const [n] = find('Ngân sách 2,5 nghìn tỷ đồng');
    expect(n).toMatchObject({ value: 2.5e12, base: 2.5, factor: 1e12, raw: '2,5 nghìn tỷ', span: [10, 22], words: false });
  });
  it('folds multipliers without binary noise', () => {
    expect(values('Dân số 66,1 triệu người')).toEqual([66_100_000]);
    expect(values('Thu 0,3 tỷ đồng')).toEqual([300_000_000]);
    expect(values('Vốn 1,1 nghìn tỷ')).toEqual([1.1e12]);
  });
  it('reads "rưỡi" after a multiplier as half of it', () => {
    expect(find('Khoảng 2 triệu rưỡi người')).toMatchObject([{ value: 2.5e6, base: 2, factor: 1e6, raw: '2 triệu rưỡi' }]);
    expect(values('Vốn 3 tỷ rưỡi đồng')).toEqual([3.5e9]);
  });
  it('reads multipliers written in capitals (headlines)', () => {
    expect(find('HƠN 5 TRIỆU NGƯỜI ĐƯỢC HỖ TRỢ')).toMatchObject([{ value: 5e6, raw: '5 TRIỆU' }]);
    expect(values('Thu 2 Nghìn Tỷ')).toEqual([2e12]);
  });
  it('shares the multiplier of a range written "66,1-66,9 triệu"', () => {
    const out = find('Dân số khoảng 66,1-66,9 triệu người');
    expect(out.map((n) => [n.value, n.base, n.factor, n.raw])).toEqual([
      [66_100_000, 66.1, 1e6, '66,1'],
      [66_900_000, 66.9, 1e6, '66,9 triệu'],
    ]);
  });
  it('shares it across spaced dashes and en dashes too', () => {
    expect(values('từ 100 - 200 nghìn đồng')).toEqual([100_000, 200_000]);
    expect(values('2–3 tỷ USD')).toEqual([2e9, 3e9]);
  });
  it('shares it in "từ X đến|tới Y" ranges', () => {
    expect(values('Mức hỗ trợ từ 10 đến 20 triệu đồng')).toEqual([10e6, 20e6]);
    expect(values('Vốn từ 1,5 tới 2 tỷ USD')).toEqual([1.5e9, 2e9]);
  });
  it('does not share a multiplier across other words', () => {
    expect(values('Có 5 đơn vị và 3 triệu đồng')).toEqual([5, 3e6]);
    expect(values('Có 5 người đến 3 triệu lần')).toEqual([5, 3e6]);
    expect(values('Cả 2 tỷ - 3 triệu')).toEqual([2e9, 3e6]); // the lower bound already has its own multiplier
  });
  it('finds several numbers in order with exact spans', () => {
    const text = 'Năm nay có 1.250 dự án, vốn 38,5 nghìn tỷ đồng, tăng 7,72%.';
    const out = find(text);
    expect(out.map((n) => n.raw)).toEqual(['1.250', '38,5 nghìn tỷ', '7,72']);
    expect(out.map((n) => n.value)).toEqual([1250, 38.5e12, 7.72]);
  });
  it('does not read a multiplier word that is part of a longer word', () => {
    expect(find('Có 3 tỉnh tham gia')).toMatchObject([{ value: 3, factor: 1, raw: '3' }]);
    expect(find('Có 4 trămx')).toMatchObject([{ value: 4, factor: 1, raw: '4' }]);
  });
});

describe('findNumbers: what is not a free number', () => {
  it.each([
    ['Dịch COVID-19 đã được kiểm soát.'],
    ['Theo Nghị định 42/2022/NĐ-CP của Chính phủ.'],
    ['Quyết định 06/QĐ-TTg về Đề án.'],
    ['Nghị quyết 57-NQ/TW của Bộ Chính trị.'],
    ['Có hiệu lực từ 1.1.2016.'],
    ['Kỳ hạn 4.1.2017 - 4.1.2018.'],
    ['Ngày 24/6/2022 Chính phủ ban hành.'],
    ['Nhóm G20 họp.'],
    ['Máy bay Su-30 bay qua.'],
  ])('%s', (text) => {
    expect(find(text)).toEqual([]);
  });
  it('skips numbers inside masked spans', () => {
    const text = 'Ngày 15/3, tỉnh giải ngân 250 tỷ đồng.';
    expect(values(text)).toEqual([250e9]); // "15/3" is a date pattern, never a free number
    const text2 = 'Năm 2022, tỉnh giải ngân 250 tỷ đồng cho 12 dự án.';
    const mask = findDates(text2, '2022-08-10').map((d) => d.span);
    expect(mask).toEqual([[0, 8]]);
    expect(find(text2, { mask }).map((n) => n.raw)).toEqual(['250 tỷ', '12']);
    expect(find(text2).map((n) => n.raw)).toEqual(['2022', '250 tỷ', '12']);
  });
  it('skips a number that only overlaps a mask partly', () => {
    const text = 'Vốn 38,5 nghìn tỷ đồng';
    expect(find(text, { mask: [[13, 17]] })).toEqual([]);
    // "38,5 nghìn tỷ" is [4, 17]: a mask that starts where it ends does not hide it.
    expect(find(text, { mask: [[17, 22]] })).toMatchObject([{ raw: '38,5 nghìn tỷ', span: [4, 17] }]);
  });
});

describe('parseNumberWords', () => {
  it.each([
    ['một', 1], ['năm', 5], ['mười', 10], ['mười một', 11], ['mười lăm', 15], ['mười bốn', 14], ['mười tư', 14],
    ['hai mươi', 20], ['hai mươi mốt', 21], ['hai mươi tư', 24], ['hai mươi bốn', 24], ['ba mươi lăm', 35],
    ['năm mươi nhăm', 55], ['bảy mươi mốt', 71], ['chín mươi chín', 99], ['ba chục', 30],
    ['một trăm', 100], ['hai trăm', 200], ['một trăm linh năm', 105], ['ba trăm lẻ bảy', 307], ['một trăm mười', 110],
    ['một trăm mười lăm', 115], ['hai trăm năm mươi', 250], ['một trăm hai', 120], ['trăm rưỡi', 150],
    ['một nghìn chín trăm bốn mươi lăm', 1945], ['hai nghìn không trăm hai mươi hai', 2022], ['hai nghìn linh năm', 2005],
    ['hai nghìn ba', 2300], ['hai nghìn tư', 2400], ['ba nghìn rưỡi', 3500], ['hai mươi mốt nghìn', 21000],
    ['một triệu rưỡi', 1.5e6], ['một triệu hai', 1.2e6], ['một tỷ hai trăm triệu', 1.2e9], ['hai nghìn tỷ', 2e12],
    ['hai ngàn tỉ', 2e12], ['Hai Mươi Mốt', 21], ['  ba   mươi  ', 30],
  ])('%s = %d', (phrase, value) => {
    expect(parseNumberWords(phrase)).toBe(value);
  });
  it.each([
    '', 'mười mốt', 'mốt', 'tư', 'lăm', 'một mươi', 'một trăm linh', 'hai ba', 'mười chục',
    // After tens, five is "lăm": "mười năm", "hai mươi năm" are ten and twenty years.
    'mười năm', 'hai mươi năm',
    // After a scale word, "năm" is a year: "một trăm năm" is a century, not 105 or 150.
    'một trăm năm', 'hai nghìn năm',
    // Not number words at all, including names of Object.prototype members.
    'hai người', 'constructor', 'hai toString', 'hai mươi valueOf', 'một trăm hasOwnProperty',
  ])('rejects %j', (phrase) => {
    expect(parseNumberWords(phrase)).toBeNull();
  });
});

describe('findNumbers: words', () => {
  const wordsOf = (text: string) => find(text, { words: true }).filter((n) => n.words).map((n) => [n.raw, n.value]);
  it('reads number words only when asked', () => {
    expect(find('Có hai mươi mốt đại biểu')).toEqual([]);
    expect(find('Có hai mươi mốt đại biểu', { words: true })).toMatchObject([
      { value: 21, base: 21, factor: 1, raw: 'hai mươi mốt', span: [3, 15], words: true },
    ]);
  });
  it.each([
    ['Có ba mươi lăm tỉnh tham gia.', [['ba mươi lăm', 35]]],
    ['Xây một trăm linh năm ngôi nhà.', [['một trăm linh năm', 105]]],
    ['Xây ba trăm lẻ bảy ngôi nhà.', [['ba trăm lẻ bảy', 307]]],
    ['Hỗ trợ một triệu rưỡi hộ.', [['một triệu rưỡi', 1.5e6]]],
    ['Đầu tư hai nghìn tỷ đồng.', [['hai nghìn tỷ', 2e12]]],
    ['Có mười đơn vị.', [['mười', 10]]],
    ['Trong mười năm qua.', [['mười', 10]]],
    ['Sau hai mươi năm đổi mới.', [['hai mươi', 20]]],
    ['Trong ba năm tới.', [['ba', 3]]],
    ['Có ba chục người.', [['ba chục', 30]]],
    ['Kỷ niệm một trăm năm ngày sinh.', [['một trăm', 100]]],
    ['Có HAI MƯƠI người.', [['HAI MƯƠI', 20]]],
    ['Có hai ba người.', [['hai', 2], ['ba', 3]]],
  ])('%s', (text, expected) => {
    expect(wordsOf(text)).toEqual(expected);
  });
  it('never reads lone "một", "năm" or "không"', () => {
    expect(find('Một đoàn công tác làm việc trong năm nay, không có gì thay đổi.', { words: true })).toEqual([]);
  });
  it('never reads a bare scale word or an after-tens word', () => {
    expect(find('Hàng trăm nghìn lao động, thứ tư, đầu tư, ngày mốt, số lẻ, linh hoạt', { words: true })).toEqual([]);
  });
  it('does not read multiplier words that belong to a digit numeral a second time', () => {
    expect(find('Vốn 5 nghìn tỷ đồng', { words: true })).toMatchObject([{ value: 5e12, raw: '5 nghìn tỷ', words: false }]);
    expect(find('Có 5 triệu rưỡi người', { words: true })).toMatchObject([{ value: 5.5e6, raw: '5 triệu rưỡi', words: false }]);
  });
  it('merges digit and word numbers in text order', () => {
    expect(find('Có 12 tỉnh và hai mươi huyện, 3 xã', { words: true }).map((n) => n.raw)).toEqual(['12', 'hai mươi', '3']);
  });
  it('skips masked word numbers', () => {
    expect(find('Có hai mươi người', { words: true, mask: [[3, 11]] })).toEqual([]);
  });
});

describe('multiplier data', () => {
  it('has the stacked forms and the factors of vi-domain.md', () => {
    const f = Object.fromEntries(MULTIPLIERS.map((m) => [m.word, m.factor]));
    expect(f).toMatchObject({ 'nghìn': 1e3, 'ngàn': 1e3, 'triệu': 1e6, 'tỷ': 1e9, 'tỉ': 1e9, 'nghìn tỷ': 1e12, 'chục': 10, 'trăm': 100, 'tá': 12 });
  });
  it('reads each example as the product of its numeral and factor', () => {
    for (const m of MULTIPLIERS) {
      const digits = find(m.example).filter((n) => n.raw.toLowerCase().includes(m.word));
      if (!/\d/.test(m.example)) continue; // "hai vạn quân", "vài trăm hộ" have no numeral
      expect(digits, m.example).toHaveLength(1);
      expect(digits[0]!.factor, m.example).toBe(m.factor);
    }
  });
});
