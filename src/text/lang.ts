/**
 * Vietnamese or English: Vietnamese text is dense in letters with tone and vowel marks and in a few very
 * common syllables; English has almost none of them.
 */
const VI_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/giu;
const VI_WORDS = /(?<![\p{L}])(?:của|và|các|là|được|trong|có|những|cho|với|đã|năm|này|không|người|theo)(?![\p{L}])/giu;
const EN_WORDS = /(?<![\p{L}])(?:the|and|of|to|in|is|for|that|with|on|was|as|by|are|from|said)(?![\p{L}])/giu;

export function detectLang(text: string): 'vi' | 'en' | null {
  const sample = text.slice(0, 5000);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 20) return null;
  const vi = (sample.match(VI_LETTERS) ?? []).length / letters;
  const viWords = (sample.match(VI_WORDS) ?? []).length;
  const enWords = (sample.match(EN_WORDS) ?? []).length;
  // Marked letters alone are not enough: an English sentence naming "Phạm Minh Chính" in "Hà Nội" passes 4 %.
  // They count only when English function words do not outnumber Vietnamese ones.
  if ((vi > 0.04 && viWords >= enWords) || viWords > enWords * 2) return 'vi';
  if (enWords > 0) return 'en';
  return null;
}
