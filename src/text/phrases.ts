/**
 * Known phrases found word by word. A catalog of a few hundred phrases compiled into one regex alternation
 * makes V8 try every alternative at every position of the text; looking each word up in a map of the
 * phrases that start with it costs one hash lookup per word instead.
 *
 * Words are runs of letters and digits; every other non-space character is a word of its own, so
 * "xuất, nhập khẩu" and "tổng sản phẩm trong nước (GDP)" match as written, and a phrase never matches the
 * middle of a word ("cpi" is not found in "cpix").
 */

export interface PhraseHit<T> {
  /** Offsets of the phrase in the searched text. */
  start: number;
  end: number;
  phrase: string;
  value: T;
}

interface Entry<T> {
  words: readonly string[];
  phrase: string;
  value: T;
}

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Letters, digits and combining marks, by char code (a regex with \p classes costs more per call here). */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Latin-1 letters and everything up to the general punctuation block are letters or marks, but for × and ÷;
  // from there to the CJK symbols are punctuation and symbols.
  if (c < 0x2000) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  return c >= 0x3040 && !(c >= 0xfe30 && c <= 0xfe4f) && !(c >= 0xff00 && c <= 0xff0f);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

/** The words of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) { i++; continue; }
    let j = i + 1;
    if (isWordCode(c)) while (j < n && isWordCode(text.charCodeAt(j))) j++;
    out.push({ word: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  /**
   * `key` turns a phrase and each word of a searched text into the form they are compared in (lowercase by
   * default; an accent-folding key for accent-insensitive lookups). It must map a word to one word.
   */
  constructor(entries: Iterable<readonly [string, T]>, private readonly key: (s: string) => string = (s) => s.toLowerCase()) {
    for (const [phrase, value] of entries) {
      const words = tokenize(phrase).map((t) => key(t.word));
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, phrase, value });
      this.byFirst.set(words[0]!, list);
    }
    // Longest first, so the first entry that matches at a position is the longest one there.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.phrase.length - a.phrase.length);
  }

  /** Every occurrence, longest at each position, in text order; occurrences may overlap. */
  findAll(text: string): PhraseHit<T>[] {
    const toks = tokenize(text);
    const words = toks.map((t) => this.key(t.word));
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < words.length; i++) {
      const list = this.byFirst.get(words[i]!);
      if (!list) continue;
      for (const e of list) {
        if (i + e.words.length > words.length) continue;
        let k = 1;
        while (k < e.words.length && words[i + k] === e.words[k]) k++;
        if (k === e.words.length) {
          hits.push({ start: toks[i]!.start, end: toks[i + k - 1]!.end, phrase: e.phrase, value: e.value });
          break;
        }
      }
    }
    return hits;
  }
}
