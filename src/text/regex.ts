/**
 * Helpers for patterns over Vietnamese text. JavaScript's `\b` and `\w` are ASCII-only even with the `u`
 * flag (`/\bBộ\b/u` fails on "Bộ Công an" and matches inside "Bội"), so word edges are written as
 * lookarounds on Unicode letters and digits.
 */

/** No letter or digit right before. */
export const WB = '(?<![\\p{L}\\p{N}])';
/**
 * No letter, digit or combining mark right after: in text that is not NFC ("Bo\u0323\u0302"), the phrase
 * "Bo" is still inside a word.
 */
export const WE = '(?![\\p{L}\\p{M}\\p{N}])';

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An alternation of literal phrases, longest first so that "Phó Thủ tướng" wins over "Thủ tướng";
 * spaces in a phrase match any run of spaces.
 */
export function alternation(phrases: Iterable<string>): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return sorted.map((p) => escapeRe(p).replace(/ +/g, '\\s+')).join('|');
}

/** A case-insensitive, Unicode, global regex matching any of the phrases as whole words. */
export function phraseRegex(phrases: Iterable<string>, flags = 'giu'): RegExp {
  return new RegExp(`${WB}(?:${alternation(phrases)})${WE}`, flags);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/**
 * Every match of a global regex that starts at a word start (no letter, digit or mark right before). This is
 * what a leading `(?<![\p{L}\p{N}])` says, checked in code: V8 runs such a lookbehind at every position of
 * the text, which made it the most expensive part of the date rules (13 times slower measured on the
 * fixtures). A rejected match is retried from the next character. `notAfter` is the class of characters that
 * may not precede a match (letters, digits and marks by default).
 */
export function* matchWords(re: RegExp, text: string, notAfter: RegExp = LETTER_OR_DIGIT): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && notAfter.test(text[m.index - 1]!)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

export interface SuffixMatch<T> {
  phrase: string;
  value: T;
  /** Characters from the start of the phrase to the end of the text (trailing spaces included). */
  length: number;
}

/**
 * A table of phrases looked up at the end of a text, word by word: "ước đạt" in "… doanh thu ước đạt ".
 * Longest phrase first, case-insensitive, whole words. A few map lookups instead of an end-anchored regex
 * alternation, which V8 tries at every position of the text.
 */
export class SuffixTable<T> {
  private readonly map = new Map<string, T>();
  private readonly maxWords: number;

  constructor(entries: Iterable<readonly [string, T]>) {
    let max = 1;
    for (const [phrase, value] of entries) {
      const key = phrase.toLowerCase().normalize('NFC').split(/\s+/).join(' ');
      if (!this.map.has(key)) this.map.set(key, value);
      max = Math.max(max, key.split(' ').length);
    }
    this.maxWords = max;
  }

  match(text: string): SuffixMatch<T> | null {
    // Only the last few words matter: split a short tail once and try its suffixes, longest first.
    const tail = text.slice(-16 * this.maxWords);
    const trimmed = tail.trimEnd();
    // An opening bracket or quote glued to a word is not part of it: "(hơn 30 …".
    const words = trimmed.split(/\s+/).map((w) => w.replace(/^[("“‘'[]+/u, ''));
    // The first word of the tail may be cut in the middle: it only counts when the tail is the whole text.
    const usable = tail.length === text.length ? words.length : words.length - 1;
    for (let k = Math.min(this.maxWords, usable); k >= 1; k--) {
      const phrase = words.slice(words.length - k).join(' ').toLowerCase();
      const value = this.map.get(phrase);
      if (value === undefined) continue;
      // Offset of the phrase's first word: walk back k words from the end of the trimmed tail.
      let at = trimmed.length;
      for (let w = 0; w < k; w++) {
        at = trimmed.lastIndexOf(words[words.length - 1 - w]!, at - 1);
      }
      return { phrase, value, length: tail.length - at };
    }
    return null;
  }
}
