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
