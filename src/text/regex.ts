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

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * An alternation of literal phrases that prefers the longest ("Phó Thủ tướng Thường trực" over "Phó Thủ
 * tướng"); spaces in a phrase match any run of spaces. Written as a trie of words ("Phó\s+(?:Thủ\s+tướng|
 * Chủ\s+tịch)…"), not as a flat list: V8 tries every alternative of a flat list at every position of the
 * text, and a list of 150 titles made that the single most expensive regex of the extractors.
 */
export function alternation(phrases: Iterable<string>): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const p of new Set(phrases)) {
    let node = root;
    for (const w of p.trim().split(/ +/)) {
      let child = node.next.get(w);
      if (!child) { child = { end: false, next: new Map() }; node.next.set(w, child); }
      node = child;
    }
    node.end = true;
  }
  return branches(root);
}

/** The alternation of a node's children, longer words first (so "Phóng" is tried before "Phó"). */
function branches(node: TrieNode): string {
  const parts = [...node.next].sort(([a], [b]) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).map(([w, child]) => {
    if (!child.next.size) return escapeRe(w);
    const rest = branches(child);
    const group = child.next.size > 1 ? `(?:${rest})` : rest;
    // A phrase may end here or go on: the optional group is greedy, so the longer phrase wins.
    return child.end ? `${escapeRe(w)}(?:\\s+${group})?` : `${escapeRe(w)}\\s+${group}`;
  });
  return parts.join('|');
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
  const rejects = codeTest(notAfter);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && rejects(text.charCodeAt(m.index - 1))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** Where an anchored pattern may match: a literal every match holds, and how many words before it a match may start. */
export interface Anchor {
  /** Global regex for the literal ("tháng"): a pattern that starts with a literal is scanned for fast. */
  re: RegExp;
  /** Words (runs of non-space) before the anchor's own word where a match may start. */
  reach: number;
}

/**
 * The matches `matchWords` would give, found from the anchors outward. A pattern that opens with a choice
 * of words or digits ("(\d{1,2}|sáu|chín|…)\s+tháng") is tried by V8 at nearly every position of the text,
 * while a literal ("tháng") is scanned for several times faster; so the literal is found first and the
 * pattern is tried, sticky, only at the word starts within `reach` words before it. Correct when every
 * match of `re` holds an anchor that starts at most `reach` words after the match does.
 */
export function* matchAnchored(re: RegExp, anchor: Anchor, text: string, notAfter: RegExp = LETTER_OR_DIGIT): Generator<RegExpExecArray> {
  const sticky = stickyOf(re);
  const a = anchor.re;
  a.lastIndex = 0;
  /** End of the last match: matches do not overlap, as in a global scan. */
  let done = 0;
  /** The last start tried: each position is tried once even when the windows of two anchors overlap. */
  let tried = -1;
  let hit: RegExpExecArray | null;
  while ((hit = a.exec(text))) {
    if (hit[0].length === 0) a.lastIndex++;
    // The window: the start of the anchor's word, then `reach` words further back.
    let from = hit.index;
    while (from > 0 && !isSpaceCode(text.charCodeAt(from - 1))) from--;
    for (let k = 0; k < anchor.reach && from > 0; k++) {
      let j = from;
      while (j > 0 && isSpaceCode(text.charCodeAt(j - 1))) j--;
      while (j > 0 && !isSpaceCode(text.charCodeAt(j - 1))) j--;
      from = j;
    }
    const rejects = codeTest(notAfter);
    for (let at = Math.max(from, done, tried + 1); at <= hit.index; at++) {
      tried = at;
      if (at > 0 && rejects(text.charCodeAt(at - 1))) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m) continue;
      done = at + Math.max(1, m[0].length);
      if (a.lastIndex < done) a.lastIndex = done;
      yield m;
      break;
    }
  }
}

/**
 * A one-character pattern (a class such as `[\p{L}\p{N}]`) as a test of a UTF-16 code unit, answered from
 * a table filled as codes are met. Testing a pattern against a one-character string costs a string and a
 * regex run each time, and word edges are checked for every match and along every window. (A surrogate
 * half is tested alone, as `re.test(text[i])` would.)
 */
