/**
 * The facts of an article from an English edition (en.baochinhphu.vn, english.mic.gov.vn): the same four
 * kinds, in the same shapes, as the Vietnamese extractors give, so that both languages land in the same
 * tables. Sentences come from compromise, the English parser; the patterns are English press conventions
 * (src/facts/data/english.ts):
 *
 * - legal documents: "Decree 13/2023/ND-CP", "Decision No. 749/QD-TTg" → type "Nghị định", number
 *   "13/2023/NĐ-CP" (the issuer code in its Vietnamese spelling, so both languages share the document);
 * - officials: a title then a Vietnamese name ("Prime Minister Pham Minh Chinh"), or a name then ", title";
 *   names are kept as written, and the store matches them to the same person written with diacritics;
 * - meetings: "the eighth meeting of the National Committee on Digital Transformation", with who chaired it,
 *   whether it was online or hybrid, and its date (the article's, unless the sentence gives one);
 * - figures: "more than 30,000 enterprises", "nearly 200 million downloads", "VND 150 trillion", "US$1.5
 *   billion", "7.72 percent", "two-thirds of provinces", with their qualifier, unit, period and metric.
 */
import nlp from 'compromise';
import type { Claim, Facts, LegalRef, Meeting, Official, Span } from '../types.js';
import { canonicalKey, foldKey } from '../text/normalize.js';
import { metricKey } from './metric-key.js';
import { normalizeDocNumber, issuerFromCode } from './legal-refs.js';
import { FAMILY_NAMES } from './data/people.js';
import {
  ASCII_ISSUER_CODES, EN_CURRENCIES, EN_DOC_TYPES, EN_FRACTIONS, EN_MEETING_KINDS, EN_MONTHS, EN_NUMBER_WORDS, EN_ORDINALS,
  EN_QUALIFIERS, EN_SCALES, EN_TITLES, EN_VERBS,
} from './data/english.js';

export interface EnglishContext {
  publishedOn?: string | null;
  title?: string | null;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');

const MONTH = `(${alt(EN_MONTHS)}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const YEAR = '((?:19|20)\\d{2})';
const monthIndex = (m: string) => { const k = m.toLowerCase().replace('.', '').slice(0, 3); return EN_MONTHS.findIndex((x) => x.startsWith(k)) + 1; };
const pad = (n: number) => String(n).padStart(2, '0');

interface Sentence { text: string; start: number }

/** The text's sentences with their offsets, as compromise splits them. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (const s of nlp(text).sentences().out('array') as string[]) {
    const t = s.trim();
    if (!t) continue;
    const at = text.indexOf(t, from);
    if (at < 0) continue;
    out.push({ text: t, start: at });
    from = at + t.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Dates and periods

/** An explicit date in the text ("April 17, 2023", "17 April 2023", "on August 8"), ISO; null when none. */
export function englishDate(text: string, publishedOn: string | null): { value: string; span: Span } | null {
  const year = publishedOn ? Number(publishedOn.slice(0, 4)) : null;
  const forms: [RegExp, (m: RegExpExecArray) => [number | null, number, number]][] = [
    [new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)${YEAR}\\b`, 'i'), (m) => [Number(m[3]), monthIndex(m[1]!), Number(m[2])]],
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+${YEAR}\\b`, 'i'), (m) => [Number(m[3]), monthIndex(m[2]!), Number(m[1])]],
    [new RegExp(`\\bon\\s+${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i'), (m) => [year, monthIndex(m[1]!), Number(m[2])]],
  ];
  for (const [re, parts] of forms) {
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    if (!y || mo < 1 || d < 1 || d > 31) continue;
    return { value: `${y}-${pad(mo)}-${pad(d)}`, span: [m.index, m.index + m[0].length] };
  }
  return null;
}

