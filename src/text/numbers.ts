/**
 * Reading numbers in Vietnamese text: "30.000" = 30000, "38,5" = 38.5, "1.234,5" = 1234.5, "01 triệu",
 * "2,5 nghìn tỷ", "hai mươi mốt", "một triệu rưỡi". Every number comes with the span it was read from.
 */
import type { Span } from '../types.js';
import { AFTER_TENS_WORDS, DIGIT_WORDS, MULTIPLIERS, SCALE_WORDS } from './data/numbers.js';
import { alternation } from './regex.js';

export interface NumberMention {
  /** The value with any multiplier folded in. */
  value: number;
  /** The numeral alone (before the multiplier). */
  base: number;
  /** Product of the multiplier words that followed ("nghìn tỷ" = 1e12), 1 when none. */
  factor: number;
  /** The text read, numeral and multiplier words. */
  raw: string;
  span: Span;
  /** Whether it was written in words ("hai mươi"). */
  words: boolean;
}

/**
 * Parses a numeral written with digits in Vietnamese style: dots group thousands, the comma is the decimal
 * mark. A dot not followed by exactly three digits is read as a decimal point (English-style "3.5").
 * Returns null for anything that is not a number.
 */
export function parseNumeral(raw: string): number | null {
  const s = raw.trim();
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(?:,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  // English-style thousands with commas, only when there are two or more groups: 1,000,000.
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  return null;
}

const NUMERAL = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?`;
const MULT = alternation(MULTIPLIERS.map((m) => m.word));
/**
 * A numeral, then optional multiplier words (possibly stacked, "nghìn tỷ"), then an optional "rưỡi".
 * Not preceded by a letter, digit or a joining character (so "COVID-19", "42/2022" and "1.1.2016" parts
 * are not read as free numbers), not followed by a digit.
 */
const DIGIT_NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.,])(?<!\p{L}[-–])(${NUMERAL})(?![\p{N}]|[.,]\p{N})((?:\s*(?:${MULT})(?![\p{L}\p{N}]))*)(\s+rưỡi(?![\p{L}]))?`,
  'gu',
);
const MULT_WORD_RE = new RegExp(MULT, 'gu');

function factorOf(words: string): number {
  let factor = 1;
  for (const m of words.toLowerCase().matchAll(MULT_WORD_RE)) {
    factor *= MULTIPLIERS.find((x) => x.word === m[0])?.factor ?? 1;
  }
  return factor;
}

