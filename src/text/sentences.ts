/**
 * Sentence splitting for Vietnamese news text, with offsets into the original string.
 *
 * A sentence ends at a line break, or at `.`, `!`, `?`, `…` followed by a space and something that can start
 * a sentence, unless the word before the dot is a known abbreviation (TP., GS.TS., Th.S., ông Nguyễn V.).
 * Decimal commas and dd.mm.yyyy dates never end a sentence because no space follows their dot.
 */
import type { Span } from '../types.js';
import { codeTest } from './regex.js';

export interface Sentence {
  text: string;
  span: Span;
}

/**
 * Abbreviations that end with a dot inside a sentence (compared case-insensitively, without the dot).
 * "UBND" and "TW" are not here: they are never written with a dot, so "… với UBND. Sau đó …" ends a sentence.
 * The signature prefixes TM., KT., TL., TUQ. (and Q.) are.
 */
export const ABBREVIATIONS: readonly string[] = [
  'tp', 'gs', 'ts', 'pgs', 'ths', 'th.s', 'gs.ts', 'pgs.ts', 'gs.tskh', 'bs', 'ks', 'cn', 'nxb', 'tt', 'q',
  'p', 'tx', 'h', 'ttg', 'st', 'mr', 'mrs', 'dr', 'no', 'vs', 'tr', 'đc', 'đ/c', 'k', 'tm', 'kt', 'tl', 'tuq',
];
const ABBREV = new Set(ABBREVIATIONS);

const END_CHARS = '.!?…';
/** What may open a sentence: an uppercase letter, a digit, a quote or bracket, a dash. */
const OPENER = /[\p{Lu}\p{N}"“'‘([\-–—]/u;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    // Trim spaces on both ends while keeping offsets exact.
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ text: text.slice(a, b), span: [a, b] });
  };
  // Jump from one possible end (a line break or an end mark) to the next instead of testing every character.
  const CANDIDATE = /[\n.!?…]/g;
  for (let i = 0; i < text.length; i++) {
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (!END_CHARS.includes(ch)) continue;
    // Swallow runs such as "?!" or "..." and a closing quote or bracket.
    let j = i + 1;
    while (j < text.length && (END_CHARS.includes(text[j]!) || /["”’)\]]/.test(text[j]!))) j++;
    if (j < text.length && text[j] !== ' ' && text[j] !== '\n') continue;
    let k = j;
    while (k < text.length && text[k] === ' ') k++;
    if (k < text.length && text[k] !== '\n' && !OPENER.test(text[k]!)) continue;
    if (ch === '.' && isAbbreviation(text, i)) continue;
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return out;
}

const IN_ABBREVIATION = codeTest(/[\p{L}.&/]/u);
const IS_DIGIT = codeTest(/\p{N}/u);

/** Whether the dot at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let a = dot;
  while (a > 0 && IN_ABBREVIATION(text.charCodeAt(a - 1))) a--;
  const word = text.slice(a, dot);
  if (!word) return false;
  // A word glued to a number is a unit ("lúc 14h.", "5km."), not the abbreviation "H." (huyện).
  if (a > 0 && IS_DIGIT(text.charCodeAt(a - 1))) return false;
  if (ABBREV.has(word.toLowerCase())) return true;
  // A single capital letter is an initial ("Nguyễn V. A"), never a sentence end in this genre.
  if (/^\p{Lu}$/u.test(word)) return true;
  // Dotted chains such as "GS.TS." end with a dot of their own only when their last part is an
  // abbreviation or an initial; "TP.HCM" is written without one, so "đến TP.HCM. Sau đó" ends a sentence.
  if (!word.includes('.')) return false;
  const parts = word.split('.');
  const last = parts[parts.length - 1]!;
  return /^(\p{L}{1,4}\.)+\p{L}{1,4}$/u.test(word)
    && parts.every((p) => ABBREV.has(p.toLowerCase()) || /^\p{Lu}+$/u.test(p))
    && (ABBREV.has(last.toLowerCase()) || /^\p{Lu}$/u.test(last));
}

/** The sentence containing offset `at` (binary search over spans). */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.span[0]) hi = mid - 1;
    else if (at >= s.span[1]) lo = mid + 1;
    else return s;
  }
  return undefined;
}