const QUARTER_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/** Period phrasings, first match wins, each with the period it names (the article's year when it names none). */
const PERIODS: readonly [RegExp, (m: RegExpExecArray, year: string | null) => string | null][] = [
  [new RegExp(`first\\s+(?:six|6)\\s+months\\s+(?:of\\s+)?(?:(?:this|the)\\s+year|${YEAR})?`), (m, y) => ((m[1] ?? y) ? `${m[1] ?? y}-H1` : null)],
  [new RegExp(`(first|second)\\s+half\\s+(?:of\\s+)?(?:(?:this|the)\\s+year|${YEAR})`), (m, y) => ((m[2] ?? y) ? `${m[2] ?? y}-H${m[1] === 'first' ? 1 : 2}` : null)],
  [new RegExp(`\\bh([12])[\\s/]+${YEAR}`), (m) => `${m[2]}-H${m[1]}`],
  [new RegExp(`first\\s+(?:nine|9)\\s+months\\s+(?:of\\s+)?${YEAR}`), (m) => `${m[1]}-01/${m[1]}-09`],
  [new RegExp(`first\\s+(?:three|3)\\s+months\\s+(?:of\\s+)?${YEAR}`), (m) => `${m[1]}-Q1`],
  [new RegExp(`(first|second|third|fourth)\\s+quarter\\s+(?:of\\s+)?(?:(?:this|the)\\s+year|${YEAR})?`), (m, y) => ((m[2] ?? y) ? `${m[2] ?? y}-Q${QUARTER_WORDS[m[1]!]}` : null)],
  [new RegExp(`\\bq([1-4])(?:\\s*(?:/|of)?\\s*${YEAR})?\\b`), (m, y) => ((m[2] ?? y) ? `${m[2] ?? y}-Q${m[1]}` : null)],
  [new RegExp(`\\b(?:in|of|for|during)\\s+${MONTH}\\s+${YEAR}`), (m) => `${m[2]}-${pad(monthIndex(m[1]!))}`],
  [new RegExp(`\\b(?:in|of|for|during|by|since)\\s+(?:the\\s+year\\s+)?${YEAR}\\b`), (m) => m[1]!],
  [/\b(?:this\s+year|the\s+whole\s+year|the\s+full\s+year|full-year|for\s+the\s+year)\b/, (_m, y) => y],
];

