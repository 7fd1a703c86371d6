/**
 * Vietnamese or English: Vietnamese text is dense in letters with tone and vowel marks and in a few very
 * common syllables; English has almost none of them.
 */
import { codeTest } from './regex.js';

const VI_LETTER_LIST = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const VI_LETTERS = new Set([...VI_LETTER_LIST, ...VI_LETTER_LIST.toUpperCase()].map((c) => c.charCodeAt(0)));
const VI_WORDS = new Set(['của', 'và', 'các', 'là', 'được', 'trong', 'có', 'những', 'cho', 'với', 'đã', 'năm', 'này', 'không', 'người', 'theo']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'for', 'that', 'with', 'on', 'was', 'as', 'by', 'are', 'from', 'said']);
const IS_LETTER = codeTest(/\p{L}/u);
const MAX_WORD = Math.max(...[...VI_WORDS, ...EN_WORDS].map((w) => w.length));

/**
 * Each UTF-16 code's class (0 not a letter, 1 a letter, 2 a marked Vietnamese letter) and lowercase form,
 * for the codes below U+2000 where every Vietnamese letter lies: a typed-array lookup per character instead
 * of a Set and a regex.
 */
const TABLE_SIZE = 0x2000;
const CLASS = new Uint8Array(TABLE_SIZE);
const LOWER = new Uint16Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  CLASS[c] = VI_LETTERS.has(c) ? 2 : IS_LETTER(c) ? 1 : 0;
  const lower = String.fromCharCode(c).toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}
/** A word's hash from its lowercase codes, kept to 30 bits (a small integer for V8's Map). */
const hashStep = (h: number, code: number) => (Math.imul(h, 31) + code) & 0x3fffffff;
const hashWord = (w: string) => { let h = 0; for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i)); return h; };
/**
 * The listed words in an open-addressing table of their hashes (a typed array: one array read per word of
 * the text, where a Map lookup per word was most of the detection's time); a hit is confirmed against the
 * word itself.
 */
const SLOTS = 1024;
const SLOT_HASH = new Int32Array(SLOTS).fill(-1);
const SLOT_WORD: string[] = [];
const SLOT_LANG = new Int8Array(SLOTS);
for (const [words, lang] of [[VI_WORDS, 1], [EN_WORDS, -1]] as const) {
  for (const w of words) {
    let slot = hashWord(w) & (SLOTS - 1);
    while (SLOT_HASH[slot] !== -1) slot = (slot + 1) & (SLOTS - 1);
    SLOT_HASH[slot] = hashWord(w);
    SLOT_WORD[slot] = w;
    SLOT_LANG[slot] = lang;
  }
}
/** +1 for a listed Vietnamese word, -1 for an English one, 0 for anything else. */
function wordLang(text: string, start: number, end: number, hash: number): number {
  for (let slot = hash & (SLOTS - 1); SLOT_HASH[slot] !== -1; slot = (slot + 1) & (SLOTS - 1)) {
    if (SLOT_HASH[slot] !== hash) continue;
    // Compared code by code, lowercased through the table: no copy of the word.
    const word = SLOT_WORD[slot]!;
    if (word.length !== end - start) return 0;
    for (let k = 0; k < word.length; k++) {
      const c = text.charCodeAt(start + k);
      if ((c < TABLE_SIZE ? LOWER[c]! : c) !== word.charCodeAt(k)) return 0;
    }
    return SLOT_LANG[slot]!;
  }
  return 0;
}

/** How often (characters) the counts so far are checked for a clear lead. */
const CHECK_EVERY = 500;

/**
 * Read in one pass over the first 5,000 characters, by char code: letters, marked Vietnamese letters, and
 * the very common words of each language (each run of letters hashed as it is read, and looked up only
 * when it is short enough to be one of them). The reading stops early when one language has twenty of its
 * common words, eight times the other's, and the share of marked letters agrees.
 */
export function detectLang(text: string): 'vi' | 'en' | null {
  const n = Math.min(text.length, 5000);
  let letters = 0;
  let marked = 0;
  let viWords = 0;
  let enWords = 0;
  let start = -1;
  let hash = 0;
  let nextCheck = CHECK_EVERY;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const cls = c < TABLE_SIZE ? CLASS[c]! : IS_LETTER(c) ? 1 : 0;
    if (cls !== 0) {
      letters++;
      if (cls === 2) marked++;
      if (start < 0) { start = i; hash = 0; }
      hash = hashStep(hash, c < TABLE_SIZE ? LOWER[c]! : c);
      continue;
    }
    if (start >= 0 && i - start <= MAX_WORD) {
      const lang = wordLang(text, start, i, hash);
      if (lang === 1) viWords++;
      else if (lang === -1) enWords++;
    }
    start = -1;
    // Most pages settle it in their first paragraphs: stop once one language leads by a wide margin.
    if (i >= nextCheck) {
      nextCheck += CHECK_EVERY;
      if (viWords >= 20 && viWords > enWords * 8 && marked > letters * 0.06) return 'vi';
      if (enWords >= 20 && enWords > viWords * 8 && marked < letters * 0.02) return 'en';
    }
  }
  if (letters < 20) return null;
  const vi = marked / letters;
  // Marked letters alone are not enough: an English sentence naming "Phạm Minh Chính" in "Hà Nội" passes 4 %.
  // They count only when English function words do not outnumber Vietnamese ones.
  if ((vi > 0.04 && viWords >= enWords) || viWords > enWords * 2) return 'vi';
  if (enWords > 0) return 'en';
  return null;
}
