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
 * Read in one pass over the first 5,000 characters, by char code: letters, marked Vietnamese letters, and
 * the very common words of each language (runs of letters looked up in a set), where patterns with
 * lookbehinds cost more than the rest of the article's reading.
 */
export function detectLang(text: string): 'vi' | 'en' | null {
  const sample = text.slice(0, 5000);
  let letters = 0;
  let marked = 0;
  let viWords = 0;
  let enWords = 0;
  let start = -1;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    const letter = i < sample.length && IS_LETTER(c);
    if (letter) {
      letters++;
      if (VI_LETTERS.has(c)) marked++;
      if (start < 0) start = i;
      continue;
    }
    // The listed words have five letters at most: longer runs are not looked up (nor copied).
    if (start >= 0 && i - start <= MAX_WORD) {
      const word = sample.slice(start, i).toLowerCase();
      if (VI_WORDS.has(word)) viWords++;
      else if (EN_WORDS.has(word)) enWords++;
    }
    start = -1;
  }
  if (letters < 20) return null;
  const vi = marked / letters;
  // Marked letters alone are not enough: an English sentence naming "Phạm Minh Chính" in "Hà Nội" passes 4 %.
  // They count only when English function words do not outnumber Vietnamese ones.
  if ((vi > 0.04 && viWords >= enWords) || viWords > enWords * 2) return 'vi';
  if (enWords > 0) return 'en';
  return null;
}