const codeTests = new WeakMap<RegExp, (code: number) => boolean>();
export function codeTest(re: RegExp): (code: number) => boolean {
  let f = codeTests.get(re);
  if (!f) {
    const known = new Int8Array(65536);
    f = (code: number) => {
      let k = known[code]!;
      if (k === 0) {
        re.lastIndex = 0;
        k = re.test(String.fromCharCode(code)) ? 1 : -1;
        known[code] = k;
      }
      return k === 1;
    };
    codeTests.set(re, f);
  }
  return f;
}

const stickyCache = new WeakMap<RegExp, RegExp>();
function stickyOf(re: RegExp): RegExp {
  let s = stickyCache.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    stickyCache.set(re, s);
  }
  return s;
}

/** What `\s` matches. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0xfeff || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x0b || c === 0x0c;
}

/** Each UTF-16 code unit lowercased, when that is one code unit (-1 otherwise); 0 until looked up. */
const LOWER = new Int32Array(65536);
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let l = LOWER[c]!;
  if (l === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    l = lower.length === 1 ? lower.charCodeAt(0) : -1;
    LOWER[c] = l;
  }
  return l;
}

/** A 30-bit hash of text[from, to) lowercased, or -1 when a char lowercases to more than one. */
function lowerHash(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) {
    const c = lowerCode(text.charCodeAt(i));
    if (c < 0) return -1;
    h = (Math.imul(h, 31) + c) & 0x3fffffff;
  }
  return h;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
/** ( " “ ‘ ' [ */
const OPENERS = new Set([40, 34, 0x201c, 0x2018, 39, 91]);

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
  /** The last word of every phrase: a text whose last word is none of these matches nothing. */
  private readonly lastWords = new Set<string>();
  private readonly lastWordHashes = new Set<number>();
  /** Where the last words start, reused from call to call. */
  private readonly starts: number[] = [];

  constructor(entries: Iterable<readonly [string, T]>) {
    let max = 1;
    for (const [phrase, value] of entries) {
      const key = phrase.toLowerCase().normalize('NFC').split(/\s+/).join(' ');
      if (!this.map.has(key)) this.map.set(key, value);
      const words = key.split(' ');
      max = Math.max(max, words.length);
      const last = words[words.length - 1]!;
      this.lastWords.add(last);
      this.lastWordHashes.add(lowerHash(last, 0, last.length));
    }
    this.maxWords = max;
  }

  match(text: string): SuffixMatch<T> | null {
    // Walk back over the last few words by character codes (no splitting, no regex): this runs several
    // times for every number in an article.
    let end = text.length;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    const starts = this.starts;
    let count = 0;
    let i = end;
    while (count < this.maxWords && i > 0) {
      let j = i;
      while (j > 0 && !isSpace(text.charCodeAt(j - 1))) j--;
      // An opening bracket or quote glued to a word is not part of it: "(hơn 30 …".
      let w = j;
      while (w < i && OPENERS.has(text.charCodeAt(w))) w++;
      if (w === i) break;
      // The last word decides first: most texts end in a word no phrase ends with. Its hash says so without
      // making a lowercased copy of it; a hash that is one of the last words' is checked on the word itself.
      if (!count) {
        const h = lowerHash(text, w, i);
        if ((h >= 0 && !this.lastWordHashes.has(h)) || !this.lastWords.has(text.slice(w, i).toLowerCase())) return null;
      }
      starts[count++] = w;
      i = j;
      while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    }
    // The words are lowercased once, together; each candidate phrase is a suffix of them.
    const first = starts[count - 1]!;
    const tail = text.slice(first, end).toLowerCase();
    const aligned = tail.length === end - first;
    const spaced = /\s\s|[\t\n]/.test(tail);
    for (let k = count; k >= 1; k--) {
      const start = starts[k - 1]!;
      let phrase = aligned ? tail.slice(start - first) : text.slice(start, end).toLowerCase();
      if (spaced && /\s\s|[\t\n]/.test(phrase)) phrase = phrase.replace(/\s+/g, ' ');
      const value = this.map.get(phrase);
      if (value !== undefined) return { phrase, value, length: text.length - start };
    }
    return null;
  }
}