/** The period a sentence speaks of, in the contract's forms ("2022-H1", "2022-Q2", "2022-06", "2022"). */
export function englishPeriod(text: string, publishedOn: string | null): string | null {
  const year = publishedOn ? publishedOn.slice(0, 4) : null;
  const t = text.toLowerCase();
  for (const [re, period] of PERIODS) {
    const m = re.exec(t);
    if (m) return period(m, year);
  }
  if (/\blast\s+year\b/.test(t) && year && !/same\s+period\s+(?:of\s+)?last\s+year/.test(t)) return String(Number(year) - 1);
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Legal documents

// "Decree 13/2023/ND-CP", "Decision No. 749/QD-TTg", "the Law on Cybersecurity No. 24/2018/QH14", "Resolution 52-NQ/TW".
const DOC_RE = new RegExp(`\\b(${alt(Object.keys(EN_DOC_TYPES))})(?:\\s+on\\s+[^,.;()]{2,80}?)?\\s+(?:No\\.?\\s*)?` +
  `(\\d{1,4}[a-z]?(?:/(?:19|20)\\d{2})?/[A-ZĐ][A-Za-zĐđ&0-9]*(?:-[A-ZĐ][A-Za-zĐđ&0-9]*)*|\\d{1,4}-[A-ZĐ]{2,5}/[A-ZĐ]{1,5})(?![\\w/-])`, 'g');

/** A number as English text writes it ("13/2023/ND-CP") in its official Vietnamese spelling ("13/2023/NĐ-CP"). */
export function vietnameseDocNumber(raw: string): string {
  const parts = raw.split('/');
  const code = parts.pop()!;
  const spelled = ASCII_ISSUER_CODES[code] ?? code.split('-').map((p) => ASCII_ISSUER_CODES[p] ?? p).join('-');
  return normalizeDocNumber([...parts, spelled].join('/'));
}

function legalRefs(text: string, publishedOn: string | null): LegalRef[] {
  const byNumber = new Map<string, LegalRef>();
  for (const m of text.matchAll(DOC_RE)) {
    const number = vietnameseDocNumber(m[2]!);
    const span: Span = [m.index!, m.index! + m[0].length];
    const after = text.slice(span[1], span[1] + 160);
    const dated = /^[\s,]*(?:dated|issued\s+on|signed\s+on|of)\s+/i.exec(after);
    const date = dated ? englishDate(after.slice(dated[0].length, dated[0].length + 40), publishedOn) : null;
    const issuedOn = date && date.span[0] === 0 ? date : null;
    const have = byNumber.get(number);
    if (have) {
      // A later mention may be the one that gives the date.
      have.mentions.push(span);
      have.issuedOn ??= issuedOn?.value ?? null;
      continue;
    }
    const about = /^(?:[\s,]*(?:dated|issued\s+on|signed\s+on|of)\s+[^;]*?(?:19|20)\d{2})?,?\s+(?:on|regarding|about)\s+([^,.;()]+)/i.exec(after);
    const code = number.split('/').pop()!;
    byNumber.set(number, {
      type: EN_DOC_TYPES[m[1]!] ?? null, number, issuedOn: issuedOn?.value ?? null, issuer: issuerFromCode(code),
      subject: about ? about[1]!.trim() : null, mentions: [span], span,
    });
  }
  return [...byNumber.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Officials

const SURNAMES = [...new Set(FAMILY_NAMES.flatMap((n) => [n, foldKey(n).replace(/^./, (c) => c.toUpperCase())]))];
const NAME_RE = new RegExp(`(?<![\\p{L}])(?:${alt(SURNAMES)})(?:\\s+\\p{Lu}\\p{Ll}+){1,3}(?![\\p{L}])`, 'gu');
const ORG = String.raw`(?:the\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+(?:and|of|for|on|the|&)?\s*\p{Lu}[\p{L}'’&.-]*)*?`;
const TITLE = `(?:${alt(EN_TITLES)})(?:\\s+(?:of|for)\\s+${ORG})?`;
const TITLE_BEFORE = new RegExp(`(?:^|[\\s,(])(${TITLE})\\s*$`, 'u');
const TITLE_AFTER = new RegExp(`^,\\s+(?:the\\s+)?(${TITLE})(?=[,.;)]|$)`, 'u');

function officials(sentences: readonly Sentence[]): Official[] {
  const byKey = new Map<string, Official>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(NAME_RE)) {
      const name = m[0];
      const before = s.text.slice(Math.max(0, m.index! - 120), m.index!);
      const after = s.text.slice(m.index! + name.length, m.index! + name.length + 120);
      const title = (TITLE_BEFORE.exec(before)?.[1] ?? TITLE_AFTER.exec(after)?.[1])?.trim().replace(/[.,]+$/, '') ?? null;
      const key = canonicalKey(name);
      const span: Span = [s.start + m.index!, s.start + m.index! + name.length];
      const have = byKey.get(key);
      if (have) {
        have.mentions.push(span);
        if (title && !have.titles.includes(title)) have.titles.push(title);
      } else {
        byKey.set(key, { name, titles: title ? [title] : [], key, mentions: [span], span });
      }
    }
  }
  // A name no sentence gives a title to is not known to be an official.
  return [...byKey.values()].filter((o) => o.titles.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// Meetings

const MEETING_RE = new RegExp(
  `\\b(?:[Tt]he|[Aa]n?|[Ii]ts)\\s+(?:(${alt(Object.keys(EN_ORDINALS))}|\\d{1,2}(?:st|nd|rd|th))\\s+)?((?:(?:online|hybrid|virtual|in-person|regular|annual|extraordinary|national|international|thematic|monthly)\\s+)*)` +
  `(${alt(EN_MEETING_KINDS)})\\b(?:\\s+of\\s+(?:the\\s+)?(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:on|of|for|and|the|in|to)?\\s*\\p{Lu}[\\p{L}'’-]*)*))?`, 'gu');
const HELD = /\b(chair(?:ed|s)?|co-chair(?:ed|s)?|presid(?:ed|es)\s+over|held|holds|convened|hosted|opened|organi[sz]ed|took\s+place|attended|addressed)\b/i;

const HYBRID = /\bhybrid\b|in person and online|in-person and online|both in person|\b(?:and|also)\s+(?:was\s+)?(?:held\s+|broadcast\s+|streamed\s+|connected\s+|linked\s+)?online\b|\bconnected\s+online\b/i;
const ONLINE = /\bonline\b|\bvirtual(?:ly)?\b|video\s*(?:link|conference)|videoconference/i;
const CHAIR_VERB = /\b(chair(?:ed|s)|presid(?:ed|es)\s+over|hosted|co-chair(?:ed|s))\b/i;

function modeOf(text: string): Meeting['mode'] {
  return HYBRID.test(text) ? 'hybrid' : ONLINE.test(text) ? 'online' : /\bin-person\b/i.test(text) ? 'in-person' : null;
}

function meetings(sentences: readonly Sentence[], people: readonly Official[], publishedOn: string | null): Meeting[] {
  const out: Meeting[] = [];
  const seen = new Set<string>();
  /** The officials named in a sentence, with their offsets in it. */
  const namedIn = (s: Sentence) => people.flatMap((p) => p.mentions.filter(([a]) => a >= s.start && a < s.start + s.text.length).map(([a]) => ({ p, at: a - s.start })));
  /** Who a sentence has chair (or preside over, or host) what it speaks of. */
  const chairIn = (s: Sentence): string | null => {
    const named = namedIn(s);
    const by = /\b(?:chaired|co-chaired|presided\s+over|hosted)\s+by\s+/i.exec(s.text);
    if (by) return named.filter((n) => n.at >= by.index).sort((a, b) => a.at - b.at)[0]?.p.name ?? null;
    const verb = CHAIR_VERB.exec(s.text);
    return verb ? named.filter((n) => n.at < verb.index).sort((a, b) => b.at - a.at)[0]?.p.name ?? null : null;
  };
  sentences.forEach((s, i) => {
    if (!HELD.test(s.text)) return;
    MEETING_RE.lastIndex = 0;
    const m = MEETING_RE.exec(s.text);
    if (!m) return;
    const kind = m[3]!.toLowerCase();
    const ord = m[1] ? EN_ORDINALS[m[1].toLowerCase()] ?? parseInt(m[1], 10) : null;
    // Without "of …", the body is the one holding it: "The General Statistics Office (GSO) … held a press conference".
    const holder = /^(?:[A-Z]{2,5}\s+-\s+)?(?:The\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|on)?\s*\p{Lu}[\p{L}'’-]*)+)[^.]*?\b(?:held|hosted|organi[sz]ed|convened)\b/u.exec(s.text.slice(0, m.index));
    const body = m[4]?.trim() ?? holder?.[1] ?? null;
    // The same meeting named again (in the lead and in the body) is one; so is "the <kind>" after one was named.
    const id = ord !== null ? `${kind}|${ord}` : `${kind}|${body ?? ''}`;
    if (seen.has(id) || (ord === null && !body && /^[Tt]he\b/.test(m[0]) && out.some((x) => x.kind === kind))) return;
    seen.add(id);
    // The mode and the chair may be said in the sentences that follow ("The meeting took place … in a hybrid format").
    const around = sentences.slice(i, i + 3);
    const mode = around.map((x) => modeOf(x.text)).find((x) => x) ?? null;
    const chair = chairIn(s) ?? sentences.filter((x) => new RegExp(`\\b(?:chaired|presided\\s+over|hosted)\\s+the\\s+(?:\\w+\\s+)?${kind}\\b`, 'i').test(x.text)).map(chairIn).find((x) => x) ?? null;
    const date = englishDate(s.text, publishedOn)?.value ?? (publishedOn ? publishedOn.slice(0, 10) : null);
    out.push({ kind, ordinal: ord, body, date, chair, mode, location: null, purpose: null, participants: [], span: [s.start + m.index, s.start + m.index + m[0].length] });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Figures

const QUALIFIER_AT_END = new RegExp(`(?:^|\\s)(${alt(EN_QUALIFIERS.map(([p]) => p))})\\s*$`, 'i');
const CURRENCY_BEFORE = alt(EN_CURRENCIES.map(([w]) => w).filter((w) => w !== 'dong'));
const FIGURE_RE = new RegExp(
  `(?<![\\p{L}\\d/.,-])(?:(${CURRENCY_BEFORE})\\s?)?` +
  `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${alt(Object.keys(EN_FRACTIONS))}|${alt(Object.keys(EN_NUMBER_WORDS))})` +
  `(?:\\s?(${alt(Object.keys(EN_SCALES))})\\b)?` +
  `(?:\\s?(percentage\\s+points?|percent|per\\s+cent|%|USD|VND|dong|EUR)(?![\\p{L}]))?`, 'giu');
const VERB_AT_END = new RegExp(`(?:^|\\s)(${alt(EN_VERBS.map(([v]) => v))})\\s*$`, 'i');
const STOP = new Set(['of', 'in', 'at', 'on', 'and', 'to', 'for', 'from', 'with', 'by', 'compared', 'than', 'as', 'the', 'a', 'an', 'this', 'that', 'last', 'year', 'years', 'per', 'each', 'while', 'which', 'who', 'were', 'was', 'are', 'is', 'had', 'have', 'has', 'will', 'would']);
const COUNT_NOUN = /^\s+((?:[A-Za-z][A-Za-z-]*\s+){0,4}[A-Za-z][A-Za-z-]*)/;
const SINGULAR_UNITS = new Set(['people', 'tonnes', 'tons', 'hectares', 'km', 'kilometers', 'kilometres', 'mw', 'kwh', 'gw', 'cubic', 'passengers', 'visitors', 'children', 'staff', 'personnel']);
/** Words that end a metric phrase when read backwards from its verb. */
const METRIC_STOP = /[,;:()"“”]|\b(?:and|while|whereas|that|which|when|where|as|but|with|said|says|according)\b/i;
const PERIOD_TAIL = new RegExp(`\\s+(?:in|during|for|over|of)\\s+(?:the\\s+)?(?:first|second|third|fourth|last|past|this|q[1-4]|${MONTH}|(?:19|20)\\d{2}).*$`, 'i');
const DETERMINERS = /^(?:the|a|an|its|their|vietnam's|viet nam's|the country's|the nation's|this|that|total|overall)\s+/i;

/** What a sentence holds that is not a figure: document numbers, dates, quarters, ordinals, periods. */
const MASKS: readonly RegExp[] = [
  DOC_RE,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*(?:19|20)\\d{2})?`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+(?:19|20)\\d{2})?`, 'gi'),
  /\bQ[1-4](?:\/(?:19|20)\d{2})?\b/gi,
  /\b\d+(?:st|nd|rd|th)\b/g,
  /\b(?:first|second|third|last|next|past)\s+(?:six|nine|three|two|\d+)\s+months\b/gi,
  /\bNo\.\s*\d+/g,
  new RegExp(`\\b(?:${alt(Object.keys(EN_DOC_TYPES))})\\s+(?:No\\.?\\s*)?\\d+`, 'g'),
  /\b(?:first|second)\s+half\b/gi,
];

/** Spans of a sentence not to read as figures (MASKS). */
function maskedSpans(s: string): Span[] {
  const spans: Span[] = [];
  for (const re of MASKS) for (const m of s.matchAll(re)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

/** The words naming what is counted: up to a function word, ending on a plural noun or a unit ("households use digital" → "households"). */
function countedWords(phrase: string): string[] {
  const words: string[] = [];
  for (const w of phrase.toLowerCase().split(/\s+/)) {
    if (STOP.has(w)) break;
    words.push(w);
    // The noun phrase ends at its first plural ("40,700 enterprises resumed operations" counts enterprises).
    if ((w.endsWith('s') && !w.endsWith('ss') && w.length > 2) || SINGULAR_UNITS.has(w)) return words;
  }
  return [];
}

function numberValue(num: string): number | null {
  const lower = num.toLowerCase();
  if (lower in EN_FRACTIONS) return EN_FRACTIONS[lower]!;
  if (lower in EN_NUMBER_WORDS) return EN_NUMBER_WORDS[lower]!;
  const v = Number(num.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

/** Verbs and auxiliaries a metric phrase ends before, or starts after ("the country thus posted a trade surplus"). */
const VERBISH = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'could', 'would', 'will', 'may', 'might', 'can', 'should',
  'put', 'estimated', 'expected', 'forecast', 'projected', 'posted', 'recorded', 'reached', 'attracted', 'achieved', 'saw', 'made', 'hit', 'remained',
  'stood', 'continued', 'showed', 'grew', 'grow', 'rose', 'reach', 'increased', 'decreased', 'fell', 'amounted', 'totaled', 'totalled', 'registered']);

/** What the figure measures, read backwards from its verb: "Exports hit US$1.5 billion" → "exports". */
function metricBefore(before: string): { metric: string | null; change: 'up' | 'down' | null } {
  let rest = before.replace(QUALIFIER_AT_END, ' ').replace(/\s+by(?:\s+an\s+average\s+of)?\s*$/i, ' ');
  const verb = VERB_AT_END.exec(rest);
  let change: 'up' | 'down' | null = null;
  if (verb) {
    change = EN_VERBS.find(([v]) => v === verb[1]!.toLowerCase())?.[1] ?? null;
    rest = rest.slice(0, verb.index);
  }
  rest = rest.replace(PERIOD_TAIL, '').replace(/\s+(?:year[- ]on[- ]year|so far|also)\s*$/i, '');
  // "gross domestic product (GDP)": the acronym names it.
  const acronym = /\(([A-Z][A-Za-z]{1,7})\)\s*$/.exec(rest);
  if (acronym) return { metric: acronym[1]!.toLowerCase(), change };
  // The clause's last phrase before the verb.
  let words = (rest.split(METRIC_STOP).pop() ?? '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const aux = words.findIndex((w) => VERBISH.has(w.toLowerCase()));
  if (aux >= 0) words = aux > 0 ? words.slice(0, aux) : words.slice(1);
  const lastVerb = words.reduce((at, w, i) => (VERBISH.has(w.toLowerCase()) ? i : at), -1);
  if (lastVerb >= 0 && lastVerb < words.length - 1) words = words.slice(lastVerb + 1);
  let metric = words.join(' ');
  while (DETERMINERS.test(metric)) metric = metric.replace(DETERMINERS, '');
  metric = metric.split(' ').slice(-5).join(' ').replace(/[.]+$/, '').toLowerCase();
  return { metric: metric && /\p{L}/u.test(metric) ? metric : null, change };
}

function claims(sentences: readonly Sentence[], ctx: EnglishContext): Claim[] {
  const publishedOn = ctx.publishedOn ?? null;
  const titlePeriod = ctx.title ? englishPeriod(ctx.title, publishedOn) : null;
  const out: Claim[] = [];
  for (const s of sentences) {
    const masked = maskedSpans(s.text);
    const period = englishPeriod(s.text, publishedOn) ?? titlePeriod;
    const comparison = /\b(?:compared\s+(?:with|to)|against)\s+([^,.;]+)/i.exec(s.text)?.[0] ?? /\byear[- ]on[- ]year\b/i.exec(s.text)?.[0] ?? null;
    // "76,200 enterprises were newly established, up 13.6 percent": a change right after a figure is of its metric.
    let last: { metric: string; end: number } | null = null;
    for (const m of s.text.matchAll(FIGURE_RE)) {
      const [whole, cur, num, scale, unitWord] = m;
      const at = m.index!;
      if (masked.some(([a, b]) => at < b && at + whole.length > a)) continue;
      let value = numberValue(num!);
      if (value === null) continue;
      const isFraction = num!.toLowerCase() in EN_FRACTIONS;
      const isWord = !isFraction && num!.toLowerCase() in EN_NUMBER_WORDS;
      // A bare year ("in 2023") is a date, not a figure.
      if (!cur && !scale && !unitWord && /^(?:19|20)\d{2}$/.test(num!)) continue;
      if (scale) value *= EN_SCALES[scale.toLowerCase()]!;
      let unit: string | null = null;
      let metric: string | null = null;
      let change: 'up' | 'down' | null = null;
      let end = at + whole.length;
      const before = s.text.slice(0, at);
      const currency = (cur ?? (unitWord && /^(USD|VND|dong|EUR)$/i.test(unitWord) ? unitWord : null));
      if (currency) unit = EN_CURRENCIES.find(([w]) => w.toLowerCase() === currency.toLowerCase())?.[1] ?? null;
      else if (unitWord) unit = /^percentage/i.test(unitWord) ? 'điểm phần trăm' : '%';
      else if (isFraction) unit = '%';
      if (unit) {
        const read = metricBefore(before);
        metric = read.metric;
        change = read.change;
        // "two-thirds of provinces", "7 percent of households": the share is of what follows.
        const of = /^\s+of\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)/i.exec(s.text.slice(end));
        if (unit === '%' && of && (!metric || isFraction)) metric = countedWords(of[1]!).join(' ') || metric;
        if (!metric && last && at - last.end < 40 && /^[\s,;]*(?:(?:and|or|while)\s+)?(?:up|down|rising|falling|increasing|decreasing|an?\s+(?:increase|decrease|rise|drop)\s+of|compared|or)\b/i.test(s.text.slice(last.end, at).replace(/^[^,;]*/, ''))) metric = last.metric;
      } else {
        // A count: the noun phrase after the figure names what is counted ("30,000 digital technology enterprises").
        const noun = COUNT_NOUN.exec(s.text.slice(end));
        if (!noun) continue;
        const words = countedWords(noun[1]!);
        const counted = words[words.length - 1];
        if (!counted) continue;
        if (isWord && value < 2) continue;
        metric = words.join(' ');
        unit = counted;
        end += noun[0].length - (noun[1]!.length - words.join(' ').length);
        change = metricBefore(before).change;
      }
      if (!metric) continue;
      last = { metric, end: at + whole.length };
      // A year right after the figure is its own period ("20 percent of GDP by 2025 and 30 percent by 2030"), and
      // "the same period of 2021" is the sentence's period in that year.
      const tail = s.text.slice(end, end + 50);
      const own = /^[^,.;]{0,25}?\b(?:by|in)\s+((?:19|20)\d{2})\b/.exec(tail);
      const same = /^[^,.;]{0,30}?\bsame\s+period\s+(?:of|in)\s+((?:19|20)\d{2})\b/.exec(tail);
      const figurePeriod = same && period && /^\d{4}/.test(period) ? `${same[1]}${period.slice(4)}` : own ? own[1]! : period;
      const q = QUALIFIER_AT_END.exec(before.replace(/\s+by\s*$/i, ' '));
      const approx = q ? EN_QUALIFIERS.find(([p]) => p === q[1]!.toLowerCase())![1] : 'exact';
      const start = q && before.length - q.index! <= q[0].length + 1 ? s.start + q.index! + q[0].indexOf(q[1]!) : s.start + at;
      out.push({
        // A rate with a direction is a growth: "GDP grew 7.72 percent" is looked up as "gdp growth".
        metric, metricKey: metricKey(change && (unit === '%' || unit === 'điểm phần trăm') && !/growth$/.test(metric) ? `${metric} growth` : metric, unit, s.text), value: Math.round(value * 1e6) / 1e6, unit, approx, period: figurePeriod,
        change, comparison, source: null, sentence: s.text, span: [start, s.start + end],
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

export function extractEnglishFacts(text: string, ctx: EnglishContext = {}): Facts {
  const publishedOn = ctx.publishedOn ?? null;
  const sentences = sentencesOf(text);
  const refs = legalRefs(text, publishedOn);
  const people = officials(sentences);
  return { legalRefs: refs, officials: people, meetings: meetings(sentences, people, publishedOn), claims: claims(sentences, ctx) };
}