const NUMBER_WORD_LIST = [
  ...Object.keys(DIGIT_WORDS), ...Object.keys(AFTER_TENS_WORDS), ...Object.keys(SCALE_WORDS),
  'mười', 'mươi', 'linh', 'lẻ', 'rưỡi',
];
const WORD_RUN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alternation(NUMBER_WORD_LIST)})(?:\s+(?:${alternation(NUMBER_WORD_LIST)}))*(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * Parses a run of number words ("hai mươi mốt", "ba trăm linh năm", "hai nghìn tỷ", "một triệu rưỡi").
 * Returns null when the words do not form a number.
 */
export function parseNumberWords(phrase: string): number | null {
  const tokens = phrase.toLowerCase().normalize('NFC').split(/\s+/).filter(Boolean);
  if (!tokens.length) return null;
  let half = false;
  if (tokens[tokens.length - 1] === 'rưỡi') {
    tokens.pop();
    half = true;
  }
  const value = parseScaled(tokens);
  if (value === null) return null;
  if (!half) return value;
  // "rưỡi" adds half of the last scale unit: "một triệu rưỡi" 1.5e6, "trăm rưỡi" 150.
  const last = tokens[tokens.length - 1]!;
  const unit = SCALE_WORDS[last] ?? 1;
  return value + unit / 2;
}

function parseScaled(tokens: string[]): number | null {
  // Split at the biggest scale word present, last occurrence: "hai nghìn tỷ" = (hai nghìn) × tỷ.
  const scales: [string[], number][] = [[['tỷ', 'tỉ'], 1e9], [['triệu'], 1e6], [['nghìn', 'ngàn'], 1e3]];
  for (const [words, factor] of scales) {
    let at = -1;
    tokens.forEach((t, i) => { if (words.includes(t)) at = i; });
    if (at < 0) continue;
    const left = tokens.slice(0, at);
    const right = tokens.slice(at + 1);
    const l = left.length ? parseScaled(left) : 1;
    const r = right.length ? parseScaled(right) : 0;
    if (l === null || r === null) return null;
    return l * factor + r;
  }
  return parseHundreds(tokens);
}

/** 0–999 in words: [d trăm] [linh d | mười [u] | d mươi [u]] [d]. */
function parseHundreds(tokens: string[]): number | null {
  let i = 0;
  let value = 0;
  const digit = (t: string | undefined) => (t !== undefined && t in DIGIT_WORDS ? DIGIT_WORDS[t]! : null);
  const d0 = digit(tokens[i]);
  if (tokens[i + 1] === 'trăm') {
    if (d0 === null) return null;
    value += d0 * 100;
    i += 2;
  } else if (tokens[i] === 'trăm') {
    value += 100;
    i += 1;
  }
  if (i >= tokens.length) return value;
  if (tokens[i] === 'linh' || tokens[i] === 'lẻ') {
    const u = digit(tokens[i + 1]);
    if (u === null || i + 2 !== tokens.length) return null;
    return value + u;
  }
  if (tokens[i] === 'mười') {
    i += 1;
    value += 10;
  } else if (tokens[i + 1] === 'mươi') {
    const t = digit(tokens[i]);
    if (t === null || t < 2) return null;
    value += t * 10;
    i += 2;
  } else {
    const u = digit(tokens[i]);
    if (u === null || i + 1 !== tokens.length) return null;
    return value + u;
  }
  if (i >= tokens.length) return value;
  const t = tokens[i]!;
  const u = t in AFTER_TENS_WORDS ? AFTER_TENS_WORDS[t]! : digit(t);
  if (u === null || u === 0 || i + 1 !== tokens.length) return null;
  // "mười một" is 11, but "mười mốt" is not a number; "lăm"/"tư" only after tens (handled by the table).
  if (t === 'mốt' && value % 100 === 10) return null;
  return value + u;
}

export interface FindNumbersOptions {
  /** Spans already taken by dates, legal numbers and names: numbers inside them are skipped. */
  mask?: readonly Span[];
  /** Also read numbers written in words. Lone "một" and "năm" are never read (article, year). */
  words?: boolean;
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

/** Every number in `text`, in order, with multipliers folded in. */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMention[] {
  const mask = options.mask ?? [];
  const out: NumberMention[] = [];
  for (const m of text.matchAll(DIGIT_NUMBER_RE)) {
    const start = m.index;
    const base = parseNumeral(m[1]!);
    if (base === null) continue;
    const tail = (m[2] ?? '') + (m[3] ?? '');
    let factor = factorOf(m[2] ?? '');
    let value = base * factor;
    if (m[3]) value += factor / 2;
    const raw = m[1]! + tail;
    const span: Span = [start, start + raw.length];
    if (mask.some((s) => overlaps(s, span))) continue;
    out.push({ value, base, factor, raw, span, words: false });
  }
  if (options.words) {
    for (const m of text.matchAll(WORD_RUN_RE)) {
      const phrase = m[0];
      const lower = phrase.toLowerCase();
      if (lower === 'một' || lower === 'năm' || /^(?:trăm|nghìn|ngàn|triệu|tỷ|tỉ|mươi|linh|lẻ|rưỡi|tư|lăm|mốt)$/.test(lower)) continue;
      const value = parseNumberWords(phrase);
      if (value === null) continue;
      const span: Span = [m.index, m.index + phrase.length];
      if (mask.some((s) => overlaps(s, span))) continue;
      out.push({ value, base: value, factor: 1, raw: phrase, span, words: true });
    }
    out.sort((a, b) => a.span[0] - b.span[0]);
  }
  // A range written "66,1-66,9 triệu" carries its multiplier on the upper bound only: share it.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.factor === 1 && b.factor > 1 && /^\s*[-–]\s*$/.test(text.slice(a.span[1], b.span[0]))) {
      a.factor = b.factor;
      a.value = a.base * b.factor;
    }
  }
  return out;
}
