/**
 * Article text → Facts. Each extractor is a pure function over the text; this module runs them in the
 * order their outputs feed each other (documents mask numbers for claims; officials give meetings a chair
 * and claims a source).
 */
import type { Facts } from '../types.js';
import { extractLegalRefs, legalRefSpans } from './legal-refs.js';
import { extractOfficials } from './officials.js';
import { extractMeetings } from './meetings.js';
import { extractClaims } from './claims.js';
import { splitSentences } from '../text/sentences.js';
import { findDates } from '../text/dates.js';
import { detectLang } from '../text/lang.js';
import { extractEnglishFacts } from './english.js';

export interface FactContext {
  /** Publication date (YYYY-MM-DD or ISO timestamp) to resolve "Sáng 25/12" and "năm nay". */
  publishedOn?: string | null;
  /** The headline: the period it names ("GDP năm 2022 tăng 8,02%") dates figures that name none. */
  title?: string | null;
  /** The article's language; English goes to the English extractors. Detected from the text when not given. */
  lang?: 'vi' | 'en' | null;
}

export function extractFacts(text: string, ctx: FactContext = {}): Facts {
  const publishedOn = ctx.publishedOn ?? null;
  if ((ctx.lang ?? detectLang(text)) === 'en') return extractEnglishFacts(text, { publishedOn, title: ctx.title ?? null });
  // Sentences and dates are read once and shared by the extractors that need them.
  const sentences = splitSentences(text);
  const dates = findDates(text, publishedOn);
  const legalRefs = extractLegalRefs(text, { publishedOn });
  const officials = extractOfficials(text);
  const meetings = extractMeetings(text, { publishedOn, officials, sentences, dates });
  const claims = extractClaims(text, { publishedOn, title: ctx.title ?? null, masked: legalRefSpans(legalRefs), sentences, dates, officials });
  return { legalRefs, officials, meetings, claims };
}
