/**
 * Number vocabulary of Vietnamese news text, as data. Each entry carries an example of its use.
 */

export interface Multiplier {
  word: string;
  factor: number;
  example: string;
}

/** Multiplier words after a numeral, longest first when matched ("nghìn tỷ" before "nghìn"). */
export const MULTIPLIERS: readonly Multiplier[] = [
  { word: 'nghìn tỷ', factor: 1e12, example: '2,5 nghìn tỷ đồng' },
  { word: 'ngàn tỷ', factor: 1e12, example: '1 ngàn tỷ đồng' },
  { word: 'nghìn tỉ', factor: 1e12, example: '3 nghìn tỉ đồng' },
  { word: 'ngàn tỉ', factor: 1e12, example: '3 ngàn tỉ đồng' },
  { word: 'triệu tỷ', factor: 1e15, example: '1,2 triệu tỷ đồng' },
  { word: 'tỷ', factor: 1e9, example: '150.000 tỷ đồng' },
  { word: 'tỉ', factor: 1e9, example: '4 tỉ USD' },
  { word: 'triệu', factor: 1e6, example: 'hơn 01 triệu doanh nghiệp' },
  { word: 'nghìn', factor: 1e3, example: '30 nghìn lượt' },
  { word: 'ngàn', factor: 1e3, example: '20 ngàn người' },
  { word: 'vạn', factor: 1e4, example: 'hai vạn quân' },
  { word: 'trăm', factor: 100, example: 'vài trăm hộ' },
  { word: 'chục', factor: 10, example: '3 chục người' },
  { word: 'tá', factor: 12, example: '2 tá bút' },
];

/** Digit words 0–9. "năm" is five, but also "year": callers must look at what follows. */
export const DIGIT_WORDS: Readonly<Record<string, number>> = {
  'không': 0, 'một': 1, 'hai': 2, 'ba': 3, 'bốn': 4, 'năm': 5, 'sáu': 6, 'bảy': 7, 'bẩy': 7, 'tám': 8, 'chín': 9,
};

/** Unit words that only occur after a tens word: "hai mươi mốt" 21, "hai mươi tư" 24, "ba mươi lăm" 35. */
export const AFTER_TENS_WORDS: Readonly<Record<string, number>> = {
  'mốt': 1, 'tư': 4, 'lăm': 5, 'nhăm': 5,
};

/** Scale words inside number phrases, with their value. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  'trăm': 100, 'nghìn': 1e3, 'ngàn': 1e3, 'triệu': 1e6, 'tỷ': 1e9, 'tỉ': 1e9,
};

/** Roman numerals used for quarters, congresses and terms (quý IV, Đại hội XIII, khóa XV). */
export const ROMAN: Readonly<Record<string, number>> = {
  I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12, XIII: 13,
  XIV: 14, XV: 15, XVI: 16, XVII: 17, XVIII: 18, XIX: 19, XX: 20,
};
