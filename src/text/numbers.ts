/**
 * Reading numbers in Vietnamese text: "30.000" = 30000, "38,5" = 38.5, "1.234,5" = 1234.5, "01 triệu",
 * "2,5 nghìn tỷ", "hai mươi mốt", "một triệu rưỡi". Every number comes with the span it was read from.
 */
import type { Span } from '../types.js';
import { AFTER_TENS_WORDS, DIGIT_WORDS, MULTIPLIERS, SCALE_WORDS } from './data/numbers.js';
import { alternation, codeTest, isSpaceCode, matchWords } from './regex.js';
import { SpanSet } from './spans.js';

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
  // Most numerals are plain digits ("2022", "15"): read them without the patterns below.
  if (s.length > 0 && s.length < 16 && ALL_DIGITS.test(s)) return Number(s);
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(?:,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  // English-style thousands with commas, only when there are two or more groups: 1,000,000.
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  return null;
}

const ALL_DIGITS = /^\d+$/;

const NUMERAL = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?`;
const MULT = alternation(MULTIPLIERS.map((m) => m.word));
/**
 * A numeral, then optional multiplier words (possibly stacked, "nghìn tỷ"), then an optional "rưỡi".
 * Not preceded by a letter, digit or a joining character (so "COVID-19", "42/2022" and "1.1.2016" parts
 * are not read as free numbers), not followed by a digit.
 */
// Not followed by "/" ("42/2022", "06/QĐ-TTg", "24/6/2022") or a hyphen and a letter ("57-NQ/TW"): those
// numerals are parts of identifiers and dates. Case-insensitive so that headlines ("5 TRIỆU") are read.
const DIGIT_NUMBER_RE = new RegExp(
  String.raw`(${NUMERAL})(?![\p{N}/]|[.,]\p{N}|[-–]\p{L})((?:\s*(?:${MULT})(?![\p{L}\p{N}]))*)(\s+rưỡi(?![\p{L}]))?`,
  'giu',
);
const MULT_WORD_RE = new RegExp(MULT, 'gu');
/** The most words one number phrase can have ("chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ"). */
const MAX_NUMBER_WORDS = 16;
/** What may not come right before a free number: a letter or digit, or the joints of "42/2022" and "1.1.2016". */
const NOT_BEFORE_DIGITS = /[\p{L}\p{N}\p{M}/.,]/u;

/** base × factor without binary noise: 66,1 triệu is 66100000, not 66099999.99999999. */
function scaled(base: number, factor: number): number {
  return factor === 1 ? base : Number((base * factor).toPrecision(15));
}

function factorOf(words: string): number {
  // Most numbers have no multiplier word: nothing to read.
  if (!words) return 1;
  let factor = 1;
  for (const m of words.toLowerCase().matchAll(MULT_WORD_RE)) {
    factor *= MULTIPLIERS.find((x) => x.word === m[0])?.factor ?? 1;
  }
  return factor;
}

const NUMBER_WORD_LIST = [
  ...Object.keys(DIGIT_WORDS), ...Object.keys(AFTER_TENS_WORDS), ...Object.keys(SCALE_WORDS),
  'mười', 'mươi', 'chục', 'linh', 'lẻ', 'rưỡi',
];
const WORD_RUN_RE = new RegExp(
  String.raw`(?:${alternation(NUMBER_WORD_LIST)})(?:\s+(?:${alternation(NUMBER_WORD_LIST)}))*(?![\p{L}\p{N}])`,
  'giu',
);

const NUMBER_WORD_SET = new Set(NUMBER_WORD_LIST);
const WORD_RUN_STICKY = new RegExp(WORD_RUN_RE.source, 'iuy');
const LETTER_OR_MARK = codeTest(/[\p{L}\p{M}]/u);
const WORD_CHAR = codeTest(/[\p{L}\p{N}\p{M}]/u);
const IS_LETTER = codeTest(/\p{L}/u);
const globalHints = new WeakMap<RegExp, RegExp>();

/**
 * The runs of number words that hold a match of `hint`, as `matchWords(WORD_RUN_RE, …)` would find them.
 * Runs are found from the hint outward: "năm", "một", "hai" and "ba" are everyday words, so a scan for
 * every run stops at nearly every word of an article, while the scale words a run must hold ("trăm",
 * "triệu") are rare. From each hint, the run's start is found by walking back over the number words
 * before it (only spaces between), and the run is read forward from there.
 */
function* hintedRuns(text: string, hint: RegExp): Generator<RegExpExecArray> {
  let h = globalHints.get(hint);
  if (!h) {
    h = new RegExp(hint.source, hint.flags.includes('g') ? hint.flags : hint.flags + 'g');
    globalHints.set(hint, h);
  }
  h.lastIndex = 0;
  let done = 0;
  let hit: RegExpExecArray | null;
  while ((hit = h.exec(text))) {
    if (hit[0].length === 0) h.lastIndex++;
    if (hit.index < done) continue;
    // The start of the hint's word, then back over whole number words with only spaces between.
    let start = hit.index;
    while (start > done && LETTER_OR_MARK(text.charCodeAt(start - 1))) start--;
    for (;;) {
      let q = start;
      while (q > done && isSpaceCode(text.charCodeAt(q - 1))) q--;
      if (q === start) break;
      let w = q;
      while (w > done && LETTER_OR_MARK(text.charCodeAt(w - 1))) w--;
      if (w === q || !NUMBER_WORD_SET.has(text.slice(w, q).toLowerCase())) break;
      start = w;
    }
    // A run starts at a word start (as matchWords requires).
    if (start > 0 && WORD_CHAR(text.charCodeAt(start - 1))) continue;
    WORD_RUN_STICKY.lastIndex = start;
    const m = WORD_RUN_STICKY.exec(text);
    if (!m) continue;
    done = start + m[0].length;
    if (h.lastIndex < done) h.lastIndex = done;
    yield m;
  }
}

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
  const unit = Object.hasOwn(SCALE_WORDS, last) ? SCALE_WORDS[last]! : 1;
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
    // One digit word after a scale word is the next lower unit: "một triệu hai" 1.2e6, "hai nghìn tư" 2400.
    const short = right.length === 1 ? shorthandDigit(right[0]!) : undefined;
    if (short === null) return null;
    const r = short !== undefined ? short * (factor / 10) : right.length ? parseScaled(right) : 0;
    if (l === null || r === null) return null;
    return l * factor + r;
  }
  return parseHundreds(tokens);
}

/**
 * The digit a lone word after a scale word stands for, in the spoken shorthand "một trăm hai" (120),
 * "một triệu hai" (1.2e6), "trăm mốt" (110). undefined when the word is not a digit at all; null for
 * "năm", which after a scale word reads as "years" ("một trăm năm", "hai nghìn năm"), and for "không".
 */
function shorthandDigit(t: string): number | null | undefined {
  if (t === 'năm' || t === 'không') return null;
  if (Object.hasOwn(AFTER_TENS_WORDS, t)) return AFTER_TENS_WORDS[t]!;
  return Object.hasOwn(DIGIT_WORDS, t) ? DIGIT_WORDS[t]! : undefined;
}

/** 0–999 in words: [d trăm] [linh d | mười [u] | d mươi [u] | d chục [u] | d (shorthand tens)] [d]. */
function parseHundreds(tokens: string[]): number | null {
  let i = 0;
  let value = 0;
  // Own keys only: with `in`, "constructor" or "toString" would read as digits (functions).
  const digit = (t: string | undefined) => (t !== undefined && Object.hasOwn(DIGIT_WORDS, t) ? DIGIT_WORDS[t]! : null);
  const d0 = digit(tokens[i]);
  let hundreds = false;
  if (tokens[i + 1] === 'trăm') {
    if (d0 === null) return null;
    value += d0 * 100;
    i += 2;
    hundreds = true;
  } else if (tokens[i] === 'trăm') {
    value += 100;
    i += 1;
    hundreds = true;
  }
  if (i >= tokens.length) return value;
  if (hundreds && i + 1 === tokens.length && tokens[i] !== 'mười') {
    // "một trăm hai" is 120, not 102 (a zero tens place needs "linh"/"lẻ").
    const short = shorthandDigit(tokens[i]!);
    return short === null || short === undefined ? null : value + short * 10;
  }
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
  } else if (tokens[i + 1] === 'chục') {
    // "ba chục" 30, "một chục" 10.
    const t = digit(tokens[i]);
    if (t === null || t < 1) return null;
    value += t * 10;
    i += 2;
  } else {
    const u = digit(tokens[i]);
    if (u === null || i + 1 !== tokens.length) return null;
    return value + u;
  }
  if (i >= tokens.length) return value;
  const t = tokens[i]!;
  const u = Object.hasOwn(AFTER_TENS_WORDS, t) ? AFTER_TENS_WORDS[t]! : digit(t);
  if (u === null || u === 0 || i + 1 !== tokens.length) return null;
  // "mười một" is 11, but "mười mốt" is not a number; "lăm"/"tư" only after tens (handled by the table).
  if (t === 'mốt' && value % 100 === 10) return null;
  // Five after a tens word is "lăm"/"nhăm": "mười năm", "hai mươi năm" are ten and twenty years.
  if (t === 'năm') return null;
  return value + u;
}

export interface FindNumbersOptions {
  /** Spans already taken by dates, legal numbers and names: numbers inside them are skipped. */
  mask?: readonly Span[] | SpanSet;
  /** Also read numbers written in words. Lone "một", "năm" and "không" are never read (article, year, "not"). */
  words?: boolean;
  /** With `words`: read only runs of number words that match this ("hai nghìn", not a lone "ba"). */
  wordRunHint?: RegExp;
}


/** Every number in `text`, in order, with multipliers folded in. */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMention[] {
  const mask = options.mask instanceof SpanSet ? options.mask : SpanSet.union(options.mask ?? []);
  const masked = (span: Span) => mask.overlaps(span[0], span[1]);
  const out: NumberMention[] = [];
  for (const m of matchWords(DIGIT_NUMBER_RE, text, NOT_BEFORE_DIGITS)) {
    // "COVID-19", "NĐ-CP-2": a number glued to a word by a dash is part of a name.
    const dash = text.charCodeAt(m.index - 1);
    if (m.index >= 2 && (dash === 45 || dash === 0x2013) && IS_LETTER(text.charCodeAt(m.index - 2))) {
      DIGIT_NUMBER_RE.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index;
    const base = parseNumeral(m[1]!);
    if (base === null) continue;
    const tail = (m[2] ?? '') + (m[3] ?? '');
    const factor = factorOf(m[2] ?? '');
    let value = scaled(base, factor);
    if (m[3]) value += factor / 2;
    const raw = m[1]! + tail;
    const span: Span = [start, start + raw.length];
    if (masked(span)) continue;
    out.push({ value, base, factor, raw, span, words: false });
  }
  if (options.words) {
    const digitSpans = SpanSet.union(out.map((n) => n.span));
    const runs = options.wordRunHint ? hintedRuns(text, options.wordRunHint) : matchWords(WORD_RUN_RE, text);
    for (const m of runs) {
      if (options.wordRunHint && !options.wordRunHint.test(m[0])) continue;
      // A run may hold more than one number or stray words ("đầu tư hai nghìn tỷ", "ba năm", "mười năm"):
      // read it left to right, taking at each position the longest prefix that parses.
      const tokens = [...m[0].matchAll(/\S+/gu)].map((t) => ({ at: m.index + t.index, end: m.index + t.index + t[0].length, lower: t[0].toLowerCase() }));
      let i = 0;
      while (i < tokens.length) {
        // A number starts with a digit word or "mười"; a bare scale word is vague ("hàng trăm nghìn").
        const first = tokens[i]!.lower;
        if (!Object.hasOwn(DIGIT_WORDS, first) && first !== 'mười') { i++; continue; }
        // A number phrase is short ("một nghìn hai trăm ba mươi tư tỷ" is 8 words): trying longer prefixes
        // would make a long run of number words cubic.
        let j = Math.min(tokens.length, i + MAX_NUMBER_WORDS);
        let value: number | null = null;
        for (; j > i; j--) {
          value = parseNumberWords(text.slice(tokens[i]!.at, tokens[j - 1]!.end));
          if (value !== null) break;
        }
        if (value === null) { i++; continue; }
        const span: Span = [tokens[i]!.at, tokens[j - 1]!.end];
        const raw = text.slice(span[0], span[1]);
        const lone = j - i === 1;
        i = j;
        // Lone "một" is an article, "năm" a year, "không" a negation.
        if (lone && /^(?:một|năm|không)$/.test(first)) continue;
        // Multiplier words already read with a numeral ("5 nghìn tỷ") are not a second number.
        if (digitSpans.overlaps(span[0], span[1]) || masked(span)) continue;
        out.push({ value, base: value, factor: 1, raw, span, words: true });
      }
    }
    out.sort((a, b) => a.span[0] - b.span[0]);
  }
  // A range written "66,1-66,9 triệu" or "từ 10 đến 20 triệu" carries its multiplier on the upper bound
  // only: share it.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    // Only when the lower bound stays below the upper: "420.000-3,3 triệu đồng" is 420 000 to 3.3 million.
    if (a.factor === 1 && b.factor > 1 && a.base <= b.base && /^(?:\s*[-–]\s*|\s+(?:đến|tới)\s+)$/iu.test(text.slice(a.span[1], b.span[0]))) {
      a.factor = b.factor;
      a.value = scaled(a.base, b.factor);
    }
  }
  return out;
}
